import GRDB
import OctopusModel

/// Octopus permissions the sandbox enforces (names as Octopus spells them). Teams grant them per
/// space; a caller without the permission gets a 403 naming it.
package enum SandboxPermission: String, Sendable, CaseIterable, Codable {
    case spaceView = "SpaceView"
    case projectView = "ProjectView"
    case projectGroupView = "ProjectGroupView"
    case environmentView = "EnvironmentView"
    case environmentEdit = "EnvironmentEdit"
    case tenantView = "TenantView"
    case tenantCreate = "TenantCreate"
    case tenantEdit = "TenantEdit"
    case lifecycleView = "LifecycleView"
    case machineView = "MachineView"
    case processView = "ProcessView"
    case variableView = "VariableView"
    case variableEdit = "VariableEdit"
    case releaseView = "ReleaseView"
    case releaseCreate = "ReleaseCreate"
    case deploymentView = "DeploymentView"
    case deploymentCreate = "DeploymentCreate"
    case taskView = "TaskView"
    case taskCancel = "TaskCancel"
    case interruptionView = "InterruptionView"
    case interruptionSubmit = "InterruptionSubmit"
    case interruptionViewSubmitResponsible = "InterruptionViewSubmitResponsible"
    case eventView = "EventView"
    case artifactView = "ArtifactView"
    case artifactCreate = "ArtifactCreate"
    case teamView = "TeamView"
    case userView = "UserView"

    /// What every member of a space's teams may read.
    package static let viewer: Set<SandboxPermission> = [
        .spaceView, .projectView, .projectGroupView, .environmentView, .tenantView, .lifecycleView, .machineView, .processView,
        .variableView, .releaseView, .deploymentView, .taskView, .interruptionView, .eventView, .artifactView,
        .teamView, .userView,
    ]
    /// Viewer plus approving manual interventions (QA, Web Admins, Business Owners).
    package static let approver: Set<SandboxPermission> = viewer.union([.interruptionSubmit, .interruptionViewSubmitResponsible])
    /// Everything (Release Management).
    package static let releaseManager: Set<SandboxPermission> = Set(allCases)
}

extension Database {
    /// Grants permissions to a team in a space (seeds).
    package func grant(_ permissions: Set<SandboxPermission>, to team: TeamID, in space: SpaceID) throws {
        for permission in permissions {
            try execute(
                sql: "INSERT OR IGNORE INTO sandboxTeamPermissions (teamId, spaceId, permission) VALUES (?, ?, ?)",
                arguments: [team.rawValue, space.rawValue, permission.rawValue])
        }
    }

    /// The permissions a user holds in a space through the teams it belongs to.
    package func permissions(of user: UserID, in space: SpaceID) throws -> Set<SandboxPermission> {
        let teams = try documents(Team.self).filter { $0.memberUserIds.contains(user) }.map(\.id.rawValue)
        guard !teams.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: teams.count).joined(separator: ",")
        let names = try String.fetchAll(
            self,
            sql: "SELECT DISTINCT permission FROM sandboxTeamPermissions WHERE spaceId = ? AND teamId IN (\(placeholders))",
            arguments: StatementArguments([space.rawValue] + teams))
        return Set(names.compactMap(SandboxPermission.init(rawValue:)))
    }
}

extension SandboxServices {
    /// Checks a space-scoped request: the space exists (404), the caller is authenticated (401) and
    /// holds `permission` in it (403). Returns the space id.
    package func authorize(_ context: SandboxRequestContext, _ permission: SandboxPermission) async throws -> SpaceID {
        let user = try context.authenticatedUser()
        let space = try context.spaceID()
        guard let granted = try await access(of: user.id, in: space) else {
            throw SandboxError.resourceNotFound(kind: "Space", id: space.rawValue)
        }
        guard granted.contains(permission) else {
            throw SandboxError.forbidden(
                permission: permission.rawValue,
                detail: "\(user.displayName) (\(user.id)) lacks \(permission.rawValue) in \(space); add the user to a team that grants it.")
        }
        return space
    }

    /// Checks a system-level request: the caller is authenticated (401). Returns the user.
    package func authenticate(_ context: SandboxRequestContext) throws -> User {
        try context.authenticatedUser()
    }
}

extension SandboxServices {
    /// What `user`'s teams grant in `space` (nil: no such space), the check every request makes: kept until the next
    /// write, so it seldom costs a trip to the database (teams and their permissions change rarely).
    func access(of user: UserID, in space: SpaceID) async throws -> Set<SandboxPermission>? {
        try await spaceAccess.value(for: Self.accessKey(user, space), reading: store) { db in try db.access(of: user, in: space) }
    }

    /// The same inside a read (a list over every space).
    func access(of user: UserID, in space: SpaceID, db: Database) throws -> Set<SandboxPermission>? {
        try spaceAccess.value(for: Self.accessKey(user, space), in: store) { try db.access(of: user, in: space) }
    }

    private static func accessKey(_ user: UserID, _ space: SpaceID) -> String { "\(user)|\(space)" }
}

extension Database {
    /// What `user`'s teams grant in `space`, nil when there is no such space.
    func access(of user: UserID, in space: SpaceID) throws -> Set<SandboxPermission>? {
        try spaceExists(space) ? try permissions(of: user, in: space) : nil
    }

    /// Whether the space exists, without decoding it.
    func spaceExists(_ space: SpaceID) throws -> Bool {
        try Bool.fetchOne(self, sql: "SELECT EXISTS(SELECT 1 FROM \(Space.table.name) WHERE id = ?)", arguments: [space.rawValue])
            ?? false
    }
}
