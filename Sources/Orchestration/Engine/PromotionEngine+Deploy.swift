import Foundation
import OctopusClient
import OctopusModel

extension PromotionEngine {
    /// `schedule`: sets (or clears, with nil / `N/A`) the start time of the plan's deployments (§5.20).
    /// - Parameters:
    ///   - plan: the plan to schedule.
    ///   - text: the time, in any form `ScheduleParser` reads.
    ///   - timeZone: the zone for wall-clock times (default: the options' zone, else the engine's).
    /// - Returns: the plan with its start time, at step `scheduled`.
    /// - Throws: `OrchestrationError` for an unreadable or past time.
    public func schedule(_ plan: PromotionPlan, at text: String?, timeZone: TimeZone? = nil) throws -> PromotionPlan {
        var plan = plan
        let zone = try timeZone ?? plan.options.scheduleTimeZone.map { name in
            guard let zone = TimeZone(identifier: name) else { throw OrchestrationError.unknownTimeZone(name) }
            return zone
        } ?? defaultTimeZone
        plan.schedule = try ScheduleParser(timeZone: zone).parse(text ?? "", now: clock.now())
        plan.options.schedule = text
        plan.step = max(plan.step, .scheduled)
        return plan
    }

    /// `deploy`: creates the child deployments of the current stage — or of every stage when the plan is not waited
    /// for and starts now (as the template's steps would) — and records each in the ledger first, so a repeated or
    /// resumed deploy never creates a duplicate. A scheduled plan creates only its first stage with the start time
    /// (`QueueTime`); `wait` creates each later stage when the one before has succeeded, so the order holds. Runs `whatif` first when a child to deploy has not been previewed.
    ///
    /// Requests per created child: 1 (`POST /deployments`), +1 when a stale snapshot is refreshed; a child the
    /// ledger knows costs nothing, one the ledger only saw claimed costs 1 (looking for it on the server).
    /// - Parameters:
    ///   - plan: the plan to deploy.
    ///   - progress: receives `stageStarted` and `deploymentCreated` events (not finished here).
    /// - Returns: the plan with each created child's deployment and task.
    /// - Throws: `OrchestrationError` (a plan not ready, the ledger), `OctopusClientError`, or `CancellationError`.
    public func deploy(_ plan: PromotionPlan, progress: ProgressSink? = nil) async throws -> PromotionPlan {
        var plan = plan.children.contains(where: { $0.willDeploy && $0.preview == nil }) ? try await whatIf(plan) : plan
        let stages = plan.stageIndices
        // A start time keeps the stage order: only the first stage is queued for it, the rest follow in `wait`.
        let createAll = plan.schedule == nil && !plan.options.wait
        var indices: [Int] = []
        for stage in stages {
            let deployable = stage.filter { plan.children[$0].willDeploy }
            if deployable.isEmpty { continue }
            if deployable.allSatisfy({ plan.children[$0].outcome?.allowsLaterStages == true }) { continue }
            if deployable.contains(where: { plan.children[$0].outcome.map { !$0.allowsLaterStages } ?? false }) { break }
            indices += deployable
            if !createAll { break }
        }
        for index in indices where plan.children[index].deployment == nil {
            if let approvals = plan.approvals, let why = approvals.mismatch(for: plan.children[index]) {
                plan.children[index].messages.append(PlanMessage(.warning, why.sentence))
            }
        }
        let pending = indices.filter { plan.children[$0].deployment == nil }
        if let first = pending.first {
            progress?(.stageStarted(stage: plan.children[first].stage, projects: pending.map { plan.children[$0].project.name }))
        }
        let snapshot = plan
        // Each child rides out transient faults on its own; one whose budget runs out stops the promotion with the
        // siblings it created recorded in the plan (and the ledger), never orphaned.
        let results = try await pending.concurrentMap(limit: concurrency) { index -> Result<ChildPlan, any Error> in
            do {
                return .success(try await self.riding(.creatingDeployment(project: snapshot.children[index].project.name), progress: progress, plan: { snapshot }) {
                    try await self.create(snapshot.children[index], plan: snapshot, progress: progress)
                })
            } catch {
                return .failure(error)
            }
        }
        var firstError: (any Error)?
        for (index, result) in zip(pending, results) {
            switch result {
            case .success(let child): plan.children[index] = child
            case .failure(let error): firstError = firstError ?? error
            }
        }
        if let firstError {
            // A refusal (4xx) keeps its own error; the siblings created are in the ledger, so a re-run follows them.
            guard var stopped = firstError as? PromotionStopped else { throw firstError }
            stopped.plan = plan
            throw stopped
        }
        plan.step = max(plan.step, .deployed)
        return plan
    }

