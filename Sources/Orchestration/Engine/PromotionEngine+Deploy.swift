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
                plan.children[index].messages.append(PlanMessage(.warning, why))
            }
        }
        let pending = indices.filter { plan.children[$0].deployment == nil }
        if let first = pending.first {
            progress?(.stageStarted(stage: plan.children[first].stage, projects: pending.map { plan.children[$0].project.name }))
        }
        let snapshot = plan
        let created = try await pending.concurrentMap(limit: concurrency) { index in
            try await self.create(snapshot.children[index], plan: snapshot, progress: progress)
        }
        for (index, child) in zip(pending, created) { plan.children[index] = child }
        plan.step = max(plan.step, .deployed)
        return plan
    }

    /// Creates (or finds again) one child's deployment.
    private func create(_ child: ChildPlan, plan: PromotionPlan, progress: ProgressSink?) async throws -> ChildPlan {
        var child = child
        guard let release = child.release, let preview = child.preview else {
            throw OrchestrationError.planNotReady("\(child.project.name) has no previewed release to deploy; run whatif first.")
        }
        let key = LedgerKey(
            planId: plan.id, projectId: child.project.id.rawValue, releaseId: release.id.rawValue,
            environmentId: plan.destination.id.rawValue, tenantId: child.tenant?.id.rawValue)
        let now = clock.now()
        if let entry = try await ledger.claim(key, at: now) {
            if let deploymentId = entry.deploymentId, let taskId = entry.taskId {
                return reuse(child, deploymentId: DeploymentID(deploymentId), taskId: ServerTaskID(taskId), version: release.version, progress: progress)
            }
            // A claim without an outcome: an earlier run stopped while creating. Ask the server before creating again.
            let since = entry.claimedAt.addingTimeInterval(-300)
            if let existing = try await client.releaseDeployments(release.id).first(where: { deployment in
                deployment.environmentId == plan.destination.id && deployment.tenantId == child.tenant?.id
                    && (deployment.created ?? .distantFuture) >= since
            }), let taskId = existing.taskId {
                try await ledger.complete(key, deploymentId: existing.id.rawValue, taskId: taskId.rawValue)
                return reuse(child, deploymentId: existing.id, taskId: taskId, version: release.version, progress: progress)
            }
        }

        if plan.options.refreshSnapshots && preview.snapshotIsStale {
            try await client.refreshSnapshotVariables(release: release.id)
            child.preview?.snapshotRefreshed = true
            child.messages.append(PlanMessage(.highlight, "The variable snapshot of \(child.project.name) \(release.version) was refreshed."))
        }
        // Later stages are created after the start time has passed: they start at once.
        let schedule = plan.schedule.flatMap { $0.queueTime > now ? $0 : nil }
        let request = Deployment(
            releaseId: release.id, environmentId: plan.destination.id, tenantId: child.tenant?.id,
            queueTime: schedule?.queueTime, queueTimeExpiry: schedule?.queueTimeExpiry,
            specificMachineIds: preview.specificMachineIds, formValues: preview.formValues,
            useGuidedFailure: preview.useGuidedFailure)
        let deployment: Deployment
        do {
            deployment = try await client.createDeployment(request)
        } catch let error as OctopusClientError where (error.status ?? 0) >= 400 && (error.status ?? 0) < 500 {
            // The server refused: nothing was created, so the claim is dropped and a later run may try again.
            try await ledger.abandon(key)
            throw error
        }
        guard let taskId = deployment.taskId else {
            throw OrchestrationError.planNotReady("The server created \(deployment.id.rawValue) for \(child.project.name) without a task id.")
        }
        try await ledger.complete(key, deploymentId: deployment.id.rawValue, taskId: taskId.rawValue)
        let link = webLink(projectSlug: child.projectSlug, version: release.version, deploymentId: deployment.id)
        child.deployment = ChildDeployment(deploymentId: deployment.id, taskId: taskId, webLink: link, wasAlreadyCreated: false)
        child.messages.append(PlanMessage(.highlight, "Deploying \(release.version) to \(plan.destination.name): \(link)"))
        if let schedule {
            child.messages.append(PlanMessage(.info, "Scheduled for \(schedule.absoluteText)."))
        }
        progress?(.deploymentCreated(project: child.project.name, version: release.version, taskId: taskId, webLink: link, reused: false))
        return child
    }

    private func reuse(_ child: ChildPlan, deploymentId: DeploymentID, taskId: ServerTaskID, version: String, progress: ProgressSink?) -> ChildPlan {
        var child = child
        let link = webLink(projectSlug: child.projectSlug, version: version, deploymentId: deploymentId)
        child.deployment = ChildDeployment(deploymentId: deploymentId, taskId: taskId, webLink: link, wasAlreadyCreated: true)
        child.messages.append(PlanMessage(.info, "\(child.project.name) \(version) was already deployed by this plan (\(deploymentId.rawValue)); not creating it again."))
        progress?(.deploymentCreated(project: child.project.name, version: version, taskId: taskId, webLink: link, reused: true))
        return child
    }
}
