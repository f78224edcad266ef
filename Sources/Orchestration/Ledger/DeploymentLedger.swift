import Foundation

/// Identifies one child deployment of one plan: the same plan deploying the same release of the same project to the
/// same environment (and tenant) is the same deployment, however often `deploy` runs.
public struct LedgerKey: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The plan (a fresh `find` makes a new plan and so may deploy again).
    public var planId: UUID
    /// Child project id.
    public var projectId: String
    /// Release id.
    public var releaseId: String
    /// Destination environment id.
    public var environmentId: String
    /// Tenant id, if tenanted.
    public var tenantId: String?

    /// Creates a key.
    public init(planId: UUID, projectId: String, releaseId: String, environmentId: String, tenantId: String? = nil) {
        self.planId = planId
        self.projectId = projectId
        self.releaseId = releaseId
        self.environmentId = environmentId
        self.tenantId = tenantId
    }

    public var description: String {
        [planId.uuidString, projectId, releaseId, environmentId, tenantId ?? "-"].joined(separator: "/")
    }
}

/// What the ledger knows about one key.
public struct LedgerEntry: Sendable, Codable, Hashable {
    /// The deployment the key stands for.
    public var key: LedgerKey
    /// When creation was claimed.
    public var claimedAt: Date
    /// The created deployment; nil while only claimed (creating, or a run that stopped before it knew the outcome).
    public var deploymentId: String?
    /// Its server task.
    public var taskId: String?

    /// Creates an entry.
    public init(key: LedgerKey, claimedAt: Date, deploymentId: String? = nil, taskId: String? = nil) {
        self.key = key
        self.claimedAt = claimedAt
        self.deploymentId = deploymentId
        self.taskId = taskId
    }

    /// Whether the deployment is known to exist.
    public var isCreated: Bool { deploymentId != nil }
}

/// The record of created deployments that makes a repeated or resumed `deploy` never create a duplicate.
///
/// Protocol: `claim` before `POST /deployments`; `complete` with the created ids; `abandon` when the server
/// definitely refused. A claim without completion means "may exist": the deployer asks the server before creating.
public protocol DeploymentLedger: Sendable {
    /// Atomically records a claim for `key` unless an entry exists.
    /// - Returns: nil when the caller now holds a new claim; otherwise the existing entry (created or claimed).
    func claim(_ key: LedgerKey, at date: Date) async throws -> LedgerEntry?
    /// Records the created deployment for a claimed key.
    func complete(_ key: LedgerKey, deploymentId: String, taskId: String) async throws
    /// Drops the claim of a deployment the server refused to create.
    func abandon(_ key: LedgerKey) async throws
    /// Every entry of a plan.
    func entries(planId: UUID) async throws -> [LedgerEntry]
}

/// A ledger that lives as long as the process (tests, one-shot `conductor promote`).
public actor InMemoryDeploymentLedger: DeploymentLedger {
    private var entries: [LedgerKey: LedgerEntry] = [:]

    /// Creates an empty ledger.
    public init() {}

    public func claim(_ key: LedgerKey, at date: Date) -> LedgerEntry? {
        if let existing = entries[key] { return existing }
        entries[key] = LedgerEntry(key: key, claimedAt: date)
        return nil
    }

    public func complete(_ key: LedgerKey, deploymentId: String, taskId: String) {
        entries[key, default: LedgerEntry(key: key, claimedAt: Date())].deploymentId = deploymentId
        entries[key]?.taskId = taskId
    }

    public func abandon(_ key: LedgerKey) {
        entries[key] = nil
    }

    public func entries(planId: UUID) -> [LedgerEntry] {
        entries.values.filter { $0.key.planId == planId }.sorted { $0.claimedAt < $1.claimedAt }
    }
}
