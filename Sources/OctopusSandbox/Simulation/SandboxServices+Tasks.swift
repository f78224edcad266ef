import Foundation
import GRDB
import Hummingbird
import OctopusModel

extension SandboxServices {
    /// Brings every task up to the clock before a route reads or changes task-dependent state.
    func catchUp() async throws {
        try await simulator.catchUp()
    }

    /// Checks that the caller holds `permission` in `space` (for system routes such as
    /// `/api/tasks/{id}`, whose space comes from the document). Returns the caller.
    func authorize(_ context: SandboxRequestContext, _ permission: SandboxPermission, in space: SpaceID?) async throws -> User {
        let user = try context.authenticatedUser()
        guard let space else { return user }
        // The space comes from a document, so it exists.
        guard try await access(of: user.id, in: space)?.contains(permission) == true else {
            throw SandboxError.forbidden(
                permission: permission.rawValue,
                detail: "\(user.displayName) (\(user.id)) lacks \(permission.rawValue) in \(space); add the user to a team that grants it.")
        }
        return user
    }

    /// The spaces a list may show, after catching up: the route's space (checked for `permission`),
    /// or for a system route (`/api/tasks`) every space where the caller holds it, narrowed by the
    /// `spaces=` filter.
    func listedSpaces(
        _ context: SandboxRequestContext, scoped: Bool, _ permission: SandboxPermission, parameters: QueryParameters
    ) async throws -> [SpaceID] {
        var spaces: [SpaceID]
        if scoped {
            spaces = [try await authorize(context, permission)]
        } else {
            let user = try context.authenticatedUser()
            spaces = try await store.read { db in
                try db.documents(Space.self).map(\.id).filter {
                    try self.access(of: user.id, in: $0, db: db)?.contains(permission) == true
                }
            }
        }
        if let requested = parameters.list("spaces") {
            spaces = spaces.filter { space in requested.contains { $0.caseInsensitiveCompare(space.rawValue) == .orderedSame } }
        }
        try await catchUp()
        return spaces
    }
}
