import Foundation

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
public final class VirtualClock: SandboxClock, @unchecked Sendable {
    // Guarded by `lock`: a tiny cell read from synchronous store code, so a lock rather than an actor.
    private let lock = NSLock()
    private var current: Date
    private var sleepers: [UUID: (deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = [:]

    /// Starts at `start` (default 2021-06-01T09:00:00Z, the sample data's "today").
    public init(start: Date = VirtualClock.defaultStart) {
        current = start
    }

    /// 2021-06-01T09:00:00Z.
    public static let defaultStart = Date(timeIntervalSince1970: 1_622_538_000)

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves time forward and wakes every sleeper whose deadline has passed.
    public func advance(by interval: TimeInterval) {
        lock.lock()
        let target = current.addingTimeInterval(max(0, interval))
        lock.unlock()
        set(to: target)
    }

    /// Sets the time (never backwards) and wakes every sleeper whose deadline has passed.
    public func set(to date: Date) {
        lock.lock()
        if date > current { current = date }
        let due = sleepers.filter { $0.value.deadline <= current }
        for key in due.keys { sleepers[key] = nil }
        lock.unlock()
        for sleeper in due.values { sleeper.continuation.resume() }
    }

    /// Number of tasks currently sleeping on this clock (lets tests wait until a simulator is idle).
    public var sleeperCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return sleepers.count
    }

    public func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.lock()
                if deadline <= current || Task.isCancelled {
                    let cancelled = Task.isCancelled
                    lock.unlock()
                    if cancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                    return
                }
                sleepers[id] = (deadline, continuation)
                lock.unlock()
            }
        } onCancel: {
            lock.lock()
            let sleeper = sleepers.removeValue(forKey: id)
            lock.unlock()
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
