import ConductorShell
import Testing

/// The promotion's steps in process against a live sample sandbox, where a step has nothing to act on: what it
/// says, and that it is not an error.
@Suite struct PromotionStepShellTests {
    @Test func waitAfterADeployWithNothingToDeploySaysSoAndSucceeds() async throws {
        try await ShellHarness.with { shell in
            // Database 2021.1.0.10 is already in Test in the sample: the plan skips it, 'deploy' creates nothing.
            let (_, status, output) = await shell.run(["use projects Database", "find to Test", "deploy --yes", "wait"])
            #expect(status == .success, "stderr: \(output.standardError)")
            #expect(output.standardError.contains("Nothing to deploy: every child is skipped"))
            #expect(output.standardError.contains("Nothing to wait for: every child is skipped (see the ACTION column)."))
            #expect(!output.standardError.contains("needs 'deploy' first"))
        }
    }

    @Test func scheduleSaysWhoKeepsTheStageOrderOnlyWhenLaterStagesDeploy() async throws {
        try await ShellHarness.with { shell in
            let later = "Later stages keep their order: they start when 'wait' sees the stage before succeed"
            // Nothing deploys: no stage to keep in order.
            let (_, skipped, nothing) = await shell.run(["use projects Database", "find to Test", "schedule tomorrow 19:00"])
            #expect(skipped == .success, "stderr: \(nothing.standardError)")
            #expect(nothing.standardError.contains("Nothing would start then: every child is skipped (see the ACTION column)."))
            #expect(!nothing.standardError.contains(later))
            // Only Web API deploys of the three stages: the server starts it, nobody needs to wait.
            let (_, one, single) = await shell.run(["use projects \"Database then Web API then Web UI\"", "find to Test", "schedule tomorrow 19:00"])
            #expect(one == .success, "stderr: \(single.standardError)")
            #expect(single.standardOutput.contains("Scheduled: "))
            #expect(!single.standardError.contains(later) && !single.standardError.contains("Nothing would start"), "\(single.standardError)")
            // Two stages deploy (Staging gets the whole application): the order needs 'wait'.
            let (_, two, staged) = await shell.run(["use parent \"Release Orchestration\"", "set pattern 2021.1.0.*", "find to Staging", "schedule tomorrow 19:00"])
            #expect(two == .success, "stderr: \(staged.standardError)")
            #expect(staged.standardError.contains(later))
        }
    }
}
