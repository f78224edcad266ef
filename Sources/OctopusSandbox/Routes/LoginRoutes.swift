import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import OctopusModel

/// `POST /api/users/login` (anonymous: `{"Username", "Password"}` → the user and the session
/// cookies; wrong credentials are a 400) and `POST /api/users/logout` (ends the session).
enum LoginRoutes {
    struct Credentials: Decodable, Sendable {
        var username: String?
        var password: String?

        enum CodingKeys: String, PascalCaseCodingKey {
            case username, password
        }
    }

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.post("/api/users/login") { request, _ in
            let credentials = try await JSONRequestBody.decode(Credentials.self, from: request)
            guard let username = credentials.username, !username.isEmpty, let password = credentials.password else {
                throw SandboxError.badRequest(
                    message: "Please provide a Username and a Password.",
                    errors: ["Send {\"Username\": \"riley\", \"Password\": \"riley-sandbox\"}; seeded people's sandbox passwords are <username>-sandbox."])
            }
            let token = randomToken()
            let csrf = randomToken()
            let user = try await store.write { db -> User? in
                guard let user = try db.documents(User.self, DocumentQuery([.textOneOf("username", [username])])).first,
                    user.isActive,
                    try String.fetchOne(db, sql: "SELECT password FROM sandboxPasswords WHERE userId = ?", arguments: [user.id.rawValue]) == password
                else { return nil }
                try db.execute(
                    sql: "INSERT INTO sandboxSessions (token, userId, csrfToken) VALUES (?, ?, ?)",
                    arguments: [token, user.id.rawValue, csrf])
                return user
            }
            guard let user else { throw SandboxError.badRequest(message: "Invalid username or password.") }
            var response = try JSONResponse.ok(SandboxLinks.linking(user))
            response.headers.append(HTTPField(name: .setCookie, value: "\(SandboxSessions.identityCookie)=\(token); path=/; HttpOnly; SameSite=Lax"))
            response.headers.append(HTTPField(name: .setCookie, value: "\(SandboxSessions.csrfCookie)=\(csrf); path=/; SameSite=Lax"))
            return response
        }
        router.post("/api/users/logout") { request, context in
            _ = try context.authenticatedUser()
            if let token = SandboxSessions.cookie(SandboxSessions.identityCookie, in: request) {
                try await store.write { db in try db.execute(sql: "DELETE FROM sandboxSessions WHERE token = ?", arguments: [token]) }
            }
            var response = try JSONResponse.ok([String: String]())
            for name in [SandboxSessions.identityCookie, SandboxSessions.csrfCookie] {
                response.headers.append(HTTPField(name: .setCookie, value: "\(name)=; path=/; Max-Age=0"))
            }
            return response
        }
    }

    private static func randomToken() -> String {
        (0..<2).map { _ in UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }.joined()
    }
}
