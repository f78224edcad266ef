import Foundation
import OctopusModel

/// The progress of one simulated server task: a pure state machine over a ``TaskRunPlan``.
///
/// The simulator is "catch-up" style: nothing runs in the background; whenever the sandbox is asked
/// about a task (or its clock moves), it calls ``advance(to:blockedUntil:)`` with the current time and
/// the run replays every transition that happened since it was last looked at. Under a virtual clock
/// this is fully deterministic and needs no sleeping.
struct TaskRun: Codable, Sendable, Equatable {
    /// A step's progress, which becomes an activity-log node.
    struct StepRecord: Codable, Sendable, Equatable {
        var status: ActivityStatus = .pending
        var started: Date?
        var ended: Date?
        /// How many times the step has started (guided failure can retry it).
        var attempts = 0
        var log: [ActivityLogEntry] = []
    }

    /// An interruption the run is waiting on.
    struct Pending: Codable, Sendable, Equatable {
        var kind: InterruptionKind
        var stepIndex: Int
        var raisedAt: Date
    }

    private(set) var plan: TaskRunPlan
    private(set) var state: TaskState = .queued
    private(set) var queueTime: Date
    private(set) var queueTimeExpiry: Date?
    private(set) var startTime: Date?
    private(set) var completedTime: Date?
    private(set) var lastUpdatedTime: Date?
    private(set) var errorMessage = ""
    private(set) var hasWarningsOrErrors = false
    private(set) var steps: [StepRecord]
    /// Index of the step running now; `steps.count` once all have run.
    private(set) var currentStep = 0
    private(set) var pending: Pending?
    private(set) var cancelRequestedAt: Date?

    /// A queued run of `plan` that may start at `queueTime` and must start before `queueTimeExpiry`.
    init(plan: TaskRunPlan, queueTime: Date, queueTimeExpiry: Date? = nil) {
        self.plan = plan
        self.queueTime = queueTime
        self.queueTimeExpiry = queueTimeExpiry
        self.lastUpdatedTime = queueTime
        self.steps = Array(repeating: StepRecord(), count: plan.steps.count)
    }

    /// Whether the run has reached a final state.
    var isCompleted: Bool { state.isCompleted }

    /// The message Octopus gives a deployment task that failed at a step.
    static let failedMessage =
        "The deployment failed because one or more steps failed. Please see the deployment log for details."

    // MARK: - Advancing

    /// Replays every transition up to `now`.
    ///
    /// - Parameters:
    ///   - now: the time to replay up to.
    ///   - blockedUntil: when the task may start at the earliest because another task for the
    ///     same project and environment runs first (Octopus runs those one at a time): nil when nothing
    ///     blocks it, `.distantFuture` while the blocking task is still running.
    /// - Returns: what happened, in order, for the caller to record (interruptions, events).
    mutating func advance(to now: Date, blockedUntil: Date? = nil) -> [TaskRunEffect] {
        var effects: [TaskRunEffect] = []
        while let next = step(now: now, blockedUntil: blockedUntil) {
            effects.append(contentsOf: next)
        }
        return effects
    }

    /// One transition, or nil when nothing more happens before `now`.
    private mutating func step(now: Date, blockedUntil: Date?) -> [TaskRunEffect]? {
        switch state {
        case .queued:
            let startAt = max(queueTime, blockedUntil ?? queueTime)
            if let expiry = queueTimeExpiry, expiry < startAt {
                guard expiry <= now else { return nil }
                errorMessage = "The task was not started before its queue time expiry, \(OctopusDateFormat.string(from: expiry))."
                return finish(.timedOut, at: expiry)
            }
            guard startAt <= now else { return nil }
            state = .executing
            startTime = startAt
            lastUpdatedTime = startAt
            return [.started(at: startAt)] + begin(stepAt: 0, at: startAt)
        case .executing:
            guard pending == nil, currentStep < plan.steps.count, let started = steps[currentStep].started else {
                return nil
            }
            let planned = plan.steps[currentStep]
            guard planned.kind == .work else { return nil }
            let end = started.addingTimeInterval(planned.duration)
            guard end <= now else { return nil }
            if let failure = planned.failureMessage, steps[currentStep].attempts == 1 {
                return fail(stepAt: currentStep, message: failure, at: end)
            }
            succeed(stepAt: currentStep, at: end, message: "Step \"\(planned.name)\" completed successfully.")
            return begin(stepAt: currentStep + 1, at: end)
        case .cancelling:
            guard let requested = cancelRequestedAt else { return nil }
            let end = requested.addingTimeInterval(plan.cancellationGrace)
            guard end <= now else { return nil }
            errorMessage = "The task was canceled."
            return finish(.canceled, at: end)
        case .success, .failed, .canceled, .timedOut:
            return nil
        }
    }

