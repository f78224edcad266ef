import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import OctopusModel

/// Identifies the caller from an API key: `X-Octopus-ApiKey` header, `?apikey=` (any case), or
/// `Authorization: Bearer <key>`. An empty header counts as no key (the TS client sends one).
struct SandboxAuthenticator: Sendable {
    let store: SandboxStore
    /// Each key's user, kept until the next write (a key added, a user deactivated).
    let users: UntilChangedCache<User?>

    /// The API key the request carries, if any. Never logged or echoed.
    static func apiKey(in request: Request) -> (key: String, scheme: String)? {
        if let header = request.headers[named: "X-Octopus-ApiKey"]?.trimmingCharacters(in: .whitespaces), !header.isEmpty {
            return (header, "ApiKey")
        }
        if let query = QueryParameters(request).string("apikey") {
            return (query, "ApiKey")
        }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].trimmingCharacters(in: .whitespaces)
                if !token.isEmpty { return (token, "Bearer") }
            }
        }
        return nil
    }

    /// True for the routes anyone may call without a key: the root document and signing in (the sandbox's own
    /// `/api/sandbox/*` control routes change failures and the clock, so they need a key like everything else).
    static func isAnonymous(_ request: Request) -> Bool {
        let path = request.uri.path.lowercased()
        let isRoot = (request.method == .get || request.method == .head) && (path == "/api" || path == "/api/")
        let isLogin = request.method == .post && path == "/api/users/login"
        return isRoot || isLogin
    }

    /// The site a browser says a cross-site request came from, nil for same-origin and non-browser requests:
    /// `Sec-Fetch-Site: cross-site` / `same-site`, or an `Origin` whose host and port differ from `Host`.
    static func crossSiteOrigin(of request: Request) -> String? {
        let fetchSite = request.headers[named: "Sec-Fetch-Site"]?.lowercased()
        let origin = request.headers[named: "Origin"]
        if fetchSite == "cross-site" || fetchSite == "same-site" { return origin ?? fetchSite }
        guard let origin else { return nil }
        // HTTPTypes keeps HTTP/1's Host header as the request's authority.
        guard let host = (request.head.authority ?? request.headers[named: "Host"])?.lowercased(),
              let components = URLComponents(string: origin), let originHost = components.host?.lowercased()
        else { return origin }
        let originAuthority = components.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority == host ? nil : origin
    }

    /// The user owning `key`, or nil when the key is unknown or the user inactive.
    func user(forKey key: String) async throws -> User? {
        try await users.value(for: key, reading: store) { db in
            guard let userID = try String.fetchOne(
                db, sql: "SELECT userId FROM sandboxApiKeys WHERE apiKey = ?", arguments: [key])
            else { return nil }
            guard let user = try db.document(User.self, id: userID), user.isActive else { return nil }
            return user
        }
    }
}

extension SandboxStore {
    /// Registers an API key for a user (keys are stored as given: this is a local sandbox).
    package func addAPIKey(_ key: String, for user: UserID, purpose: String) async throws {
        try await write { db in try db.addAPIKey(key, for: user, purpose: purpose) }
    }

    /// The default space (`IsDefault`), or the first space when none is marked.
    package func defaultSpaceID() async throws -> SpaceID? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT id FROM spaces ORDER BY isDefault DESC, ordinal ASC LIMIT 1")
                .map(SpaceID.init(rawValue:))
        }
    }
}

extension Database {
    /// Registers an API key for a user inside a transaction.
    package func addAPIKey(_ key: String, for user: UserID, purpose: String) throws {
        try execute(
            sql: "INSERT OR REPLACE INTO sandboxApiKeys (apiKey, userId, purpose) VALUES (?, ?, ?)",
            arguments: [key, user.rawValue, purpose])
    }
}
