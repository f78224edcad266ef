import Foundation
import PseudoTerminal
import Testing

/// The exploration commands (shell.md §6) through the built binary on the embedded sandbox: exact stdout for
/// `-o basic` and `-o json` where the seed makes it stable, read-only commands that change nothing, and the
/// intervention round trip (deploy, `interventions`, `respond` as the right user, `log`).
@Suite(.serialized) struct ExplorationEndToEndTests {
    @Test func releasesListsVersionsNewestFirst() throws {
        let run = try ShellHome().run(["-c", "releases Database -o basic; releases \"Web API\" 2021.1.0.1? --limit 2 -o basic"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput == "2021.1.0.10\n2021.1.0.9\n2021.1.0.8\n2021.1.0.15\n2021.1.0.14\n")
    }

    @Test func releasesTableSaysWhereEachIsDeployed() throws {
        let run = try ShellHome().run(["-c", "releases \"Web API\""])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("VERSION") == true)
        #expect(lines.contains { $0.hasPrefix("2021.1.0.14") && $0.hasSuffix("✓ Test  (earlier: Development)") }, "\(run.standardOutput)")
        // .15 reached Test, then Test was rolled back to .14: .15 is current in Development only.
        #expect(lines.contains { $0.hasPrefix("2021.1.0.15") && $0.contains("✓ Development") && !$0.contains("✓ Test") && $0.contains("(earlier: Test)") }, "\(run.standardOutput)")
    }

