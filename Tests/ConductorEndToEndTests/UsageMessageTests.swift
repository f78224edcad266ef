import Foundation
import Testing

/// The executable's own usage messages, pinned word for word through the built binary: each names
/// the flag to fix, goes to standard error and exits 2 (shell-conventions.md §8; 5 for a missing key).
@Suite("usage messages")
struct UsageMessageTests {
    /// A command line, the `Error: …` line it must print, the hint line after it (if any) and the exit status.
    struct UsageCase: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let message: String
        var hint: String?
        var status: Int32 = 2

        var testDescription: String { name }
    }

    static let cases: [UsageCase] = [
        UsageCase(
            name: "promote without projects", arguments: ["promote", "--to", "Staging"],
            message: "Name the child projects with --project NAME (repeatable) or --projects \"A then B, C\"."),
        UsageCase(
            name: "promote with both project forms", arguments: ["promote", "--project", "A", "--projects", "B", "--to", "Staging"],
            message: "Use either --project or --projects, not both."),
        UsageCase(
            name: "promote without a destination", arguments: ["promote", "--project", "Web API"],
            message: "Name the destination environment with --to ENVIRONMENT."),
        UsageCase(
            name: "promote with a bad timeout", arguments: ["promote", "--project", "Web API", "--to", "Staging", "--timeout", "soon"],
            message: "Invalid --timeout 'soon'. Use seconds (1800) or a duration such as 90s, 30m or 2h, from 1 s to 7 days (168h)."),
        UsageCase(
            name: "promote with a key but no server", arguments: ["promote", "--project", "Web API", "--to", "Staging", "--api-key", "API-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"],
            message: "An API key was given without a server.",
            hint: "Add --server URL (or OCTOPUS_URL), or drop the key to use the embedded sandbox."),
        UsageCase(
            name: "promote with a server but no key", arguments: ["promote", "--project", "Web API", "--to", "Staging", "--server", "http://127.0.0.1:9"],
            message: "No API key for http://127.0.0.1:9.", hint: "Set OCTOPUS_API_KEY (or pass --api-key).", status: 5),
        UsageCase(
            name: "serve with both --data and --memory", arguments: ["sandbox", "serve", "--data", "x.sqlite", "--memory"],
            message: "Use either --data FILE or --memory, not both."),
        UsageCase(
            name: "serve on a port out of range", arguments: ["sandbox", "serve", "--port", "70000"],
            message: "--port must be between 0 and 65535, but was 70000."),
        UsageCase(
            name: "serve at a speed of zero", arguments: ["sandbox", "serve", "--speed", "0"],
            message: "--speed must be a positive number such as 1 or 10, but was 0.0."),
        UsageCase(
            name: "serve a negative large seed", arguments: ["sandbox", "serve", "--large-releases=-1"],
            message: "--large-releases must be 0 or more, but was -1."),
        UsageCase(
            name: "serve with a fail rate above 1", arguments: ["sandbox", "serve", "--fail-rate", "1.5"],
            message: "--fail-rate must be a probability between 0 and 1, but was 1.5."),
        UsageCase(
            name: "serve with a negative reset rate", arguments: ["sandbox", "serve", "--reset-rate=-0.1"],
            message: "--reset-rate must be a probability between 0 and 1, but was -0.1."),
    ]

    @Test(arguments: cases)
    func usageError(_ usage: UsageCase) throws {
        // No OCTOPUS_* variables, so the outcome depends on the flags alone.
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OCTOPUS_") }
        let outcome = try ConductorBinary.located().run(usage.arguments, environment: environment)
        #expect(outcome.status == usage.status)
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "Error: \(usage.message)", "\(outcome.standardError)")
        if let hint = usage.hint { #expect(lines.dropFirst().first == hint, "\(outcome.standardError)") }
        #expect(!outcome.standardOutput.contains("sandbox listening"))
    }
}
