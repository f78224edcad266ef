import ConductorShell
import Foundation
import OctopusSandbox
import Testing

/// The exploration commands in process against a live sample sandbox: what each costs the server (the sandbox's
/// own count, deterministic) and that their tables keep their colours on a terminal.
@Suite struct ExplorationShellTests {
    struct Cost: CustomTestStringConvertible, Sendable {
        var line: String
        var requests: Int
        var testDescription: String { line }
    }

    /// Requests per command on the sample, after `use parent` (which reads the parent's process itself).
    @Test(arguments: [
        Cost(line: "status", requests: 1),
        Cost(line: "status Database \"Web API\"", requests: 1),
        Cost(line: "compare Test Staging", requests: 1),
        Cost(line: "releases \"Web API\"", requests: 2),
        Cost(line: "releases Database 2021.1.0.1?", requests: 2),
        Cost(line: "tasks", requests: 1),
        Cost(line: "tasks Database --active", requests: 2),
        Cost(line: "interventions", requests: 1),
        Cost(line: "notes \"Web API\" 2021.1.0.14", requests: 2),
    ])
    func eachCommandCostsAFixedNumberOfRequests(_ cost: Cost) async throws {
        try await ShellHarness.with { shell in
            let (session, _, _) = await shell.run(["use parent \"Release Orchestration\""])
            let before = shell.requests
            let (_, status, output) = await shell.run([cost.line], session: session)
            #expect(status == .success, "stderr: \(output.standardError)")
            #expect(shell.requests - before == cost.requests, "\(cost.line): \(shell.sandbox.services.statistics.snapshot)")
        }
    }

    /// Cancelling a running task: the task, then the cancel (2); the task ends cancelled.
    @Test func cancelCostsTwoRequests() async throws {
        try await ShellHarness.with { shell in
            let (session, task) = try await Self.webAPIWaitingInStaging(shell)
            let before = shell.requests
            let (_, status, output) = await shell.run(["cancel \(task.task) --yes"], session: session)
            #expect(status == .success, "stderr: \(output.standardError)")
            #expect(shell.requests - before == 2, "\(shell.sandbox.services.statistics.snapshot)")
            let (_, _, log) = await shell.run(["log \(task.task) --follow -o basic"], session: session)
            #expect(log.standardOutput == "Canceled\n")
        }
    }

    /// Deploys Web API 2021.1.0.14 to Staging and waits until its Web Admin Approval is pending.
    static func webAPIWaitingInStaging(_ shell: ShellHarness) async throws -> (Session, (task: String, intervention: String)) {
        let (session, deployed, deployOutput) = await shell.run(["deploy \"Web API\" 2021.1.0.14 to Staging --yes -o basic"])
        #expect(deployed == .success, "stderr: \(deployOutput.standardError)")
        let task = deployOutput.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        var pending = ""
        for _ in 0..<100 where pending.isEmpty {
            pending = await shell.run(["interventions -o basic"], session: session).output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if pending.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(pending.hasPrefix("Interruptions-"))
        return (session, (task, pending))
    }

    /// With one intervention pending: listing it costs the interruptions, their deployments, releases, teams and the
    /// space's projects and environments (6, for any number of them); answering it, the interruption, the same
    /// five look-ups for the line that says what is being answered, taking responsibility and the submit (8); a
    /// task's log, one request.
    @Test func interventionsRespondAndLogCostFixedRequests() async throws {
        try await ShellHarness.with { shell in
            let (session, (task, pending)) = try await Self.webAPIWaitingInStaging(shell)
            var counts: [String: Int] = [:]
            for line in ["interventions", "respond \(pending) proceed", "log \(task)"] {
                let before = shell.requests
                let (_, status, output) = await shell.run([line], session: session)
                #expect(status == .success, "\(line): \(output.standardError)")
                counts[line.components(separatedBy: " ")[0]] = shell.requests - before
            }
            #expect(counts == ["interventions": 6, "respond": 8, "log": 1], "\(counts)")
        }
    }

    /// A tenanted deployment does not hide the untenanted one: after Web API 2021.1.0.15 goes to Test for Acme Corp,
    /// `compare` still compares with the untenanted 2021.1.0.14 there (the sandbox's dashboard keeps one item per
    /// tenant, as Octopus's does) instead of saying Web API would be deployed to Test for the first time, and
    /// `status` counts both.
    @Test func compareKeepsTheUntenantedReleaseBesideATenantedOne() async throws {
        try await ShellHarness.with { shell in
            let (session, deployed, output) = await shell.run(
                ["set tenant \"Acme Corp\"", "deploy \"Web API\" 2021.1.0.15 to Test --yes -o basic"])
            #expect(deployed == .success, "stderr: \(output.standardError)")
            let task = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            try #require(task.hasPrefix("ServerTasks-"), "\(output.standardOutput)")
            let (_, _, log) = await shell.run(["log \(task) --follow -o basic"], session: session)
            #expect(log.standardOutput == "Success\n")

            let (_, status, compared) = await shell.run(["compare Development Test -o json"], session: session)
            #expect(status == .success, "stderr: \(compared.standardError)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(compared.standardOutput.utf8)) as? [[String: Any]])
            let webAPI = try #require(rows.first { $0["project"] as? String == "Web API" })
            #expect(webAPI["from"] as? String == "2021.1.0.15")
            #expect(webAPI["to"] as? String == "2021.1.0.14")
            #expect(webAPI["change"] as? String == "deploy")
            let (_, _, table) = await shell.run(["compare Development Test"], session: session)
            #expect(!table.standardOutput.contains("first time"), "\(table.standardOutput)")
        }
    }

    /// Server text is cleaned before it is coloured, so a terminal gets the colours and never a `?[` where an
    /// escape was.
    @Test func tablesKeepTheirColoursOnATerminal() async throws {
        try await ShellHarness.with { shell in
            let (session, _, _) = await shell.run(["use parent \"Release Orchestration\""])
            let lines = ["status", "compare Development Test", "releases \"Web API\"", "tasks --limit 3", "notes \"Web API\" 2021.1.0.14"]
            for line in lines {
                let (_, status, output) = await shell.run([line], session: session, colour: true)
                #expect(status == .success, "\(line): \(output.standardError)")
                #expect(output.standardOutput.contains("\u{1B}["), "\(line) has no colour: \(output.standardOutput)")
                #expect(!output.standardOutput.contains("?["), "\(line) printed a cleaned escape: \(output.standardOutput)")
            }
        }
    }
}