    @Test func statusShowsTheApplicationAcrossEnvironments() throws {
        let run = try ShellHome().run(["-c", "use parent \"Release Orchestration\"; status"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Application (parent 'Release Orchestration') — space Default, sandbox", "\(run.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("PROJECT") && $0.contains("Development") && $0.contains("Production") }, "\(run.standardOutput)")
        // 80 columns: versions lose the prefix they all share, and the table says so.
        #expect(lines.contains { $0.hasPrefix("Web API             ✓ 15         ✓ 14") }, "\(run.standardOutput)")
        #expect(lines.contains("Versions without their common prefix '2021.1.0.'."), "\(run.standardOutput)")
        for line in lines { #expect(line.count <= 80, "\(line)") }
    }

    @Test func statusJSONAndBasicNameTheCurrentDeployments() throws {
        let run = try ShellHome().run(["-c", "status Database \"Web UI\" -o json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        let summary = cells.map { "\($0["project"] ?? "") \($0["environment"] ?? "") \($0["version"] ?? "") \($0["state"] ?? "")" }
        #expect(summary == [
            "Database Development 2021.1.0.10 Success", "Database Test 2021.1.0.10 Success",
            "Web UI Development 2021.1.0.12 Success", "Web UI Test 2021.1.0.12 Success",
        ])
        let basic = try ShellHome().run(["-c", "status Database -o basic"])
        #expect(basic.standardOutput.split(separator: "\n").count == 2)
        #expect(basic.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("ServerTasks-") })
    }

    @Test func anUnknownProjectOffersTheClosestName() throws {
        let run = try ShellHome().run(["-c", "status Databse"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("-c:1: No project named 'Databse'. Did you mean 'Database'?"), "stderr: \(run.standardError)")
    }

    @Test func unknownIdsAndEnvironmentsSayWhatExists() throws {
        let home = try ShellHome()
        let task = try home.run(["-c", "log ServerTasks-999"])
        #expect(task.status == 1)
        #expect(task.standardError.contains("-c:1: No task ServerTasks-999 in this space.\n'tasks' lists them."), "stderr: \(task.standardError)")
        let intervention = try home.run(["-c", "respond Interruptions-99 proceed"])
        #expect(intervention.standardError.contains("No intervention Interruptions-99 in this space.\n'interventions' lists them."), "stderr: \(intervention.standardError)")
        let environment = try home.run(["-c", "compare Test Nowhere"])
        #expect(environment.standardError.contains("No environment named 'Nowhere'. Did you mean 'Development', 'Test', 'Staging', 'Prod Approval', 'Production'?"), "stderr: \(environment.standardError)")
    }

    @Test func compareSaysWhatAPromotionWouldChange() throws {
        let run = try ShellHome().run(["-c", "use parent \"Release Orchestration\"; compare Test Staging -o basic; compare Development Test -o json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let parts = run.standardOutput.components(separatedBy: "[")
        #expect(parts.first == "Database\nWeb API\nScheduling Service\nWeb UI\n", "\(run.standardOutput)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(("[" + parts.dropFirst().joined(separator: "[")).utf8)) as? [[String: Any]])
        let changes = rows.map { "\($0["project"] ?? "") \($0["change"] ?? "")" }
        // Web API 2021.1.0.15 went to Development; Test was rolled back to .14, so a promotion would move it on.
        #expect(changes == ["Database up-to-date", "Web API deploy", "Scheduling Service up-to-date", "Web UI up-to-date"], "\(run.standardOutput)")
    }

    @Test func tasksAndLogShowTheSeededHistory() throws {
        let home = try ShellHome()
        let tasks = try home.run(["-c", "tasks Database --limit 2 -o basic"])
        #expect(tasks.status == 0, "stderr: \(tasks.standardError)")
        let ids = tasks.standardOutput.split(separator: "\n").map(String.init)
        #expect(ids.count == 2)
        let id = try #require(ids.first)
        let log = try home.run(["-c", "log \(id); log \(id) -o basic"])
        #expect(log.status == 0, "stderr: \(log.standardError)")
        #expect(log.standardOutput.hasPrefix("\(id)  Deploy Database release 2021.1.0.10 to Test"), "\(log.standardOutput)")
        #expect(log.standardOutput.contains("✓ \(id) success"), "\(log.standardOutput)")
        #expect(log.standardOutput.hasSuffix("Success\n"))
        let active = try home.run(["-c", "tasks --active -o basic"])
        #expect(active.standardOutput == "")
    }

    @Test func readOnlyCommandsChangeNothing() throws {
        let home = try ShellHome()
        let before = try home.run(["-c", "status -o json; tasks -o json --limit 100"])
        let explore = try home.run(["-c", "status; compare Test Staging; releases Database; tasks; interventions; notes Database 2021.1.0.10; tasks --active"])
        #expect(explore.status == 0, "stderr: \(explore.standardError)")
        let after = try home.run(["-c", "status -o json; tasks -o json --limit 100"])
        #expect(before.standardOutput == after.standardOutput)
    }

    @Test func notesShowThePackages() throws {
        let run = try ShellHome().run(["-c", "notes \"Web API\" 2021.1.0.14"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Web API 2021.1.0.14"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("Packages\n"))
        let missing = try ShellHome().run(["-c", "notes \"Web API\" 2021.1.0.99"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("No release of Web API named '2021.1.0.99'."), "stderr: \(missing.standardError)")
    }

    @Test func anInterventionIsListedAndAnsweredByTheRightUser() throws {
        let home = try ShellHome()
        let task = try Self.deployWebAPIToStaging(home)
        var pending = ""
        for _ in 0..<100 where pending.isEmpty {
            pending = try home.run(["-c", "interventions -o basic"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if pending.isEmpty { Thread.sleep(forTimeInterval: 0.2) }
        }
        #expect(pending.hasPrefix("Interruptions-"), "no intervention appeared")
        // Quinn Tester (QA) is not on the Web Admins' or Release Management's teams: listed, but not hers to answer.
        let quinn = try home.run(["-c", "connect sandbox as \"Quinn Tester\"; interventions --mine -o basic; interventions"])
        #expect(quinn.standardOutput.hasPrefix("ID"), "\(quinn.standardOutput)")
        #expect(quinn.standardOutput.contains("Web Admins, Release Management") || quinn.standardOutput.contains("Release Management, Web Admins"), "\(quinn.standardOutput)")
        #expect(quinn.standardOutput.contains("Web API 2021.1.0.14 to Staging"), "\(quinn.standardOutput)")
        let refused = try home.run(["-c", "connect sandbox as \"Quinn Tester\"; respond \(pending) proceed"])
        #expect(refused.status == 5, "stderr: \(refused.standardError)")
        #expect(refused.standardError.contains("You may not act on \(pending): it needs a member of"), "stderr: \(refused.standardError)")
        // The service account is on Release Management, which the children's approvals name.
        let answered = try home.run(["-c", "interventions --mine -o basic; respond \(pending) proceed --notes \"looks good\"; log \(task) --follow -o basic"])
        #expect(answered.status == 0, "stderr: \(answered.standardError)")
        #expect(answered.standardOutput == "\(pending)\nSuccess\n")
        let after = try home.run(["-c", "interventions -o basic; respond \(pending) proceed"])
        #expect(after.standardOutput == "")
        #expect(after.standardError.contains("\(pending) is not pending"), "stderr: \(after.standardError)")
    }

    @Test func cancelAsksFirstAndStopsARunningTask() throws {
        let home = try ShellHome()
        let task = try Self.deployWebAPIToStaging(home)
        let unconfirmed = try home.run(["-c", "cancel \(task)"])
        #expect(unconfirmed.status == 2, "a confirmation nobody can answer is a usage error (shell.md §8, §9)")
        #expect(unconfirmed.standardError.contains("Cancel \(task) needs a confirmation"), "stderr: \(unconfirmed.standardError)")
        let cancelled = try home.run(["-c", "cancel \(task) --yes; log \(task) --follow -o basic"])
        #expect(cancelled.status == 4, "a cancelled task's log is status 4: \(cancelled.standardError)")
        #expect(cancelled.standardOutput == "Canceled\n")
        let again = try home.run(["-c", "cancel \(task) --yes"])
        #expect(again.status == 0)
        #expect(again.standardError.contains("has already ended (Cancelled): nothing to cancel."))
    }

    /// At an 80-column prompt: `log --follow` on a task that waits for a person says so once, Ctrl-C stops following
    /// with one message naming the task (not the shell's general one about 'wait'), and the task is still waiting.
    @Test func followingAWaitingTaskAndCtrlCAtThePrompt() throws {
        let home = try ShellHome()
        let task = try Self.deployWebAPIToStaging(home)
        let shell = try ShellTerminalTests.start(home, columns: 80)
        _ = try shell.waitFor("Default@sandbox", timeout: .seconds(60))
        try shell.send("log \(task) --follow\r")
        _ = try shell.waitFor("Waiting for a person: 'interventions' lists what to answer", timeout: .seconds(60))
        try shell.send(PseudoTerminalProcess.Key.interrupt, waitForRawMode: false)
        _ = try shell.waitFor("Stopped following \(task); the task keeps running", timeout: .seconds(30))
        try shell.send("status\r")
        // The deployment still waits, and the matrix says so; the resumed plan's application is named.
        let screen = try shell.waitFor("! 2021.1.0.14", timeout: .seconds(30))
        #expect(screen.text.contains("Application Web API — space Default, sandbox"), "\(screen.text)")
        #expect(!screen.text.contains("'wait' follows them again"), "\(screen.text)")
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
        let after = try home.run(["-c", "interventions -o basic"])
        #expect(after.standardOutput.hasPrefix("Interruptions-"), "the task still waits: \(after.standardOutput)")
    }

    /// Starts Web API 2021.1.0.14 to Staging (whose Web Admin Approval waits for a person); returns its task id.
    static func deployWebAPIToStaging(_ home: ShellHome) throws -> String {
        let deploy = try home.run(["-c", "deploy \"Web API\" 2021.1.0.14 to Staging --yes -o basic"])
        let task = deploy.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard deploy.status == 0, task.hasPrefix("ServerTasks-") else { throw EndToEndError.unexpected("deploy Web API to Staging: \(deploy.standardError)") }
        return task
    }
}
