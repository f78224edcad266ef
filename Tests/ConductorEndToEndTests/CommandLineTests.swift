import Foundation
import Testing

/// The `conductor` executable's command line: help, and usage errors (shell-conventions.md §8: exit 2).
@Suite("conductor command line")
struct CommandLineTests {
    @Test("--help prints the usage and lists the sandbox command")
    func helpWorks() throws {
        let outcome = try ConductorBinary.located().run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("USAGE: conductor"))
        #expect(outcome.standardOutput.contains("sandbox"))
    }

    @Test("sandbox serve --help documents its options")
    func serveHelpWorks() throws {
        let outcome = try ConductorBinary.located().run(["sandbox", "serve", "--help"])
        #expect(outcome.status == 0)
        for option in ["--port", "--memory", "--seed", "--data"] {
            #expect(outcome.standardOutput.contains(option), "help mentions \(option)")
        }
    }

    @Test("bad flags exit with 2 and name the bad input", arguments: [
        (["--no-such-flag"], "--no-such-flag"),
        (["sandbox", "serve", "--port", "not-a-port"], "not-a-port"),
        (["sandbox", "serve", "--seed", "nonesuch"], "nonesuch"),
        (["sandbox", "serve", "--memory", "--bogus"], "--bogus"),
        (["sandbox", "no-such-command"], "no-such-command"),
    ])
    func badFlagsAreUsageErrors(arguments: [String], culprit: String) throws {
        let outcome = try ConductorBinary.located().run(arguments)
        #expect(outcome.status == 2, "exit status for \(arguments)")
        #expect(outcome.standardError.contains(culprit), "the message names \(culprit): \(outcome.standardError)")
        // The banner says "Octopus sandbox listening on …": a usage error never starts the server.
        #expect(!outcome.standardOutput.contains("sandbox listening"), "\(outcome.standardOutput)")
    }
}
