import Foundation
import Synchronization

/// Decides, per request, the injected latency and whether the request fails (503/502) or its
/// connection is dropped, from `--latency MS[±JITTER]`, `--fail-rate P` and `--reset-rate P`.
///
/// Draws come from one seeded generator in request order, so a run with the same seed and the same
/// sequence of requests injects the same faults.
package final class FaultInjector: Sendable {
    /// What happens to one request.
    package enum Fault: Equatable, Sendable {
        case none
        /// Answer with this status (503 Service Unavailable or 502 Bad Gateway).
        case fail(status: Int)
        /// Close the connection without answering.
        case reset
    }

    /// The decision for one request.
    package struct Decision: Equatable, Sendable {
        /// Milliseconds to wait before handling the request.
        package var latencyMilliseconds: Double
        package var fault: Fault
    }

    package let latencyMilliseconds: Double
    package let jitterMilliseconds: Double
    package let failRate: Double
    package let resetRate: Double

    // The generator state, advanced once per request (synchronously, in the middleware).
    private let generator: Mutex<SplitMix64>

    package init(latencyMilliseconds: Double = 0, jitterMilliseconds: Double = 0, failRate: Double = 0, resetRate: Double = 0, seed: UInt64 = 42) {
        // Bounded (at most 60 s, finite) so no setting can overflow the sleep that applies it.
        self.latencyMilliseconds = Self.bounded(latencyMilliseconds)
        self.jitterMilliseconds = Self.bounded(jitterMilliseconds)
        self.failRate = min(max(failRate, 0), 1)
        self.resetRate = min(max(resetRate, 0), 1)
        generator = Mutex(SplitMix64(seed: seed))
    }

    /// The injector a configuration asks for.
    package convenience init(_ configuration: SandboxConfiguration) {
        self.init(
            latencyMilliseconds: configuration.latencyMilliseconds, jitterMilliseconds: configuration.latencyJitterMilliseconds,
            failRate: configuration.failRate, resetRate: configuration.resetRate, seed: configuration.faultSeed ?? configuration.randomSeed)
    }

    /// A latency in milliseconds made usable: NaN and negatives as 0, at most 60 000.
    static func bounded(_ milliseconds: Double) -> Double {
        milliseconds.isNaN ? 0 : min(max(0, milliseconds), 60_000)
    }

    /// True when nothing is injected (the middleware then costs nothing).
    package var isInert: Bool { latencyMilliseconds == 0 && jitterMilliseconds == 0 && failRate == 0 && resetRate == 0 }

    /// Draws the decision for the next request.
    package func next() -> Decision {
        generator.withLock { generator in
            let jitter = (generator.nextUnit() * 2 - 1) * jitterMilliseconds
            let latency = max(0, latencyMilliseconds + jitter)
            let resetDraw = generator.nextUnit()
            let failDraw = generator.nextUnit()
            let statusDraw = generator.nextUnit()
            if resetDraw < resetRate { return Decision(latencyMilliseconds: latency, fault: .reset) }
            if failDraw < failRate {
                return Decision(latencyMilliseconds: latency, fault: .fail(status: statusDraw < 0.75 ? 503 : 502))
            }
            return Decision(latencyMilliseconds: latency, fault: .none)
        }
    }
}

/// A small, fast, seedable generator (SplitMix64).
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
