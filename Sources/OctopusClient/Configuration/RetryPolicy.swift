import Foundation

/// When and how long the client waits before repeating a failed request.
///
/// Retried: requests that are safe to repeat (`GET`, `HEAD`, `PUT`, `DELETE`, and the few `POST`s
/// the endpoints mark idempotent, such as task cancel) that failed with 429, 502, 503, 504 or a
/// connection failure. Never retried blindly: other `POST`s — `POST /deployments` has its own
/// look-before-retry recovery in `createDeployment`.
///
/// Back-off is exponential with "equal jitter": before retry *n* (1-based) the client waits a
/// random time in `[d/2, d]` where `d = min(maximumDelay, initialDelay · 2^(n-1))`; a
/// `Retry-After` header (seconds or HTTP date) replaces that when it is longer, capped at
/// `maximumDelay`. Bounded twice: at most `maximumAttempts` attempts, and the waits of one
/// request never add up to more than `maximumTotalDelay` (a retry whose wait would cross it is
/// not made).
public struct RetryPolicy: Sendable {
    /// Attempts per request, the first included (1 disables retries).
    public var maximumAttempts: Int
    /// The nominal wait before the first retry.
    public var initialDelay: Duration
    /// The cap on a single wait.
    public var maximumDelay: Duration
    /// The cap on the sum of waits of one request.
    public var maximumTotalDelay: Duration
    /// The status codes that mean "try again".
    public var retryableStatuses: Set<Int>
    /// How a wait is performed; tests substitute a recorder so nothing really sleeps.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Draws a number in `0...1` for jitter; tests substitute a fixed value.
    public var random: @Sendable () -> Double

    /// The default policy: 5 attempts, 250 ms doubling to at most 8 s per wait and 30 s in total.
    public static let standard = RetryPolicy()

    /// No retries at all.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 5,
        initialDelay: Duration = .milliseconds(250),
        maximumDelay: Duration = .seconds(8),
        maximumTotalDelay: Duration = .seconds(30),
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumTotalDelay = maximumTotalDelay
        self.retryableStatuses = retryableStatuses
        self.sleep = sleep
        self.random = random
    }

    /// The nominal (un-jittered) back-off before retry `retry` (1-based).
    public func nominalDelay(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let seconds = initialDelay.seconds * pow(2, Double(exponent))
        return min(maximumDelay, .seconds(seconds))
    }

    /// The wait before retry `retry`: jittered back-off, or the server's `Retry-After` when longer.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        let nominal = nominalDelay(beforeRetry: retry)
        let jittered = Duration.seconds(nominal.seconds * (0.5 + 0.5 * min(max(random(), 0), 1)))
        guard let retryAfter else { return jittered }
        return min(maximumDelay, max(jittered, retryAfter))
    }

    /// Parses a `Retry-After` value: delta-seconds or an HTTP date (relative to `now`).
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
