import ConductorShell
import Foundation
import OctopusSandbox
import Testing

/// Request counts from the sandbox's own counter: what the shell costs the server (deterministic, so asserted).
@Suite struct ShellRequestCountTests {
    @Test func showSetHelpAndParseErrorsMakeNoRequest() async throws {
        try await ShellHarness.with { shell in
            let before = shell.requests
            let (_, _, output) = await shell.run([
                "show", "show pattern", "set pattern 2021.1.0.*", "set to Staging", "unset to", "help", "help find",
                "set on-error continue", "depoy", "find to", "set mode sideways", "wait --timeout soon", "echo hi",
            ])
            #expect(shell.requests == before, "stderr: \(output.standardError)")
        }
    }

    @Test func findOnTheSampleCostsAtMostFourPerChildPlusTen() async throws {
        try await ShellHarness.with { shell in
            let (session, _, _) = await shell.run(["use projects \"Database then Web API, Scheduling Service then Web UI\""])
            let before = shell.requests
            let (_, status, output) = await shell.run(["find to Staging"], session: session)
            #expect(status == .success, "stderr: \(output.standardError)")
            let children = 4
            #expect(shell.requests - before <= 4 * children + 10, "find made \(shell.requests - before) requests")
        }
    }

    /// Random lines — garbage, real words in wrong places, quotes, control characters — give one-line errors,
    /// never a crash, and never a request that changes anything (confirmations refuse in batch).
    @Test func randomLinesNeverChangeAnything() async throws {
        try await ShellHarness.with { shell in
            var generator = SeededGenerator(seed: 8)
            let words = CommandTable.all.flatMap(\.words) + ["to", "from", "--yes", "Staging", "Production", "\"Web API\"", "'", "\"", "\\",
                                                             "--timeout", "-o", "json", "2021.1.*", "[", "\u{1B}[2J", ";", "#", "then", ","]
            var lines: [String] = []
            for _ in 0..<400 {
                let count = Int.random(in: 0...6, using: &generator)
                lines.append((0..<count).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " "))
            }
            // Drop the lines that are deliberate deployments: --yes skips the confirmation by design.
            let harmless = lines.filter { !$0.contains("--yes") && !$0.contains("confirm") }
            var session = shell.session
            try session.settings.set("on-error", "continue")
            let (_, _, output) = await shell.run(harmless, session: session)
            #expect(shell.changingRequests == 0, "\(shell.sandbox.services.statistics.snapshot)")
            #expect(!output.standardError.contains("\u{1B}[2J"), "control characters are cleaned")
        }
    }
}

/// A small deterministic generator (SplitMix64) so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
