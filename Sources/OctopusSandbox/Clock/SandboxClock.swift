import Foundation
import Synchronization

/// The sandbox's notion of time. Everything time-dependent (task progress, queue times, created
/// dates) reads it, so tests can run on a ``VirtualClock`` and never sleep.
public protocol SandboxClock: Sendable {
    /// The current time.
    var now: Date { get }
    /// Suspends until `deadline` has passed on this clock (or throws `CancellationError`).
    func sleep(until deadline: Date) async throws
}

/// Wall-clock time.
public struct SystemClock: SandboxClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}

/// A clock that only moves when told to. Sleepers wake when ``advance(by:)`` or ``set(to:)`` passes
/// their deadline.
public final class VirtualClock: SandboxClock {
    fileprivate struct State {
        var current: Date
        var sleepers: [UUID: (deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = [:]
    }

    // A tiny cell read from synchronous store code, so a mutex rather than an actor. Continuations
    // are resumed after the lock is released.
    private let state: Mutex<State>

    /// Starts at `start` (default 2021-06-01T09:00:00Z, the sample data's "today").
    public init(start: Date = VirtualClock.defaultStart) {
        state = Mutex(State(current: start))
    }

    /// 2021-06-01T09:00:00Z.
    public static let defaultStart = Date(timeIntervalSince1970: 1_622_538_000)

    public var now: Date {
        state.withLock { $0.current }
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    public func advance(by interval: TimeInterval) {
        wake(state.withLock { state in
            state.current = state.current.addingTimeInterval(max(0, interval))
            return state.removeDueSleepers()
        })
    }

    /// Sets the time (never backwards) and wakes every sleeper whose deadline has passed.
    public func set(to date: Date) {
        wake(state.withLock { state in
            if date > state.current { state.current = date }
            return state.removeDueSleepers()
        })
    }

    /// Number of tasks currently sleeping on this clock (lets tests wait until a simulator is idle).
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    public func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let waitsNow: Bool? = state.withLock { state in
                    if Task.isCancelled { return false }
                    if deadline <= state.current { return true }
                    state.sleepers[id] = (deadline, continuation)
                    return nil
                }
                switch waitsNow {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    private func wake(_ continuations: [CheckedContinuation<Void, any Error>]) {
        for continuation in continuations { continuation.resume() }
    }
}

extension VirtualClock.State {
    /// Removes and returns the sleepers whose deadline is now or earlier.
    mutating func removeDueSleepers() -> [CheckedContinuation<Void, any Error>] {
        let due = sleepers.filter { $0.value.deadline <= current }
        for key in due.keys { sleepers[key] = nil }
        return due.values.map(\.continuation)
    }
}