    /// Starts the step at `index` (or completes the task after the last one).
    private mutating func begin(stepAt index: Int, at time: Date) -> [TaskRunEffect] {
        currentStep = index
        lastUpdatedTime = time
        guard index < plan.steps.count else {
            return finish(.success, at: time)
        }
        let planned = plan.steps[index]
        steps[index].status = .running
        steps[index].started = time
        steps[index].ended = nil
        steps[index].attempts += 1
        switch planned.kind {
        case .work:
            let retry = steps[index].attempts > 1 ? " (retry)" : ""
            log(index, .info, "Running step \"\(planned.name)\"\(retry).", at: time)
            return []
        case .manualIntervention:
            log(index, .wait, "Waiting for manual intervention: \(planned.instructions ?? planned.name)", at: time)
            return [raise(.manualIntervention, stepAt: index, at: time)]
        }
    }

    private mutating func raise(_ kind: InterruptionKind, stepAt index: Int, at time: Date) -> TaskRunEffect {
        pending = Pending(kind: kind, stepIndex: index, raisedAt: time)
        let planned = plan.steps[index]
        return .interruptionRaised(
            InterruptionRequest(
                kind: kind, stepIndex: index, stepName: planned.name, actionId: planned.actionId,
                instructions: planned.instructions,
                responsibleTeamIds: kind == .manualIntervention ? planned.responsibleTeamIds : [],
                raisedAt: time))
    }

    private mutating func succeed(stepAt index: Int, at time: Date, message: String) {
        log(index, .info, message, at: time)
        steps[index].status = .success
        steps[index].ended = time
        lastUpdatedTime = time
    }

    /// A step failed: guided failure asks a person, otherwise the task fails.
    private mutating func fail(stepAt index: Int, message: String, at time: Date) -> [TaskRunEffect] {
        log(index, .error, message, at: time)
        hasWarningsOrErrors = true
        lastUpdatedTime = time
        if plan.useGuidedFailure {
            log(index, .wait, "Guided failure is enabled: waiting for guidance.", at: time)
            return [raise(.guidedFailure, stepAt: index, at: time)]
        }
        steps[index].status = .failed
        steps[index].ended = time
        errorMessage = Self.failedMessage
        return finish(.failed, at: time)
    }

    private mutating func finish(_ final: TaskState, at time: Date) -> [TaskRunEffect] {
        state = final
        completedTime = time
        lastUpdatedTime = time
        var effects: [TaskRunEffect] = []
        if pending != nil {
            pending = nil
            effects.append(.interruptionsClosed(at: time))
        }
        for index in steps.indices where steps[index].status == .running {
            steps[index].status = final == .canceled ? .canceled : .failed
            steps[index].ended = time
        }
        for index in steps.indices where steps[index].status == .pending && final != .timedOut {
            steps[index].status = .skipped
        }
        effects.append(.finished(final, at: time))
        return effects
    }

    private mutating func log(_ index: Int, _ category: ActivityLogCategory, _ text: String, at time: Date) {
        steps[index].log.append(ActivityLogEntry(occurredAt: time, category: category, messageText: text))
    }

    // MARK: - Requests from outside

