import Foundation

/// Identifies one deployment across runs, processes and machines: the same release of the same project deployed to
/// the same environment (and tenant) of the same space on the same server is the same deployment, whichever plan,
/// process or shell session asks for it.
public struct LedgerKey: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The server root, normalised (`OctopusConnection.serverRoot`, lower-cased), e.g. `https://octopus.example.com`.
    public var server: String
    /// The space id.
    public var spaceId: String
    /// Child project id.
    public var projectId: String
    /// Release id.
    public var releaseId: String
    /// Destination environment id.
    public var environmentId: String
    /// Tenant id, if tenanted.
    public var tenantId: String?

    /// Creates a key.
    public init(server: String, spaceId: String, projectId: String, releaseId: String, environmentId: String, tenantId: String? = nil) {
        self.server = server.lowercased()
        self.spaceId = spaceId
        self.projectId = projectId
        self.releaseId = releaseId
        self.environmentId = environmentId
        self.tenantId = tenantId
    }

    public var description: String {
        [server, spaceId, projectId, releaseId, environmentId, tenantId ?? "-"].joined(separator: " ")
    }
}

/// What the ledger knows about one key.
public struct LedgerEntry: Sendable, Codable, Hashable {
    /// The deployment the key stands for.
    public var key: LedgerKey
    /// The plan that claimed or followed it last (informational: a plan that finds its own entry reuses it without
    /// asking the server).
    public var planId: UUID?
    /// When creation was claimed (or the deployment was taken over).
    public var claimedAt: Date
    /// The created deployment; nil while only claimed (creating, or a run that stopped before it knew the outcome).
    public var deploymentId: String?
    /// Its server task.
    public var taskId: String?

    /// Creates an entry.
    public init(key: LedgerKey, planId: UUID? = nil, claimedAt: Date, deploymentId: String? = nil, taskId: String? = nil) {
        self.key = key
        self.planId = planId
        self.claimedAt = claimedAt
        self.deploymentId = deploymentId
        self.taskId = taskId
    }

    /// Whether the deployment is known to exist.
    public var isCreated: Bool { deploymentId != nil }
}
