import Foundation
import HTTPTypes
import Hummingbird
import OctopusModel

/// Rewrites a request before routing, so routes are registered once in their canonical
/// space-scoped form:
/// - `X-HTTP-Method-Override: PUT|DELETE` on a POST becomes that method (.NET client);
/// - `/api/spaces/{spaceId}/X` becomes `/api/{spaceId}/X` (newer clients);
/// - unscoped space-scoped paths (`/api/projects/...`) act on the default space;
/// - a trailing `/` is dropped (`/api/` is `/api`).
struct SandboxRequestRewriter: Sendable {
    /// First path segments (lower case) that name space-scoped collections. System collections
    /// (`spaces`, `users`, `teams`, `teammembership`, `tasks`, `events`, `sandbox`, ...) are
    /// absent: their routes are registered unscoped (and, where Octopus has both, scoped too).
    static let spaceScopedCollections: Set<String> = [
        "projects", "projectgroups", "channels", "lifecycles", "environments", "machines", "machineroles",
        "deploymentprocesses", "releases", "deployments", "interruptions", "artifacts", "dashboard",
        "progression", "variables", "feeds", "tenants", "build-information", "workers", "workerpools",
        "libraryvariablesets", "projecttriggers", "packages", "actiontemplates", "tagsets", "machinepolicies",
        "dashboardconfiguration", "tenantvariables", "accounts", "certificates", "proxies", "subscriptions",
        "runbooks", "runbookprocesses", "runbooksnapshots",
    ]

    /// The rewritten request, or the original when nothing applies.
    func rewrite(_ request: Request, defaultSpace: () async throws -> SpaceID?) async throws -> Request {
        var head = request.head
        var changed = false
        if head.method == .post, let override = head.headerFields[named: "X-HTTP-Method-Override"] {
            guard let method = HTTPRequest.Method(override.trimmingCharacters(in: .whitespaces).uppercased()),
                [.put, .delete, .patch, .get, .post].contains(method)
            else {
                throw SandboxError.badRequest(
                    message: "The X-HTTP-Method-Override header must be PUT, DELETE, PATCH, GET or POST, but was '\(override)'.")
            }
            head.method = method
            changed = true
        }
        let path = request.uri.path
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.first?.lowercased() == "api" {
            if segments.count >= 4, segments[1].lowercased() == "spaces" {
                // /api/spaces/{spaceId}/X -> /api/{spaceId}/X
                segments.remove(at: 1)
            } else if segments.count >= 2, Self.spaceScopedCollections.contains(segments[1].lowercased()),
                let space = try await defaultSpace()
            {
                segments.insert(space.rawValue, at: 1)
            }
        }
        let newPath = "/" + segments.joined(separator: "/")
        if newPath != path {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            head.path = newPath + query
            changed = true
        }
        return changed ? Request(head: head, body: request.body) : request
    }
}

extension HTTPFields {
    /// A header's value by name; nil when absent (or when `name` is not a valid field name).
    subscript(named name: String) -> String? {
        HTTPField.Name(name).flatMap { self[$0] }
    }
}
