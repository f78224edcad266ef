import Foundation
import OctopusClient
import OctopusModel

/// What the wait loop remembers between polls so each change is reported once.
private struct WaitMemory {
    var states: [ServerTaskID: TaskState] = [:]
    var reported: Set<String> = []
    var teamNames: [TeamID: String] = [:]
    /// Per task: the title of the intervention it was last seen blocked on.
    var blockedOn: [ServerTaskID: String] = [:]
    /// Per task: the `LastUpdatedTime` its activity log was last read at, and the step then running.
    var logReadAt: [ServerTaskID: Date] = [:]
    var steps: [ServerTaskID: String] = [:]
    /// Poll number a task's log was last read in (for round-robin).
    var logReadInPoll: [ServerTaskID: Int] = [:]
    var poll = 0
    /// Per queued task: the poll its queue was last asked about in, and the blockers last reported.
    var queueAskedInPoll: [ServerTaskID: Int] = [:]
    var blockers: [ServerTaskID: [String]] = [:]

    /// True the first time `key` is seen.
    mutating func firstTime(_ key: String) -> Bool { reported.insert(key).inserted }
}

extension PromotionEngine {
    /// `wait`: follows every created child task until all have finished, stage by stage (creating the next stage's
    /// deployments when the current one succeeded), auto-approving matching manual interventions (§5.31.1) and
    /// cancelling a child that runs longer than the wait timeout (departure B1: the cancel is really sent).
    ///
    /// Each poll costs 1 request for the whole application (`GET /api/tasks?ids=…`), plus, only while a task has a
    /// pending interruption, 1 per such task (its pending interruptions) and the calls that answer them.
    /// - Parameters:
    ///   - plan: the plan to follow (deployed first when it is not yet).
    ///   - progress: receives one event per change; finished when the wait ends.
    /// - Returns: the plan with every child's outcome; later stages after a failure are marked skipped.
    /// - Throws: `OrchestrationError` (the ledger), `OctopusClientError`, or `CancellationError`.
    public func wait(_ plan: PromotionPlan, progress: ProgressSink? = nil) async throws -> PromotionPlan {
        var plan = plan.step < .deployed ? try await deploy(plan, progress: progress) : plan
        var memory = WaitMemory()
        // A poll is safe to repeat (it reads everything again, interruptions included), so transient faults repeat
        // it until the fault budget is spent; then the promotion stops with every child's state, abandoning nothing.
        var faults = FaultBudget(seconds: faultBudget, firstPause: faultPause)
        while true {
            do {
                if try await waitPoll(&plan, memory: &memory, progress: progress) { break }
                faults.succeeded()
            } catch var stopped as PromotionStopped {
                // A later stage's create ran out of budget: the plan of this wait has every outcome seen so far.
                for index in plan.children.indices where plan.children[index].deployment == nil {
                    plan.children[index].deployment = stopped.plan.children[index].deployment
                }
                stopped.plan = plan
                throw stopped
            } catch {
                guard let failure = FaultBudget.transientFailure(error) else { throw error }
                let current = plan
                try await faults.rideOut(failure, work: .followingDeployments, clock: clock, progress: progress, plan: { current })
            }
        }
        plan.step = .finished
        return plan
    }

