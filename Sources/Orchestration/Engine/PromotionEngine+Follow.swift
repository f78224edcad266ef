import Foundation
import OctopusClient
import OctopusModel

/// A deployment already on the server that `deploy` follows instead of creating another.
struct StandingDeployment: Sendable {
    var deploymentId: DeploymentID
    var task: ServerTask
}

extension PromotionEngine {
    /// The ledger key of a child's deployment: server, space, project, release, environment, tenant — no plan id, so
    /// every run, process and session deploying the same release to the same place agrees on it.
    func ledgerKey(project: ProjectID, release: ReleaseID, environment: EnvironmentID, tenant: TenantID?) -> LedgerKey {
        LedgerKey(
            server: client.connection.serverRoot.absoluteString, spaceId: client.spaceID.rawValue, projectId: project.rawValue,
            releaseId: release.rawValue, environmentId: environment.rawValue, tenantId: tenant?.rawValue)
    }

    /// The newest deployment of `release` to `environment` (and `tenant`), created by anyone, that a new one would
    /// duplicate: its task is queued or executing, or it succeeded at or after `since` (the plan's `find`, so a
    /// deliberate redeploy of a release that succeeded earlier still deploys).
    ///
    /// 1 request (the release's deployments), +1 (their tasks, in one batch) when some went to the environment.
    func standingDeployment(release: ReleaseID, environment: EnvironmentID, tenant: TenantID?, since: Date) async throws -> StandingDeployment? {
        try await standingDeployments(release: release, environment: environment, tenant: tenant, since: since).first
    }

    /// Every standing deployment of the key, newest first.
    func standingDeployments(release: ReleaseID, environment: EnvironmentID, tenant: TenantID?, since: Date) async throws -> [StandingDeployment] {
        let deployments = try await client.releaseDeployments(release).pageSize(30).prefix(30) {
            $0.environmentId == environment && $0.tenantId == tenant && $0.taskId != nil
        }
        let taskIds = deployments.compactMap(\.taskId)
        guard !taskIds.isEmpty else { return [] }
        let tasks = Dictionary(try await client.tasks(ids: taskIds).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return deployments.compactMap { deployment in
            guard let taskId = deployment.taskId, let task = tasks[taskId], Self.stands(task, since: since) else { return nil }
            return StandingDeployment(deploymentId: deployment.id, task: task)
        }
    }

    /// After creating `created`: a run on another machine (another ledger) may have created the same key at the
    /// same moment. If an earlier standing deployment exists and ours is still queued (behind it: Octopus runs one
    /// per project, environment and tenant at a time), ours is cancelled before it ever starts and theirs is
    /// followed. The earlier one (lower id) wins on both sides, so exactly one runs. 1–2 requests, +1 to cancel.
    func earlierTwin(of created: DeploymentID, release: ReleaseID, environment: EnvironmentID, tenant: TenantID?, since: Date) async throws -> StandingDeployment? {
        let standing = try await standingDeployments(release: release, environment: environment, tenant: tenant, since: since)
        guard let ours = standing.first(where: { $0.deploymentId == created }), ours.task.state == .queued,
              let earlier = standing.filter({ Self.number(of: $0.deploymentId.rawValue) < Self.number(of: created.rawValue) })
                  .min(by: { Self.number(of: $0.deploymentId.rawValue) < Self.number(of: $1.deploymentId.rawValue) })
        else { return nil }
        return earlier
    }

    /// The numeric part of an Octopus id (`Deployments-42` → 42): ids grow as documents are created.
    static func number(of id: String) -> Int {
        Int(id.split(separator: "-").last ?? "") ?? Int.max
    }

    /// How far behind this machine's clock the server's may run before a success during `find` goes unnoticed.
    static let clockSlack: TimeInterval = 60

    /// Whether a deployment's task makes another deployment of the same key a duplicate.
    static func stands(_ task: ServerTask, since: Date) -> Bool {
        switch task.state {
        case .queued, .executing: true
        // A minute's slack: the server stamps completion with its own clock, which may run behind this machine's.
        case .success: (task.completedTime ?? .distantFuture) >= since.addingTimeInterval(-clockSlack)
        case .failed, .canceled, .timedOut, .cancelling: false
        }
    }
}
