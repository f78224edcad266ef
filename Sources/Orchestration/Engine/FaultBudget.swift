import Foundation
import OctopusClient

/// How the engine rides out transient faults (a proxy answering 502/503, connections reset, a server restart) that
/// outlast the client's own per-request retries: it tries the step again with growing pauses while the faults, in a
/// row, have lasted less than `seconds`. Then it stops without abandoning anything (`PromotionStopped`).
///
/// Only steps that are safe to repeat are retried: reads; a `deploy` of a child, which re-checks the ledger and the
/// server before creating; a poll that answers interruptions, which reads them again (so a submit the server accepted
/// is never sent twice).
struct FaultBudget: Sendable {
    /// How long faults in a row may last.
    var seconds: TimeInterval
    /// The first pause; doubled after each further fault, at most `maximumPause`.
    var firstPause: Duration
    var maximumPause: Duration = .seconds(15)

    private var firstFault: Date?
    private var faults = 0

    init(seconds: TimeInterval, firstPause: Duration) {
        self.seconds = seconds
        self.firstPause = firstPause
    }

    /// `error` when it is worth trying again: no answer, a decoding failure of a cut-off body, or a status that
    /// means "not now" (408, 429, 500, 502, 503, 504); nil otherwise.
    static func transientFailure(_ error: any Error) -> OctopusClientError? {
        guard let error = error as? OctopusClientError else { return nil }
        switch error {
        case .transport, .decoding: return error
        case .http(let failure): return [408, 429, 500, 502, 503, 504].contains(failure.status) ? error : nil
        default: return nil
        }
    }

    /// Forgets earlier faults (a step succeeded).
    mutating func succeeded() {
        firstFault = nil
        faults = 0
    }

    /// Records a transient fault at `now`; returns the pause before trying again, or nil when the budget is spent.
    mutating func pause(after now: Date) -> Duration? {
        let first = firstFault ?? now
        firstFault = first
        faults += 1
        guard now.timeIntervalSince(first) < seconds else { return nil }
        let doubled = firstPause * Int(pow(2, Double(min(faults - 1, 10))))
        return min(doubled, maximumPause)
    }

    /// Seconds the current run of faults has lasted.
    func elapsed(at now: Date) -> Int {
        Int(now.timeIntervalSince(firstFault ?? now).rounded())
    }

    /// Seconds left of the budget.
    func left(at now: Date) -> Int {
        max(0, Int((seconds - now.timeIntervalSince(firstFault ?? now)).rounded()))
    }
}

extension PromotionEngine {
    /// Runs `operation` (safe to repeat), trying again after transient faults until the engine's fault budget is
    /// spent; then throws `PromotionStopped` with `plan()`.
    func riding<T: Sendable>(
        _ work: RetriedWork, progress: ProgressSink?, plan: () -> PromotionPlan, _ operation: () async throws -> T
    ) async throws -> T {
        var budget = FaultBudget(seconds: faultBudget, firstPause: faultPause)
        while true {
            do {
                return try await operation()
            } catch {
                guard let failure = FaultBudget.transientFailure(error) else { throw error }
                try await budget.rideOut(failure, work: work, clock: clock, progress: progress, plan: plan)
            }
        }
    }
}

extension FaultBudget {
    /// After a transient `failure` of `work`: reports it and pauses, or — the budget spent — throws `PromotionStopped`
    /// with `plan()`.
    mutating func rideOut(
        _ failure: OctopusClientError, work: RetriedWork, clock: PromotionClock, progress: ProgressSink?, plan: () -> PromotionPlan
    ) async throws {
        let now = clock.now()
        guard let pause = self.pause(after: now) else {
            throw PromotionStopped(plan: plan(), work: work, failure: failure, faultSeconds: elapsed(at: now))
        }
        progress?(.retrying(work: work, failure: failure, budgetLeft: left(at: now)))
        try await clock.sleep(pause)
    }
}
