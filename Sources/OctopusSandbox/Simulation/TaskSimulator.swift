import Foundation
import GRDB
import OctopusModel
import Synchronization

/// Brings every active task up to the sandbox clock ("catch-up" simulation).
///
/// Nothing runs in the background: every route that shows task-dependent state calls
/// ``catchUp()`` first, and every change (a new deployment, a submitted interruption, a cancel)
/// advances the tasks inside its own write transaction. Under a ``VirtualClock`` this is
/// deterministic; with the system clock every observation is current anyway, so no ticker is
/// needed. The simulator remembers when the next transition is due so that requests in between
/// cost no database write.
package final class TaskSimulator: Sendable {
    /// The store the tasks live in.
    package let store: SandboxStore
    /// The clock task time follows.
    package let clock: any SandboxClock
    /// Step durations are divided by this (`--speed`).
    package let speed: Double

    /// When the next task transition is due (nil: none until something changes), and a counter
    /// bumped by ``invalidate()`` so a catch-up that raced a change does not store a stale time.
    private struct Schedule {
        var dueAt: Date? = .distantPast
        var generation = 0
    }

    // A tiny cell read on every request: a mutex, not an actor, so the fast path never suspends.
    private let schedule = Mutex(Schedule())

    /// A simulator over `store` on `clock`, running steps `speed` times faster than real time.
    package init(store: SandboxStore, clock: any SandboxClock, speed: Double = 1) {
        self.store = store
        self.clock = clock
        self.speed = speed > 0 ? speed : 1
    }

    /// Advances every active task to `clock.now`, recording interruptions and events.
    package func catchUp() async throws {
        let now = clock.now
        let started: Int? = schedule.withLock { schedule -> Int? in
            guard let due = schedule.dueAt, due <= now else { return nil }
            return schedule.generation
        }
        guard let started else { return }
        let next = try await store.write { db in try db.advanceTasks(to: now) }
        schedule.withLock { schedule in
            if schedule.generation == started { schedule.dueAt = next }
        }
    }

    /// Forgets the cached due time: call after any change to tasks made outside ``catchUp()``.
    package func invalidate() {
        schedule.withLock { schedule in
            schedule.generation += 1
            schedule.dueAt = .distantPast
        }
    }
}

extension Database {
    /// Advances every active run to `now` and records what happened; returns when the next
    /// transition is due (nil when every task waits on a person or has ended).
    func advanceTasks(to now: Date) throws -> Date? {
        var blockers: [String: Date] = [:]
        var due: Date?
        for var stored in try activeTaskRuns() {
            let before = stored.run
            let effects = stored.run.advance(to: now, blockedUntil: blockers[stored.queueKey])
            if stored.run != before {
                try apply(effects, of: stored)
                try saveTaskRun(stored)
            }
            switch stored.run.state {
            case .executing, .cancelling:
                blockers[stored.queueKey] = .distantFuture
            case .success, .failed, .canceled:
                if let completed = stored.run.completedTime, stored.run.startTime != nil {
                    blockers[stored.queueKey] = max(blockers[stored.queueKey] ?? completed, completed)
                }
            case .queued, .timedOut:
                break
            }
            if let next = stored.run.nextTransition(after: now) {
                due = min(due ?? next, next)
            }
        }
        return due
    }

    /// Writes the task document from the run and records the effects of its transitions.
    func apply(_ effects: [TaskRunEffect], of stored: StoredTaskRun) throws {
        guard var task = try document(ServerTask.self, id: stored.taskId.rawValue) else { return }
        stored.run.apply(to: &task, now: stored.run.lastUpdatedTime ?? stored.run.queueTime)
        try save(task)
        guard !effects.isEmpty else { return }
        let context = try deploymentContext(stored.deploymentId)
        let name = "Deploy to \(context.environment.name)"
        let what = "for \(context.project.name) release \(context.release.version) to \(context.environment.name)"
        for effect in effects {
            switch effect {
            case .started(let time):
                try recordDeploymentEvent(
                    EventCategoryName.deploymentStarted, "\(name) started \(what)", context: context, at: time)
            case .interruptionRaised(let request):
                try raiseInterruption(request, task: task, context: context)
            case .interruptionsClosed(let time):
                try closeInterruptions(of: stored.taskId, at: time)
            case .finished(let state, let time):
                switch state {
                case .success:
                    try recordDeploymentEvent(
                        EventCategoryName.deploymentSucceeded, "\(name) succeeded \(what)", context: context, at: time)
                case .canceled:
                    try recordDeploymentEvent(
                        EventCategoryName.deploymentCanceled, "\(name) was canceled \(what)", context: context, at: time)
                default:
                    var deployment = context.deployment
                    deployment.failureEncountered = true
                    try save(deployment)
                    let verb = state == .timedOut ? "timed out" : "failed"
                    try recordDeploymentEvent(
                        EventCategoryName.deploymentFailed, "\(name) \(verb) \(what)", context: context, at: time)
                }
            }
        }
    }

    /// Creates the interruption a run asked for, with its form and links, and records the event.
    private func raiseInterruption(_ request: InterruptionRequest, task: ServerTask, context: DeploymentContext) throws {
        let id = try nextID(OctopusIDKinds.Interruption.self)
        let space = context.deployment.spaceId
        let base = "/api/\(space?.rawValue ?? "Spaces-1")/interruptions/\(id.rawValue)"
        let isManual = request.kind == .manualIntervention
        let interruption = Interruption(
            id: id, spaceId: space,
            title: isManual ? request.stepName : "\"\(request.stepName)\" requires failure guidance",
            type: request.kind.rawValue, created: request.raisedAt, isPending: true,
            form: isManual ? InterruptionForm.manualIntervention(instructions: request.instructions) : InterruptionForm.guidedFailure(),
            relatedDocumentIds: context.relatedDocumentIds, responsibleTeamIds: request.responsibleTeamIds,
            taskId: task.id, correlationId: "\(task.id.rawValue)_\(request.stepIndex + 1)/\(request.actionId)/\(id.rawValue)",
            lastModifiedOn: request.raisedAt,
            links: ["Self": base, "Submit": "\(base)/submit", "Responsible": "\(base)/responsible"])
        try insert(interruption)
        let label = isManual ? "Manual intervention" : "Guided failure"
        try recordEvent(
            category: isManual ? EventCategoryName.manualInterventionRaised : EventCategoryName.guidedFailureRaised,
            message: "\(label) \"\(request.stepName)\" raised on \(context.taskDescription)",
            references: context.references, related: context.relatedDocumentIds + [id.rawValue],
            actor: EventActor(userId: nil, username: "system", isService: true, identityEstablishedWith: nil),
            occurred: request.raisedAt, spaceId: space)
    }

    /// Marks the task's pending interruptions as no longer pending.
    private func closeInterruptions(of taskId: ServerTaskID, at time: Date) throws {
        let pending = try documents(
            Interruption.self, DocumentQuery([.equals("taskId", taskId.databaseValue), .equals("isPending", true.databaseValue)]))
        for var interruption in pending {
            interruption.isPending = false
            interruption.lastModifiedOn = time
            try save(interruption)
        }
    }
}
