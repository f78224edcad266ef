import Foundation
import Testing

/// The shell in batch mode through the built binary: `-c`, `-f`, piped scripts, exit statuses, `FILE:LINE:`
/// errors, confirmations that never wait, and the blog's stepwise promotion on the embedded sandbox.
@Suite(.serialized) struct ShellScriptEndToEndTests {
    @Test func firstStderrLineSaysWhichServer() throws {
        let home = try ShellHome()
        let run = try home.run(["-c", "show pattern"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.hasPrefix("Using the embedded sandbox (sample application) — try 'help' or 'tour'\n"))
    }

    @Test func unknownCommandIsAUsageErrorWithTheClosestName() throws {
        let run = try ShellHome().run(["-c", "depoy"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("-c:1: Unknown command 'depoy'. Did you mean 'deploy'?"), "stderr: \(run.standardError)")
    }

    @Test func anErrorOnLineThreeStopsTheScriptWithStatusThree() throws {
        let home = try ShellHome()
        let path = try home.script("broken.cond", ["# a comment", "echo one", "frobnicate", "echo never"])
        let run = try home.run(["-f", path])
        #expect(run.status == 3)
        #expect(run.standardError.contains("\(path):3: Unknown command 'frobnicate'."), "stderr: \(run.standardError)")
        #expect(run.standardOutput == "one\n")
    }

    @Test func onErrorContinueRunsTheRestAndStillFails() throws {
        let run = try ShellHome().run([], input: "set on-error continue\nfrobnicate\necho after\n")
        #expect(run.standardOutput == "after\n")
        #expect(run.status == 3)
        #expect(run.standardError.contains("-:2: Unknown command 'frobnicate'."), "stderr: \(run.standardError)")
    }

    @Test func aConfirmationInBatchIsAnErrorNamingTheFlag() throws {
        let run = try ShellHome().run([], input: "use projects Database\nfind to Staging\ndeploy\n")
        #expect(run.status == 3, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("-:3: Deploy to Staging needs a confirmation and nobody can answer it here. Add --yes, or 'set confirm off'."), "stderr: \(run.standardError)")
    }

    @Test func deploySaysTheLaterStagesComeWithWait() throws {
        let run = try ShellHome().run([], input: "use projects \"Database then Web API\"\nfind to Staging\ndeploy --yes\n")
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("Will create 1 deployment to Staging now: Database 2021.1.0.10. Then 1 more, stage by stage, as 'wait' sees each stage succeed."), "stderr: \(run.standardError)")
        let webAPI = run.standardOutput.split(separator: "\n").last { $0.hasPrefix("2 ") && $0.contains("Web API") } ?? ""  // deploy's table row, after find's
        #expect(webAPI.hasSuffix("after stage 1 ('wait')"), "stdout: \(run.standardOutput)")
    }

    @Test func aPipedPromotionWithNothingToDeployEndsWithStatusZero() throws {
        // Database 2021.1.0.10 is already in Test: nothing to deploy, so nothing to wait for — not an error.
        let run = try ShellHome().run([], input: "use projects Database\nfind to Test\ndeploy --yes\nwait\n")
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("Nothing to wait for: every child is skipped (see the ACTION column)."), "stderr: \(run.standardError)")
    }

    @Test func connectingToAClosedPortNamesTheCauseWithoutTheKey() throws {
        let key = "API-CLOSEDPORT0000000000000001"
        let run = try ShellHome().run(["-c", "connect http://127.0.0.1:1"], environment: ["OCTOPUS_API_KEY": key])
        #expect(run.status == 1, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("connection refused (nothing accepts connections at 127.0.0.1:1). Check that the server is reachable."), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("CLOSEDPORT") && !run.standardOutput.contains("CLOSEDPORT"))
    }

    @Test func approveSaysWhoCoversEachInterventionAndWhyNot() throws {
        let script = "use parent \"Release Orchestration\"\nset pattern 2021.1.0.*\nfind to Staging\nwhatif\napprove\napprove as me\n"
        let run = try ShellHome().run([], input: script)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let webAPI = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Web API") && $0.contains("Web Admin Approval") }.map(String.init)
        #expect(webAPI.count == 2, "stdout: \(run.standardOutput)")
        // The reason is said once, above the table.
        #expect(run.standardOutput.contains("No approvals taken: Release Orchestration 2021.1.0 has no successful deployment to Staging to take approvals from."), "stdout: \(run.standardOutput)")
        #expect(webAPI.first?.hasSuffix("Web Admins, Release Management  NOT COVERED (see above)") == true, "stdout: \(run.standardOutput)")
        #expect(webAPI.last?.hasSuffix("release-conductor (Release Management)") == true, "stdout: \(run.standardOutput)")
    }

    @Test func aSingleProjectDeploySaysTheReleaseCameFromTheChannel() throws {
        let run = try ShellHome().run(["-c", "deploy \"Web API\" 2021.1.0.14 to Staging --yes"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let row = run.standardOutput.split(separator: "\n").first { $0.hasPrefix("1 ") } ?? ""
        #expect(row.contains("2021.1.0.14  channel Default  deploy"), "stdout: \(run.standardOutput)")
    }

    @Test func aWarningOfFindIsNotRepeatedByWhatif() throws {
        let run = try ShellHome().run([], input: "use projects Database\nset pattern 2030.*\nfind to Staging\nwhatif\n")
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.components(separatedBy: "No release of Database was found").count - 1 == 1, "stderr: \(run.standardError)")
    }

    @Test func orderIsEnforced() throws {
        let run = try ShellHome().run(["-c", "whatif"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("No plan yet. Run 'find to ENV' first."), "stderr: \(run.standardError)")
    }

    @Test func changingThePatternAfterFindMakesThePlanStale() throws {
        let run = try ShellHome().run([], input: "use projects Database\nfind to Staging\nset pattern 2021.1.1.*\nwhatif\n")
        #expect(run.status == 3)
        #expect(run.standardError.contains("-:4: The plan is stale: 'pattern' changed after 'find'. Run 'find' again."), "stderr: \(run.standardError)")
    }

    @Test func badSettingValuesListTheValidOnes() throws {
        let run = try ShellHome().run(["-c", "set mode sideways"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("Invalid value 'sideways' for 'mode'. Valid: 'promote', 'redeploy', 'always-latest'."), "stderr: \(run.standardError)")
    }

    @Test func showMasksTheKey() throws {
        let run = try ShellHome().run(["-c", "show"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("API-****0001"), "stdout: \(run.standardOutput)")
        #expect(!run.standardOutput.contains("SANDBOXRELEASECONDUCTOR"))
    }

    @Test func findPrintsThePlanAsBasicAndJSON() throws {
        let home = try ShellHome()
        let basic = try home.run(["-o", "basic", "-c", "use parent \"Release Orchestration\"; find to Staging"])
        #expect(basic.status == 0, "stderr: \(basic.standardError)")
        #expect(basic.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("Releases-") }, "stdout: \(basic.standardOutput)")
        #expect(basic.standardOutput.split(separator: "\n").count == 4)
        let json = try home.run(["-c", "use parent \"Release Orchestration\"; find to Staging -o json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["destination"] as? String == "Staging")
        #expect((document["children"] as? [Any])?.count == 4)
    }
}
