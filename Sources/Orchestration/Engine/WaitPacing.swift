import Foundation
import OctopusModel

/// When the wait polls next. Each poll costs the same (≤ 2 requests for the whole application), so the pacing
/// decides how soon a finished stage is noticed — and so how soon the next stage starts — against how many polls a
/// long deployment costs.
///
/// - Right after something changed (a task finished, started, or left `Executing`; a stage was created), and while a
///   task is queued to start now, the next poll comes after `quick`: the rest of a stage tends to finish together.
/// - A running task is polled after a tenth of the time it has run so far, between `quick` and `interval`: a young
///   task is polled often, a long one every `interval`.
/// - Near the end a task is expected (`expectedDuration`, from the previous deployment of the same project to the
///   same environment), polls come every `quick` again.
/// - While every task waits for a scheduled start, one pause until the earliest start (`PromotionEngine.pause`).
struct WaitPacing: Sendable {
    /// The longest pause.
    var interval: Duration
    /// The shortest pause.
    var quick: Duration

    /// The pause after a poll of `tasks` (the ones still running) at `now`.
    /// - Parameters:
    ///   - tasks: the tasks still running.
    ///   - now: the time of the poll.
    ///   - changed: whether this poll saw a change (a state, an outcome, a stage created).
    ///   - expectedDuration: how long a task is expected to run, in seconds, when known.
    /// - Returns: how long to sleep before the next poll.
    func pause(before tasks: [ServerTask], now: Date, changed: Bool, expectedDuration: (ServerTask) -> TimeInterval? = { _ in nil }) -> Duration {
        let scheduled = PromotionEngine.pause(before: tasks, now: now, pollInterval: interval)
        if scheduled > interval { return scheduled }
        if changed { return quick }
        let longest = Self.seconds(interval)
        let shortest = Self.seconds(quick)
        let pauses = tasks.map { task -> TimeInterval in
            if task.state == .queued, let queued = task.queueTime, queued > now { return longest }  // scheduled for later
            guard task.state == .executing, let start = task.startTime else { return shortest }
            let elapsed = max(0, now.timeIntervalSince(start))
            let proportional = min(longest, max(shortest, elapsed / 10))
            guard let expected = expectedDuration(task), expected > 0 else { return proportional }
            // Quick polls from 90 % of the expected time until well past it; before that, no later than when it opens.
            let opens = expected * 0.9
            if elapsed < opens { return max(shortest, min(proportional, opens - elapsed)) }
            return elapsed <= expected * 1.5 + longest ? shortest : proportional
        }
        guard let next = pauses.min() else { return interval }
        return .milliseconds(Int((next * 1000).rounded()))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
