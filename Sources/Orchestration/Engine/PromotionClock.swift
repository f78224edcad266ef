import Foundation

/// Time as the engine sees it: the current date (for schedules, ledger claims and wait timeouts) and sleeping
/// between polls. Injected so tests drive the sandbox's virtual clock and never sleep.
public struct PromotionClock: Sendable {
    /// The current date.
    public var now: @Sendable () -> Date
    /// Sleeps for a duration (throws `CancellationError` when the task is cancelled).
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two operations.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// Wall-clock time and real sleeping.
    public static let system = PromotionClock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}
