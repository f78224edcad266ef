import Foundation

/// How to start a sandbox: where it listens, where it keeps its data, what it is seeded with, which
/// clock it runs on, and (filled in by the task simulator and fault injection) how fast and how
/// unreliably it behaves.
public struct SandboxConfiguration: Sendable {
    /// Where the SQLite database lives.
    public enum Storage: Sendable, Equatable {
        /// A private in-memory database (tests).
        case memory
        /// A database file, created with its directory when missing.
        case file(URL)
    }

    /// Which data a new database starts with.
    public enum Seed: String, Sendable, Equatable, CaseIterable {
        /// The blog post's sample application (see ``SampleSeed``).
        case sample
        /// Only the default space and the built-in users, teams and API keys.
        case empty
        /// A generated load-test data set (benchmarks).
        case large
    }

    /// TCP port on 127.0.0.1; 0 picks a free ephemeral port (read it back from ``SandboxServer/baseURL``).
    public var port: Int
    /// Where the data lives.
    public var storage: Storage
    /// Seed applied when the database is new (an existing file keeps its data).
    public var seed: Seed
    /// The clock the sandbox runs on; tests pass a ``VirtualClock`` and advance it.
    public var clock: any SandboxClock
    /// Simulation speed factor: task step durations are divided by it (1 = real time).
    public var speed: Double
    /// Added latency per request, in milliseconds (0 = none).
    public var latencyMilliseconds: Double
    /// Random extra latency per request, +/- this many milliseconds.
    public var latencyJitterMilliseconds: Double
    /// Probability (0...1) that a request fails with a 503.
    public var failRate: Double
    /// Probability (0...1) that a request's connection is reset.
    public var resetRate: Double
    /// Seed for every random choice (jitter, faults, generated data), so runs are reproducible.
    public var randomSeed: UInt64
    /// Size of the `large` seed (projects × releases × deployments).
    public var largeSeed: LargeSeedParameters = LargeSeedParameters()
    /// Seed of the fault injection alone (`--fault-seed`), so soak runs can differ while generated data stays the
    /// same; nil: `randomSeed`.
    public var faultSeed: UInt64?
    /// A connection that sends nothing for this long — between requests, or in the middle of a request head — is
    /// closed (a request body has its own limit, `JSONRequestBody.readTimeout`).
    public var idleTimeout: Duration = .seconds(30)

    public init(
        port: Int = 0, storage: Storage = .memory, seed: Seed = .sample, clock: any SandboxClock = SystemClock(),
        speed: Double = 1, latencyMilliseconds: Double = 0, latencyJitterMilliseconds: Double = 0,
        failRate: Double = 0, resetRate: Double = 0, randomSeed: UInt64 = 42
    ) {
        self.port = port
        self.storage = storage
        self.seed = seed
        self.clock = clock
        self.speed = speed
        self.latencyMilliseconds = latencyMilliseconds
        self.latencyJitterMilliseconds = latencyJitterMilliseconds
        self.failRate = failRate
        self.resetRate = resetRate
        self.randomSeed = randomSeed
    }

    /// The default data file: `$XDG_DATA_HOME/conductor/sandbox.sqlite` (XDG default `~/.local/share`).
    public static func defaultDataFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let dataHome: URL
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        }
        return dataHome.appendingPathComponent("conductor", isDirectory: true)
            .appendingPathComponent("sandbox.sqlite", isDirectory: false)
    }
}