    /// One round of `wait`: the next stage's creates when a stage is done, else one poll of every active task and
    /// what it calls for. Returns true when the wait is over.
    private func waitPoll(_ plan: inout PromotionPlan, memory: inout WaitMemory, progress: ProgressSink?) async throws -> Bool {
        let timeout = plan.options.waitTimeout
        let active = plan.children.indices.filter { plan.children[$0].deployment != nil && plan.children[$0].outcome == nil }
        if active.isEmpty {
            if let failed = plan.children.first(where: { $0.outcome.map { !$0.allowsLaterStages } ?? false }) {
                skipLaterStages(&plan, after: failed, progress: progress)
                return true
            }
            let before = plan.children.filter { $0.deployment != nil }.count
            plan = try await deploy(plan, progress: progress)
            return plan.children.filter({ $0.deployment != nil }).count == before
        }
        let ids = active.compactMap { plan.children[$0].deployment?.taskId }
        var tasks = Dictionary(try await client.tasks(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A task missing from the batch is asked for by id, so a vanished task is an error, not an endless wait.
        for id in ids where tasks[id] == nil { tasks[id] = try await client.task(id) }
        let now = clock.now()
        var changed = false
        for index in active {
            guard let deployment = plan.children[index].deployment, let task = tasks[deployment.taskId] else { continue }
            let taskId = deployment.taskId
            let name = plan.children[index].project.name
            if memory.states[taskId] != task.state {
                changed = true
                memory.states[taskId] = task.state
                progress?(.stateChanged(project: name, state: task.state))
            }
            if let outcome = Self.outcome(of: task.state) {
                plan.children[index].outcome = outcome
                plan.children[index].messages.append(PlanMessage(outcome == .success ? .highlight : .warning, "The task of \(name) finished with the state \(task.state.rawValue)."))
                progress?(.finished(project: name, outcome: outcome))
                continue
            }
            // Departure from the template (which counts from the task's start): the timeout counts from when this
            // run created or took over the deployment — or its scheduled start — so queued time counts and a task
            // stuck behind another cannot wait forever.
            let since = max(deployment.followedSince ?? task.queueTime ?? now, task.queueTime ?? .distantPast)
            if now.timeIntervalSince(since) > timeout {
                let cancelled = (try? await client.cancelTask(taskId)) != nil
                plan.children[index].outcome = .cancelledOnTimeout
                let blocked = task.hasPendingInterruptions ? memory.blockedOn[taskId] ?? "a manual intervention" : nil
                let what = blocked.map { "was still waiting on '\($0)' after" }
                    ?? (task.state == .queued ? "was still queued after" : "was still running after")
                plan.children[index].messages.append(PlanMessage(.warning, "\(name) \(what) \(Int(timeout)) s; \(cancelled ? "its task was cancelled" : "cancelling its task failed")."))
                progress?(.timedOut(project: name, seconds: Int(timeout), cancelled: cancelled, waitingOn: blocked))
                progress?(.finished(project: name, outcome: .cancelledOnTimeout))
                continue
            }
            // Queued well past its start (3 polls): something holds it back; say what (a fresh task is not asked).
            let settle = 3 * Double(pollInterval.components.seconds) + Double(pollInterval.components.attoseconds) / 1e18 * 3
            if task.state == .queued, now.timeIntervalSince(max(task.queueTime ?? now, deployment.followedSince ?? .distantPast)) > settle {
                try await reportQueue(of: task, child: &plan.children[index], memory: &memory, progress: progress)
            }
            if task.hasPendingInterruptions {
                try await handleInterruptions(of: task, child: plan.children[index], plan: plan, memory: &memory, progress: progress)
            }
        }
        try await reportStep(tasks: tasks, plan: plan, memory: &memory, progress: progress)
        let running = plan.children.compactMap { child in child.outcome == nil ? child.deployment.flatMap { tasks[$0.taskId] } : nil }
        if !running.isEmpty {
            try await clock.sleep(WaitPacing(interval: pollInterval, quick: quickPollInterval).pause(before: running, now: now, changed: changed))
        }
        return false
    }

    /// Says which tasks a task that should have started waits behind, when that changes. Asked once when the task
    /// is first seen waiting past its start, then every 12th poll while it waits (1 request each).
    private func reportQueue(of task: ServerTask, child: inout ChildPlan, memory: inout WaitMemory, progress: ProgressSink?) async throws {
        if let asked = memory.queueAskedInPoll[task.id], memory.poll - asked < 12 { return }
        memory.queueAskedInPoll[task.id] = memory.poll
        let blockers = try await client.tasksQueuedAhead(of: task.id).map { blocker in
            "\(blocker.id.rawValue) (\(blocker.description.isEmpty ? blocker.name : blocker.description), \(blocker.state.rawValue))"
        }
        guard !blockers.isEmpty, memory.blockers[task.id] != blockers else { return }
        memory.blockers[task.id] = blockers
        child.messages.append(PlanMessage(.warning, "\(child.project.name) is queued behind \(blockers.joined(separator: ", ")): Octopus runs one deployment of a project to an environment (and tenant) at a time."))
        progress?(.queuedBehind(project: child.project.name, taskId: task.id, blockers: blockers))
    }

    /// Reads the activity log of at most one running task whose log changed — the one read longest ago — and reports
    /// the step it is on when that changed (1 request per poll at most).
    private func reportStep(
        tasks: [ServerTaskID: ServerTask], plan: PromotionPlan, memory: inout WaitMemory, progress: ProgressSink?
    ) async throws {
        memory.poll += 1
        guard progress != nil else { return }
        let changed = plan.children.compactMap { child -> (ChildPlan, ServerTask)? in
            guard child.outcome == nil, let id = child.deployment?.taskId, let task = tasks[id], task.state == .executing,
                  let updated = task.lastUpdatedTime ?? task.startTime, memory.logReadAt[id] != updated else { return nil }
            return (child, task)
        }
        guard let (child, task) = changed.min(by: { memory.logReadInPoll[$0.1.id, default: 0] < memory.logReadInPoll[$1.1.id, default: 0] }) else { return }
        let details = try await client.taskDetails(task.id)
        memory.logReadAt[task.id] = task.lastUpdatedTime ?? task.startTime
        memory.logReadInPoll[task.id] = memory.poll
        let steps = details.activityLogs.flatMap(\.children)
        guard let step = steps.first(where: { $0.status == .running }) ?? steps.last(where: { $0.started != nil }) else { return }
        if memory.steps[task.id] != step.name {
            memory.steps[task.id] = step.name
            progress?(.stepStarted(project: child.project.name, step: step.name))
        }
    }

    /// How long to sleep before the next poll: the poll interval, or — when every running task is still queued for a
    /// scheduled time — until the earliest of those times (no polling through the night before a 19:00 start).
    static func pause(before tasks: [ServerTask], now: Date, pollInterval: Duration) -> Duration {
        let starts = tasks.map { task -> Date? in
            guard task.state == .queued, let queued = task.queueTime, queued > now else { return nil }
            return queued
        }
        guard !starts.isEmpty, starts.allSatisfy({ $0 != nil }), let earliest = starts.compactMap({ $0 }).min() else { return pollInterval }
        return max(pollInterval, .seconds(earliest.timeIntervalSince(now).rounded(.up)))
    }

    /// The terminal outcome of a task state (departure B3: `TimedOut` is terminal), nil while it runs.
    static func outcome(of state: TaskState) -> ChildOutcome? {
        switch state {
        case .success: .success
        case .failed: .failed
        case .canceled: .canceled
        case .timedOut: .timedOut
        case .queued, .executing, .cancelling: nil
        }
    }

    private func skipLaterStages(_ plan: inout PromotionPlan, after failed: ChildPlan, progress: ProgressSink?) {
        let later = plan.children.indices.filter { plan.children[$0].stage > failed.stage && plan.children[$0].willDeploy && plan.children[$0].deployment == nil }
        guard !later.isEmpty else { return }
        let reason = "\(failed.project.name) \(failed.outcome?.phrase ?? "did not succeed")"
        for index in later {
            plan.children[index].action = .skip(.earlierStageFailed)
            plan.children[index].outputs.childReleaseToDeploy = false
            plan.children[index].messages.append(PlanMessage(.warning, "Not deployed because \(reason) in an earlier stage."))
        }
        progress?(.laterStagesSkipped(because: reason, projects: later.map { plan.children[$0].project.name }))
    }

    /// §5.31.1 for one task with pending interruptions.
    private func handleInterruptions(
        of task: ServerTask, child: ChildPlan, plan: PromotionPlan, memory: inout WaitMemory,
        progress: ProgressSink?
    ) async throws {
        let name = child.project.name
        let pending = try await client.interruptions(regarding: task.id.rawValue, pendingOnly: true).all().filter(\.isPending)
        for interruption in pending {
            memory.blockedOn[task.id] = interruption.title
            let key = interruption.id.rawValue
            if memory.firstTime("pending \(key)") {
                let unknown = interruption.responsibleTeamIds.filter { memory.teamNames[$0] == nil }
                if !unknown.isEmpty {
                    for team in try await client.teams(ids: unknown).all() { memory.teamNames[team.id] = team.name }
                }
                progress?(.interventionPending(
                    project: name, title: interruption.title, guidedFailure: interruption.isGuidedFailure,
                    responsibleTeams: interruption.responsibleTeamIds.map { memory.teamNames[$0] ?? $0.rawValue },
                    canAct: interruption.canTakeResponsibility, interruptionId: interruption.id.rawValue))
            }
            func leave(_ reason: LeftToPeopleReason) {
                if memory.firstTime("left \(key)") {
                    progress?(.interventionLeftToPeople(project: name, title: interruption.title, reason: reason))
                }
            }
            // B16: guided failure needs a decision (retry, ignore, fail) that approvals do not give.
            if interruption.isGuidedFailure { leave(.guidedFailure); continue }
            // The same rules as the plan's coverage, applied to the real interruption.
            let teamNames = interruption.responsibleTeamIds.map { memory.teamNames[$0] ?? $0.rawValue }
            let decision = InterventionCoverage.decide(
                teamIds: interruption.responsibleTeamIds, teamNames: teamNames, child: child, approvals: plan.approvals,
                autoApprove: plan.options.autoApprove, followed: true, apiUserMayAct: interruption.canTakeResponsibility)
            guard case .autoApproved(let approver, _) = decision, let approvals = plan.approvals else {
                if case .leftToPeople(let reason) = decision { leave(reason) }
                continue
            }
            do {
                if !interruption.hasResponsibility { try await client.takeResponsibility(interruption: interruption.id) }
                try await client.submitInterruption(interruption.id, values: [
                    "Instructions": nil, "Notes": Self.approvalNotes(approvals, approver: approver), "Result": "Proceed",
                ])
                progress?(.approvalSubmitted(project: name, title: interruption.title, approver: approver.label))
            } catch let error as OctopusClientError where (400..<500).contains(error.status ?? 0) {
                // Refused (no permission) or already answered by someone else meanwhile: report it and keep waiting.
                leave(.refusedByServer(message: error.description))
            }
        }
    }
}
