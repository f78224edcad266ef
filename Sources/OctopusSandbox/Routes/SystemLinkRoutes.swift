import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// The routes behind the links of the root document and of users and teams: task types, event
/// groups, agents and document types; a user's avatar (the default image), API keys and
/// permissions; a team's scoped roles.
enum SystemLinkRoutes {
    /// The kinds of task the sandbox runs (it runs deployments only).
    static let taskTypes = [NamedItem(id: "Deploy", name: "Deploy a release")]
    /// The documents the sandbox's events are about.
    static let documentTypes = [
        NamedItem(id: "Deployments", name: "Deployment"), NamedItem(id: "Environments", name: "Environment"),
        NamedItem(id: "Interruptions", name: "Interruption"), NamedItem(id: "Projects", name: "Project"),
        NamedItem(id: "Releases", name: "Release"), NamedItem(id: "ServerTasks", name: "Task"),
    ]
    /// The sandbox's event categories, grouped as Octopus's event filter groups them.
    static let eventGroups = [
        EventGroup(
            id: "Deployment", name: "Deployment",
            eventCategories: [
                EventCategoryName.deploymentQueued, EventCategoryName.deploymentStarted,
                EventCategoryName.deploymentSucceeded, EventCategoryName.deploymentFailed,
                EventCategoryName.deploymentCanceled,
            ]),
        EventGroup(
            id: "Interruption", name: "Interruption",
            eventCategories: [
                EventCategoryName.manualInterventionRaised, EventCategoryName.guidedFailureRaised,
                EventCategoryName.interruptionSubmitted,
            ]),
        EventGroup(id: "ServerTask", name: "Task", eventCategories: [EventCategoryName.taskCanceled]),
    ]

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        for prefix in ["/api", "/api/{spaceId}"] {
            router.get("\(prefix)/tasks/tasktypes") { _, context in
                _ = try services.authenticate(context)
                return try JSONResponse.ok(taskTypes)
            }
            router.get("\(prefix)/events/groups") { _, context in
                _ = try services.authenticate(context)
                return try JSONResponse.ok(eventGroups)
            }
            router.get("\(prefix)/events/agents") { _, context in
                _ = try services.authenticate(context)
                // Octopus lists the agents (CLI, Tentacle, ...) its events came through; the
                // sandbox records none.
                return try JSONResponse.ok([NamedItem]())
            }
            router.get("\(prefix)/events/documenttypes") { _, context in
                _ = try services.authenticate(context)
                return try JSONResponse.ok(documentTypes)
            }
        }
        router.get("/api/users/{id}/avatar") { _, context in
            _ = try services.authenticate(context)
            _ = try await ResourceListing.one(User.self, kind: "User", id: try context.parameter("id"), space: nil, store: store)
            return DefaultLogo.response()
        }
        router.get("/api/users/{id}/apikeys") { request, context in
            let user = try await ownUser(context, store: store)
            let keys = try await store.read { db -> [(Int64, String?)] in
                try Row.fetchAll(
                    db, sql: "SELECT rowid, purpose FROM sandboxApiKeys WHERE userId = ? ORDER BY rowid",
                    arguments: [user.id.rawValue]
                ).map { ($0["rowid"], $0["purpose"]) }
            }
            let records = keys.map { rowID, purpose -> APIKeyRecord in
                let id = "apikeys-\(rowID)"
                return APIKeyRecord(
                    id: id, userId: user.id, purpose: purpose, apiKey: APIKeyRecord.Hidden(), created: user.created,
                    expires: nil, links: ["Self": "/api/users/\(user.id)/apikeys/\(id)"])
            }
            return try ResourceListing.page(
                of: records, itemType: "ApiKey", request: request, template: "/api/users/\(user.id)/apikeys{/id}{?skip,take}")
        }
        for path in ["permissions", "permissions/configuration"] {
            router.get(RouterPath("/api/users/{id}/\(path)")) { _, context in
                _ = try services.authenticate(context)
                let user = try await ResourceListing.one(User.self, kind: "User", id: try context.parameter("id"), space: nil, store: store)
                return try JSONResponse.ok(try await permissionSet(of: user, path: path, store: store))
            }
        }
        router.get("/api/teams/{id}/scopeduserroles") { request, context in
            _ = try services.authenticate(context)
            let team = try await ResourceListing.one(Team.self, kind: "Team", id: try context.parameter("id"), space: nil, store: store)
            let roles = try await store.read { db in try scopedRoles(of: team, db: db) }
            return try ResourceListing.page(
                of: roles, itemType: "ScopedUserRole", request: request,
                template: "/api/teams/\(team.id)/scopeduserroles{?skip,take}")
        }
    }

    /// The route's user, who must be the caller: API keys are only shown to their owner.
    private static func ownUser(_ context: SandboxRequestContext, store: SandboxStore) async throws -> User {
        let caller = try context.authenticatedUser()
        let user = try await ResourceListing.one(User.self, kind: "User", id: try context.parameter("id"), space: nil, store: store)
        guard user.id == caller.id else {
            throw SandboxError.forbidden(
                permission: "UserEdit",
                detail: "\(caller.displayName) (\(caller.id)) may list only their own API keys, not those of \(user.id).")
        }
        return user
    }

    private static func permissionSet(of user: User, path: String, store: SandboxStore) async throws -> UserPermissionSet {
        try await store.read { db in
            let teams = try db.documents(Team.self, DocumentQuery(order: .name)).filter { $0.memberUserIds.contains(user.id) }
            var byPermission: [String: [UserPermissionSet.Restriction]] = [:]
            for space in try db.documents(Space.self, DocumentQuery(order: .oldestFirst)) {
                for permission in try db.permissions(of: user.id, in: space.id).map(\.rawValue).sorted() {
                    byPermission[permission, default: []].append(UserPermissionSet.Restriction(spaceId: space.id))
                }
            }
            return UserPermissionSet(
                id: user.id.rawValue, spacePermissions: byPermission, systemPermissions: [],
                teams: teams.map { UserPermissionSet.TeamReference(id: $0.id, name: $0.name, spaceId: $0.spaceId) },
                links: ["Self": "/api/users/\(user.id)/\(path)"])
        }
    }

    /// One role per space the team holds permissions in, named after the Octopus built-in role
    /// with the same reach: everything is Space Manager, approving is Project Deployer's
    /// interruption rights, and viewing alone is Project Viewer.
    private static func scopedRoles(of team: Team, db: Database) throws -> [ScopedUserRole] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT spaceId, permission FROM sandboxTeamPermissions WHERE teamId = ? ORDER BY spaceId",
            arguments: [team.id.rawValue])
        var bySpace: [(SpaceID, Set<SandboxPermission>)] = []
        for row in rows {
            let space = SpaceID(rawValue: row["spaceId"])
            guard let permission = SandboxPermission(rawValue: row["permission"]) else { continue }
            if let index = bySpace.firstIndex(where: { $0.0 == space }) {
                bySpace[index].1.insert(permission)
            } else {
                bySpace.append((space, [permission]))
            }
        }
        return bySpace.map { space, permissions in
            let role: String
            if permissions.isSuperset(of: SandboxPermission.releaseManager) {
                role = "userroles-spacemanager"
            } else if permissions.contains(.interruptionSubmit) {
                role = "userroles-projectdeployer"
            } else {
                role = "userroles-projectviewer"
            }
            let id = "ScopedUserRoles-\(team.id.rawValue)-\(space.rawValue)"
            return ScopedUserRole(
                id: id, teamId: team.id, userRoleId: role, spaceId: space,
                links: ["Team": "/api/teams/\(team.id)"])
        }
    }
}
