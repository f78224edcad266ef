import ArgumentParser
import Foundation
import OctopusSandbox

/// `conductor sandbox ...`: the embedded Octopus-compatible server.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the embedded Octopus-compatible sandbox server.",
        subcommands: [Serve.self]
    )

    /// `conductor sandbox serve`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the Octopus REST API on 127.0.0.1 until interrupted.",
            discussion: """
                Examples:
                  conductor sandbox serve                      # sample data, port 8066, ~/.local/share/conductor/sandbox.sqlite
                  conductor sandbox serve --port 0 --memory    # any free port, nothing kept
                  conductor sandbox serve --speed 10 --latency 50±20 --fail-rate 0.05
                Prints the URL and the seeded users' API keys, then runs until Ctrl-C (SIGINT) or SIGTERM.
                """
        )

        @Option(name: .long, help: "TCP port on 127.0.0.1 (0 = any free port).")
        var port: Int = 8066

        @Option(name: .long, help: "SQLite data file (default: $XDG_DATA_HOME/conductor/sandbox.sqlite).")
        var data: String?

        @Flag(name: .long, help: "Keep everything in memory; nothing is written to disk.")
        var memory = false

        @Option(name: .long, help: "Data for a new database: sample, empty or large.")
        var seed: SandboxConfiguration.Seed = .sample

        @Option(name: .customLong("large-projects"), help: "Projects the large seed generates.")
        var largeProjects: Int = LargeSeedParameters().projects

        @Option(name: .customLong("large-releases"), help: "Releases per project in the large seed.")
        var largeReleases: Int = LargeSeedParameters().releasesPerProject

        @Option(name: .customLong("large-deployments"), help: "Deployments per project in the large seed.")
        var largeDeployments: Int = LargeSeedParameters().deploymentsPerProject

        @Option(name: .customLong("large-unpromotable"), help: "Deployments of the large seed's Unpromotable Service to Test, none of which may go on to Staging (0: no such project).")
        var largeUnpromotable: Int = LargeSeedParameters().unpromotableDeployments

        @Option(name: .long, help: "Simulation speed factor (10 = task steps run ten times faster).")
        var speed: Double = 1

        @Option(name: .long, help: "Added latency per request in milliseconds, optionally with jitter: 50 or 50±20.")
        var latency: LatencySetting?

        @Option(name: .customLong("fail-rate"), help: "Probability (0-1) that a request fails with a 503.")
        var failRate: Double = 0

        @Option(name: .customLong("reset-rate"), help: "Probability (0-1) that a request's connection is reset.")
        var resetRate: Double = 0

        @Option(name: .customLong("fault-seed"), help: "Seed of the fault injection's random numbers, to replay a run (default: random, printed at start).")
        var faultSeed: UInt64?

        func validate() throws {
            if memory && data != nil {
                throw ValidationError("Use either --data FILE or --memory, not both.")
            }
            guard (0...65535).contains(port) else {
                throw ValidationError("--port must be between 0 and 65535, but was \(port).")
            }
            guard speed > 0, speed.isFinite else {
                throw ValidationError("--speed must be a positive number such as 1 or 10, but was \(speed).")
            }
            for (name, value) in [("--large-projects", largeProjects), ("--large-releases", largeReleases),
                                  ("--large-deployments", largeDeployments), ("--large-unpromotable", largeUnpromotable)] where value < 0 {
                throw ValidationError("\(name) must be 0 or more, but was \(value).")
            }
            if let latency {
                guard latency.milliseconds + latency.jitterMilliseconds <= LatencySetting.maximumMilliseconds else {
                    throw ValidationError("--latency may add at most \(Int(LatencySetting.maximumMilliseconds)) ms (60 s) per request, latency and jitter together.")
                }
            }
            for (name, value) in [("--fail-rate", failRate), ("--reset-rate", resetRate)] where !(0...1).contains(value) {
                throw ValidationError("\(name) must be a probability between 0 and 1, but was \(value).")
            }
        }

        func run() async throws {
            let storage: SandboxConfiguration.Storage
            if memory {
                storage = .memory
            } else if let data {
                storage = .file(URL(fileURLWithPath: (data as NSString).expandingTildeInPath))
            } else {
                storage = .file(SandboxConfiguration.defaultDataFile())
            }
            var configuration = SandboxConfiguration(
                port: port, storage: storage, seed: seed, speed: speed,
                latencyMilliseconds: latency?.milliseconds ?? 0,
                latencyJitterMilliseconds: latency?.jitterMilliseconds ?? 0, failRate: failRate,
                resetRate: resetRate)
            configuration.faultSeed = faultSeed ?? UInt64.random(in: 0...UInt64(UInt32.max))
            configuration.largeSeed = LargeSeedParameters(
                projects: largeProjects, releasesPerProject: largeReleases, deploymentsPerProject: largeDeployments,
                unpromotableDeployments: largeUnpromotable)
            let server = try await SandboxServer.start(configuration, stopOnSignals: true)
            // Unbuffered, so the banner appears at once even when stdout is a pipe.
            var banner = Self.banner(url: server.baseURL, storage: storage, seed: seed)
            if failRate > 0 || resetRate > 0 {
                banner += "\nFault injection: --fail-rate \(failRate) --reset-rate \(resetRate) --fault-seed \(configuration.faultSeed ?? configuration.randomSeed) (pass the seed again to replay)"
            }
            FileHandle.standardOutput.write(Data((banner + "\n").utf8))
            try await server.waitUntilStopped()
        }

        /// What the command prints on start: the URL and the API keys a user needs to connect
        /// (the one place API keys are printed on purpose).
        static func banner(url: URL, storage: SandboxConfiguration.Storage, seed: SandboxConfiguration.Seed) -> String {
            let data: String
            switch storage {
            case .memory: data = "in memory"
            case .file(let file): data = file.path
            }
            var lines = [
                "Octopus sandbox listening on \(url.absoluteString) (API at \(url.absoluteString)/api)",
                "Data: \(data); seed for a new database: \(seed.rawValue)",
                "API keys (X-Octopus-ApiKey):",
            ]
            for account in SampleSeed.accounts {
                lines.append("  \(account.displayName.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.apiKey)  \(account.role)")
            }
            lines.append("Try: OCTOPUS_URL=\(url.absoluteString) OCTOPUS_API_KEY=\(SampleSeed.releaseConductorAPIKey) conductor")
            lines.append("Press Ctrl-C to stop.")
            return lines.joined(separator: "\n")
        }
    }
}

extension SandboxConfiguration.Seed: ExpressibleByArgument {}

/// `--latency MS[±JITTER]`: `50`, `50±20` or `50+-20`.
struct LatencySetting: ExpressibleByArgument {
    var milliseconds: Double
    var jitterMilliseconds: Double

    init?(argument: String) {
        let normalised = argument.replacingOccurrences(of: "+-", with: "±").replacingOccurrences(of: " ", with: "")
        let parts = normalised.split(separator: "±", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let base = Double(parts[0]), base.isFinite, base >= 0 else { return nil }
        let jitter = parts.count == 2 ? Double(parts[1]) : 0
        guard let jitter, jitter.isFinite, jitter >= 0 else { return nil }
        milliseconds = base
        jitterMilliseconds = jitter
    }

    /// The most a request may be delayed (latency plus jitter).
    static let maximumMilliseconds = 60_000.0

    static var defaultCompletionKind: CompletionKind { .default }
}