    /// Resolves the pending interruption (the caller advanced the run to `time` first).
    ///
    /// - Returns: the effects of continuing, e.g. the next step's interruption or completion.
    mutating func resolve(_ resolution: InterruptionResolution, by username: String, at time: Date) throws(TaskRunError)
        -> [TaskRunEffect]
    {
        guard let waiting = pending else { throw .notWaiting }
        guard resolution.applies(to: waiting.kind) else { throw .wrongResolution(resolution, waiting.kind) }
        pending = nil
        let index = waiting.stepIndex
        let name = plan.steps[index].name
        switch resolution {
        case .proceed(let notes):
            succeed(stepAt: index, at: time, message: "Manual intervention approved by \(username)\(Self.suffix(notes))")
            return begin(stepAt: index + 1, at: time)
        case .abort(let notes):
            log(index, .error, "Manual intervention rejected by \(username)\(Self.suffix(notes))", at: time)
            hasWarningsOrErrors = true
            steps[index].status = .failed
            steps[index].ended = time
            errorMessage = Self.failedMessage
            return finish(.failed, at: time)
        case .fail(let notes):
            log(index, .error, "\(username) chose to fail the deployment\(Self.suffix(notes))", at: time)
            steps[index].status = .failed
            steps[index].ended = time
            errorMessage = Self.failedMessage
            return finish(.failed, at: time)
        case .retry(let notes):
            log(index, .info, "\(username) chose to retry \"\(name)\"\(Self.suffix(notes))", at: time)
            return begin(stepAt: index, at: time)
        case .ignore(let notes):
            log(index, .warning, "\(username) chose to ignore the failure of \"\(name)\"\(Self.suffix(notes))", at: time)
            steps[index].status = .successWithWarning
            steps[index].ended = time
            return begin(stepAt: index + 1, at: time)
        }
    }

    /// Asks the task to stop: a queued task is canceled at once, a running one goes through `Cancelling`.
    mutating func requestCancel(at time: Date) -> [TaskRunEffect] {
        switch state {
        case .queued:
            errorMessage = "The task was canceled."
            cancelRequestedAt = time
            return finish(.canceled, at: time)
        case .executing:
            cancelRequestedAt = time
            state = .cancelling
            lastUpdatedTime = time
            if currentStep < steps.count {
                log(currentStep, .warning, "Cancellation requested.", at: time)
            }
            if pending != nil {
                pending = nil
                return [.interruptionsClosed(at: time)]
            }
            return []
        case .cancelling, .success, .failed, .canceled, .timedOut:
            return []
        }
    }

    private static func suffix(_ notes: String?) -> String {
        guard let notes, !notes.isEmpty else { return "." }
        return ": \(notes)"
    }
}

/// The two kinds of interruption a deployment raises.
enum InterruptionKind: String, Codable, Sendable {
    case manualIntervention = "ManualIntervention"
    case guidedFailure = "GuidedFailure"
}

/// What a person decided about an interruption.
enum InterruptionResolution: Sendable, Equatable {
    /// Manual intervention: continue.
    case proceed(notes: String?)
    /// Manual intervention: stop, failing the task.
    case abort(notes: String?)
    /// Guided failure: fail the task.
    case fail(notes: String?)
    /// Guided failure: run the failed step again.
    case retry(notes: String?)
    /// Guided failure: mark the step as done with warnings and continue (also used for "Exclude machine").
    case ignore(notes: String?)

    func applies(to kind: InterruptionKind) -> Bool {
        switch self {
        case .proceed, .abort: kind == .manualIntervention
        case .fail, .retry, .ignore: kind == .guidedFailure
        }
    }
}

/// An interruption the run wants recorded.
struct InterruptionRequest: Sendable, Equatable {
    var kind: InterruptionKind
    var stepIndex: Int
    var stepName: String
    var actionId: String
    var instructions: String?
    var responsibleTeamIds: [TeamID]
    var raisedAt: Date
}

/// Something that happened to a run, for the caller to record.
enum TaskRunEffect: Sendable, Equatable {
    case started(at: Date)
    case interruptionRaised(InterruptionRequest)
    /// Pending interruptions of the task are no longer pending (the task was canceled or ended).
    case interruptionsClosed(at: Date)
    case finished(TaskState, at: Date)
}

/// Why a request to a run was refused.
enum TaskRunError: Error, Equatable {
    case notWaiting
    case wrongResolution(InterruptionResolution, InterruptionKind)
}
