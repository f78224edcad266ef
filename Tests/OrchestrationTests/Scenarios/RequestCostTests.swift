import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Request costs, counted by the sandbox (deterministic), with the calls the client sent for the details.
@Suite(.serialized)
struct RequestCostTests {
    /// find on the sample's four children, Test → Staging: 3 shared lookups (environments, projects, the space's
    /// channels), 1 lifecycle preview, and per child one page of successful deployments, one release batch and one
    /// deployment template — no request per task or per candidate.
    @Test func findCost() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let ((plan, served), sent) = try await sandbox.transport.counting {
                try await sandbox.serverRequests { try await engine.find(try Sample.options("Staging")) }
            }
            #expect(plan.children.count == 4)
            #expect(served == sent.count)
            #expect(served == 3 + 1 + 3 * 4, "\(sent)")
            #expect(!sent.contains { $0.contains("/api/tasks") })
            #expect(!sent.contains { $0.range(of: #"/deployments/Deployments-\d+"#, options: .regularExpression) != nil })
        }
    }

    /// B7: only the literal prefix before the first wildcard is sent as `searchByVersion`.
    @Test func searchByVersionIsTheLiteralPrefix() async throws {
        try await SandboxHarness.run { sandbox in
            let (plan, sent) = try await sandbox.transport.counting {
                try await sandbox.engine().find(try Sample.options("Test", pattern: "2021.1.0.1[34]", mode: .alwaysLatest))
            }
            #expect(plan.child("Web API")?.release?.version == "2021.1.0.14")
            let searches = sent.filter { $0.contains("/releases?") && $0.contains("searchByVersion") }
            #expect(searches.count == 4)
            #expect(searches.allSatisfy { $0.contains("searchByVersion=2021.1.0.1&") || $0.hasSuffix("searchByVersion=2021.1.0.1") })
        }
    }

    /// whatif: preview and process snapshot per deployed child (the release travels in the plan from find), and the
    /// teams' names once.
    @Test func whatIfCost() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let plan = try await engine.find(try Sample.options("Staging"))
            let (previewed, served) = try await sandbox.serverRequests { try await engine.whatIf(plan) }
            #expect(previewed.deployable.count == 4)
            #expect(served == 2 * 4 + 1)  // + the responsible teams' names, once
            let webAPI = try #require(previewed.child("Web API")?.preview)
            #expect(webAPI.interventions == [ExpectedIntervention(stepName: "Web Admin Approval", responsibleTeamIds: [SampleSeed.Teams.webAdmins, SampleSeed.Teams.releaseManagement], responsibleTeams: ["Web Admins", "Release Management"])])
            #expect(previewed.child("Database")?.preview?.interventions.isEmpty == true)
        }
    }

    /// approve from the parent: the lookups, the release's deployments and their tasks in one batch, the task's
    /// interruptions, and 2 per approver.
    @Test func approveCost() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.approveParentInProdApproval()
            let engine = sandbox.engine()
            let plan = try await engine.find(Sample.withParentApprovals(try Sample.options("Staging")))
            let (approved, served) = try await sandbox.serverRequests { try await engine.approve(plan) }
            #expect(approved.approvals?.approvers.count == 3)
            #expect(served == 3 + 1 + 1 + 1 + 2 * 3)
        }
    }

    /// find on 20 generated children with long histories (50 releases, 200 deployments each) stays within
    /// 4·N + 10 requests: the history is read newest first and only until a qualifying release is found.
    @Test func findCostOnALargeApplication() async throws {
        try await SandboxHarness.run(seed: .large, largeSeed: LargeSeedParameters(projects: 20, releasesPerProject: 50, deploymentsPerProject: 200)) { sandbox in
            let names = (1...20).map { "Generated Service \($0)" }
            let options = PromotionOptions(application: Application(stages: [names]), destination: "Staging")
            let (plan, served) = try await sandbox.serverRequests { try await sandbox.engine(concurrency: 8).find(options) }
            #expect(plan.children.count == 20)
            #expect(plan.children.allSatisfy { $0.release != nil })
            #expect(served <= 4 * 20 + 10, "find made \(served) requests")
        }
    }
}
