import Foundation
import Testing

/// Every command file of examples/ against the embedded sandbox, after arranging through the shell what the
/// scenario needs (children in Staging; the parent's release through Prod Approval with its three approvals given
/// by the seeded users who may give them).
@Suite(.serialized) struct ExamplesEndToEndTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// The seeded user who answers a team's approval.
    static let approvers = ["Business Owners": "Olivia Owner", "QA": "Quinn Tester", "Web Admins": "Wes Admin"]

    @Test func promoteToStagingTakesEveryChildThere() throws {
        let home = try ShellHome()
        let run = try home.run(["-f", Self.example("promote-to-staging.cond")])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let status = try home.run(["-c", "use parent \"Release Orchestration\"; status -o json"])
        let staging = try Self.cells(status.standardOutput).filter { $0.environment == "Staging" }
        #expect(staging.map { "\($0.project) \($0.version) \($0.state)" }.sorted() == [
            "Database 2021.1.0.10 Success", "Scheduling Service 2021.1.0.7 Success", "Web API 2021.1.0.14 Success", "Web UI 2021.1.0.12 Success",
        ], "stdout: \(run.standardOutput)")
    }

    @Test func whatIfProductionSaysWhoCoversEachApproval() throws {
        let home = try ShellHome()
        try Self.arrangeParentApproved(home)
        let run = try home.run(["-f", Self.example("whatif-production.cond")])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        for child in ["Database", "Web API", "Scheduling Service", "Web UI"] { #expect(run.standardOutput.contains(child)) }
        #expect(!run.standardOutput.contains("NOT COVERED"), "stdout: \(run.standardOutput)")
        let tasks = try home.run(["-c", "tasks --active -o basic"])
        #expect(tasks.standardOutput == "", "whatif and approve create nothing")
    }

    @Test func approveTodayDeployTonightQueuesTheFirstStage() throws {
        let home = try ShellHome()
        try Self.arrangeParentApproved(home)
        let run = try home.run(["-f", Self.example("approve-today-deploy-tonight.cond")])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.contains("19:00"), "stdout: \(run.standardOutput)")
        let queued = try home.run(["-c", "use parent \"Release Orchestration\"; status -o json"])
        let production = try Self.cells(queued.standardOutput).filter { $0.environment == "Production" }
        #expect(production.map { "\($0.project) \($0.state)" } == ["Database Queued"], "stdout: \(queued.standardOutput)")
    }

    /// A patch where only Database and Web UI changed: after their 2021.1.1.1 releases reach Staging (created and
    /// deployed through the API of a `sandbox serve`, as a build server would), the plan takes those two to
    /// Production and skips the other two.
    @Test func patchReleaseTakesOnlyTheChildrenThatChanged() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let keys = sandbox.apiKeys
        try #require(keys.count >= 5, "the sandbox prints the seeded keys: \(keys.count)")
        let api = SandboxAPI(sandbox: sandbox, key: keys[0])
        let approvers = ["QA Approval": keys[2], "Web Admin Approval": keys[3], "Business Owner Approval": keys[4]]
        for project in ["Projects-1", "Projects-4"] {
            let release = try #require(try await api.object("POST", "/api/Spaces-1/releases", json: ["ProjectId": project, "Version": "2021.1.1.1"])["Id"] as? String)
            for environment in ["Environments-1", "Environments-2", "Environments-3"] {
                try await api.deployToEnd(release: release, environment: environment, approvers: approvers)
            }
        }
        let home = try ShellHome()
        let run = try home.run(["-f", Self.example("patch-release.cond")],
                               environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": keys[0]])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let plan = run.standardOutput.split(separator: "\n").prefix { !$0.hasPrefix("What-if") }
        #expect(plan.contains { $0.contains("Database") && $0.contains("2021.1.1.1") && $0.contains("deploy") && !$0.contains("skip") }, "\(run.standardOutput)")
        #expect(plan.contains { $0.contains("Web UI") && $0.contains("2021.1.1.1") && !$0.contains("skip") }, "\(run.standardOutput)")
        #expect(plan.contains { $0.contains("Web API") && $0.contains("skip") }, "\(run.standardOutput)")
        #expect(plan.contains { $0.contains("Scheduling Service") && $0.contains("skip") }, "\(run.standardOutput)")
    }

    // MARK: arranging

    /// Children in Staging (the first example), then the parent 2021.1.0 to Staging and Prod Approval, each
    /// approval there answered by a member of its team.
    static func arrangeParentApproved(_ home: ShellHome) throws {
        let staging = try home.run(["-f", example("promote-to-staging.cond")])
        guard staging.status == 0 else { throw EndToEndError.unexpected("Arranging the scenario: promote-to-staging: \(staging.standardError)") }
        for environment in ["Staging", "\"Prod Approval\""] {
            let deploy = try home.run(["-c", "deploy \"Release Orchestration\" 2021.1.0 to \(environment) --yes -o basic"])
            let task = deploy.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            guard deploy.status == 0, task.hasPrefix("ServerTasks-") else { throw EndToEndError.unexpected("Arranging the scenario: deploy parent to \(environment): \(deploy.standardError)") }
            for _ in 0..<200 {
                let state = try home.run(["-c", "log \(task) -o basic"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                if state == "Success" { break }
                if ["Failed", "Canceled", "TimedOut"].contains(state) { throw EndToEndError.unexpected("Arranging the scenario: parent in \(environment): \(state)") }
                try answerPendingApprovals(home)
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    /// Answers each pending intervention as the seeded user of its team.
    static func answerPendingApprovals(_ home: ShellHome) throws {
        let listed = try home.run(["-c", "interventions -o json"])
        guard let entries = try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]] else { return }
        for entry in entries {
            guard let id = entry["id"] as? String, let teams = entry["teams"] as? [String],
                  let user = teams.compactMap({ approvers[$0] }).first else { continue }
            let answer = try home.run(["-c", "connect sandbox as \"\(user)\"; respond \(id) proceed --notes \"arranged by the examples test\""])
            guard answer.status == 0 else { throw EndToEndError.unexpected("Arranging the scenario: respond \(id) as \(user): \(answer.standardError)") }
        }
    }

    struct Cell { var project, environment, version, state: String }

    static func cells(_ json: String) throws -> [Cell] {
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return objects.map { Cell(project: $0["project"] as? String ?? "", environment: $0["environment"] as? String ?? "",
                                  version: $0["version"] as? String ?? "", state: $0["state"] as? String ?? "") }
    }
}