    /// Creates one child's deployment — or follows the one that already stands for it. Under the ledger's lock for
    /// the child's key (so concurrent runs take turns): this plan's own recorded deployment is reused (0 requests);
    /// otherwise the server is asked for a queued, executing or freshly succeeded deployment of the same release to
    /// the same environment and tenant, created by anyone, and that one is followed; only then is one created.
    func create(_ child: ChildPlan, plan: PromotionPlan, progress: ProgressSink?) async throws -> ChildPlan {
        guard let release = child.release, child.preview != nil else {
            throw OrchestrationError.notPreviewed(project: child.project.name)
        }
        let key = ledgerKey(project: child.project.id, release: release.id, environment: plan.destination.id, tenant: child.tenant?.id)
        return try await ledger.exclusively(key) {
            try await self.createHoldingLock(child, key: key, release: release, plan: plan, progress: progress)
        }
    }

    private func createHoldingLock(
        _ child: ChildPlan, key: LedgerKey, release: ReleaseReference, plan: PromotionPlan, progress: ProgressSink?
    ) async throws -> ChildPlan {
        var child = child
        guard let preview = child.preview else {
            throw OrchestrationError.notPreviewed(project: child.project.name)
        }
        if let entry = try await ledger.entry(for: key), entry.planId == plan.id,
           let deploymentId = entry.deploymentId, let taskId = entry.taskId {
            return reuse(child, deploymentId: DeploymentID(deploymentId), taskId: ServerTaskID(taskId), since: entry.claimedAt, version: release.version, progress: progress)
        }
        if let standing = try await standingDeployment(release: release.id, environment: plan.destination.id, tenant: child.tenant?.id, since: plan.createdAt) {
            let now = clock.now()
            try await ledger.complete(key, planId: plan.id, deploymentId: standing.deploymentId.rawValue, taskId: standing.task.id.rawValue, at: now)
            return follow(child, standing, plan: plan, since: now, version: release.version, progress: progress)
        }

        try await ledger.claim(key, planId: plan.id, at: clock.now())
        if plan.options.refreshSnapshots && preview.snapshotIsStale {
            try await client.refreshSnapshotVariables(release: release.id)
            child.preview?.snapshotRefreshed = true
            child.messages.append(PlanMessage(.highlight, "The variable snapshot of \(child.project.name) \(release.version) was refreshed."))
        }
        // Later stages are created after the start time has passed: they start at once.
        let requestedAt = clock.now()
        let schedule = plan.schedule.flatMap { $0.queueTime > requestedAt ? $0 : nil }
        let request = Deployment(
            releaseId: release.id, environmentId: plan.destination.id, tenantId: child.tenant?.id,
            queueTime: schedule?.queueTime, queueTimeExpiry: schedule?.queueTimeExpiry,
            specificMachineIds: preview.specificMachineIds, formValues: preview.formValues,
            useGuidedFailure: preview.useGuidedFailure)
        let deployment: Deployment
        do {
            deployment = try await client.createDeployment(request)
        } catch let error as OctopusClientError where (error.status ?? 0) >= 400 && (error.status ?? 0) < 500 && error.status != 429 {
            // The server refused: nothing was created, so the claim is dropped and a later run may try again.
            try await ledger.abandon(key)
            throw error
        }
        guard let taskId = deployment.taskId else {
            throw OrchestrationError.deploymentWithoutTask(project: child.project.name, deployment: deployment.id.rawValue)
        }
        let now = clock.now()
        try await ledger.complete(key, planId: plan.id, deploymentId: deployment.id.rawValue, taskId: taskId.rawValue, at: now)
        // Best effort (a failure here must not lose the deployment just made): another run without this ledger may
        // have created the same deployment at the same moment, first. Ours is then still queued behind it, so it is
        // cancelled before it ever starts and theirs is followed.
        if let twin = try? await earlierTwin(of: deployment.id, release: release.id, environment: plan.destination.id, tenant: child.tenant?.id, since: plan.createdAt),
           (try? await client.cancelTask(taskId)) != nil {
            try await ledger.complete(key, planId: plan.id, deploymentId: twin.deploymentId.rawValue, taskId: twin.task.id.rawValue, at: now)
            child.messages.append(PlanMessage(.warning, "Another run created \(twin.deploymentId.rawValue) for \(child.project.name) \(release.version) at the same moment; \(deployment.id.rawValue) was cancelled before it started."))
            return follow(child, twin, plan: plan, since: now, version: release.version, progress: progress)
        }
        let link = webLink(projectSlug: child.projectSlug, version: release.version, deploymentId: deployment.id)
        child.deployment = ChildDeployment(deploymentId: deployment.id, taskId: taskId, webLink: link, wasAlreadyCreated: false, followedSince: now)
        child.messages.append(PlanMessage(.highlight, "Deploying \(release.version) to \(plan.destination.name): \(link)"))
        if let schedule {
            child.messages.append(PlanMessage(.info, "Scheduled for \(schedule.absoluteText)."))
        }
        progress?(.deploymentCreated(project: child.project.name, version: release.version, taskId: taskId, webLink: link, reused: false))
        return child
    }

