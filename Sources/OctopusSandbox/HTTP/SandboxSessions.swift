import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import OctopusModel

/// Username and password sign-in (`POST /api/users/login`) and the session cookies Octopus sets:
/// `OctopusIdentificationToken` identifies the session; `Octopus-Csrf-Token` must be echoed in the
/// `X-Octopus-Csrf-Token` header of every request that changes something, so another site cannot
/// act with the cookie.
///
/// Seeded people sign in with the sandbox password `<username>-sandbox` (`riley-sandbox`, ...);
/// service accounts (Release Conductor) have no password, as in Octopus.
enum SandboxSessions {
    static let identityCookie = "OctopusIdentificationToken"
    static let csrfCookie = "Octopus-Csrf-Token"
    static let csrfHeader = "X-Octopus-Csrf-Token"

    /// The documented sandbox password of a seeded person.
    static func seededPassword(username: String) -> String { "\(username)-sandbox" }

    /// The password and session tables.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("sessions-v1") { db in
            try db.create(table: "sandboxPasswords") { table in
                table.column("userId", .text).primaryKey()
                table.column("password", .text).notNull()
            }
            try db.create(table: "sandboxSessions") { table in
                table.column("token", .text).primaryKey()
                table.column("userId", .text).notNull()
                table.column("csrfToken", .text).notNull()
            }
        }
    }

    /// The value of the cookie named `name` (or, for the identity cookie, any `name_...` variant
    /// Octopus appends an installation id to).
    static func cookie(_ name: String, in request: Request) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == name || parts[0].hasPrefix("\(name)_") { return parts[1] }
        }
        return nil
    }

    /// The user of the request's session cookie, nil without one (or with an ended session). A
    /// request that changes something must carry the session's CSRF token.
    static func user(of request: Request, store: SandboxStore) async throws -> User? {
        guard let token = cookie(identityCookie, in: request), !token.isEmpty else { return nil }
        let found = try await store.read { db -> (User, String)? in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT userId, csrfToken FROM sandboxSessions WHERE token = ?", arguments: [token]),
                let user = try db.document(User.self, id: row["userId"]), user.isActive
            else { return nil }
            return (user, row["csrfToken"])
        }
        guard let (user, csrf) = found else { return nil }
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method), request.headers[named: csrfHeader] != csrf {
            throw SandboxError.forbidden(
                permission: "session",
                detail: "A request signed in by the session cookie must repeat the \(csrfCookie) cookie's value in the \(csrfHeader) header.")
        }
        return user
    }
}

extension Database {
    /// Gives a seeded person their sandbox password.
    func setPassword(_ password: String, for user: UserID) throws {
        try execute(
            sql: "INSERT OR REPLACE INTO sandboxPasswords (userId, password) VALUES (?, ?)",
            arguments: [user.rawValue, password])
    }
}