    private func reuse(_ child: ChildPlan, deploymentId: DeploymentID, taskId: ServerTaskID, since: Date, version: String, progress: ProgressSink?) -> ChildPlan {
        var child = child
        let link = webLink(projectSlug: child.projectSlug, version: version, deploymentId: deploymentId)
        child.deployment = ChildDeployment(deploymentId: deploymentId, taskId: taskId, webLink: link, wasAlreadyCreated: true, followedSince: since)
        child.messages.append(PlanMessage(.info, "\(child.project.name) \(version) was already deployed by this plan (\(deploymentId.rawValue)); not creating it again."))
        progress?(.deploymentCreated(project: child.project.name, version: version, taskId: taskId, webLink: link, reused: true))
        return child
    }

    /// Takes over a deployment someone (another run, process or person) already made.
    private func follow(_ child: ChildPlan, _ standing: StandingDeployment, plan: PromotionPlan, since: Date, version: String, progress: ProgressSink?) -> ChildPlan {
        var child = child
        let link = webLink(projectSlug: child.projectSlug, version: version, deploymentId: standing.deploymentId)
        child.deployment = ChildDeployment(deploymentId: standing.deploymentId, taskId: standing.task.id, webLink: link, wasAlreadyCreated: true, followedSince: since)
        let text = standing.task.state == .success
            ? "\(child.project.name) \(version) was already deployed to \(plan.destination.name) (\(standing.task.id.rawValue), succeeded); following it"
            : "\(child.project.name) \(version) is already deploying to \(plan.destination.name) (\(standing.task.id.rawValue)); following it"
        child.messages.append(PlanMessage(.highlight, text + "."))
        progress?(.followingExisting(
            project: child.project.name, version: version, environment: plan.destination.name, taskId: standing.task.id,
            state: standing.task.state, webLink: link))
        return child
    }
}
