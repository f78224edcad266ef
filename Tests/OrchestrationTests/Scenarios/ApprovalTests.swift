import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Auto-approval limits: permissions, approvals bound to releases, guided failure (B16).
@Suite(.serialized)
struct ApprovalTests {
    static func productionOptions(_ application: String, timeout: TimeInterval) throws -> PromotionOptions {
        Sample.withParentApprovals(PromotionOptions(application: try Application(parsing: application), destination: "Production", waitTimeout: timeout))
    }

    /// The API key's user is in none of the responsible teams: the intervention is left to people, says why, and the
    /// deployment is cancelled at the timeout.
    @Test func apiUserWithoutPermissionToTakeTheIntervention() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.removeFromInterventions(SampleSeed.Teams.releaseManagement)
            try await sandbox.promoteChildrenToStaging()
            try await sandbox.approveParentInProdApproval()
            let options = try Self.productionOptions("Database then Web API", timeout: 900)
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            #expect(events.contains { event in
                guard case .interventionPending("Database", "QA Approval", false, ["QA"], false, let id) = event else { return false }
                return id.hasPrefix("Interruptions-")
            })
            #expect(events.contains(.interventionLeftToPeople(project: "Database", title: "QA Approval", reason: .apiUserMayNotAct)))
            #expect(LeftToPeopleReason.apiUserMayNotAct.waitSentence == "The API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval. Unless someone approves it, the deployment waits until the timeout.")
            // The plan said so before anything deployed.
            #expect(plan.interventionCoverage(of: SampleSeed.Projects.database).map(\.summary) == ["left to people: the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval"])
            #expect(!events.contains { if case .approvalSubmitted = $0 { true } else { false } })
            #expect(plan.child("Database")?.outcome == .cancelledOnTimeout)
            #expect(plan.child("Web API")?.action == .skip(.earlierStageFailed))
        }
    }

    /// Approvals are bound to releases: approved 2021.1.0.14, a newer find selects 2021.1.0.16 — deploy and wait say
    /// the approvals do not apply, and nothing is approved on their strength.
    @Test func approvalsDoNotCarryOverToAnotherRelease() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.addMember(SampleSeed.Users.releaseConductor, to: SampleSeed.Teams.webAdmins)
            let options = PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Staging", waitTimeout: 600)
            let wesEngine = sandbox.engine(client: try sandbox.client(apiKey: SampleSeed.webAdminAPIKey))
            let approved = try await wesEngine.approve(try await sandbox.engine().find(options), asCurrentUser: true)
            #expect(approved.approvals?.approvers.map(\.username) == ["wes"])
            #expect(approved.approvals?.approvedReleases[SampleSeed.Projects.webAPI]?.version == "2021.1.0.14")

            // A fix reaches Test after the approval.
            let fix = try await sandbox.createRelease(SampleSeed.Projects.webAPI, version: "2021.1.0.16")
            for environment in [SampleSeed.Environments.development, SampleSeed.Environments.test] {
                try #require(try await sandbox.deployToEnd(fix.id, to: environment).state == .success)
            }
            let engine = sandbox.engine()
            var plan = try await engine.find(options)
            #expect(plan.child("Web API")?.release?.version == "2021.1.0.16")
            plan.approvals = approved.approvals
            plan = try await engine.deploy(plan)
            let mismatch = "The approvals do not apply to Web API: 2021.1.0.14 was approved, but 2021.1.0.16 would be deployed. Approve again."
            #expect(plan.child("Web API")?.messages.contains(PlanMessage(.warning, mismatch)) == true)
            let (finished, events) = try await collectingEvents { progress in try await engine.wait(plan, progress: progress) }
            let reason = LeftToPeopleReason.otherReleaseApproved(project: "Web API", approved: "2021.1.0.14", planned: "2021.1.0.16")
            #expect(events.contains(.interventionLeftToPeople(project: "Web API", title: "Web Admin Approval", reason: reason)))
            #expect(reason.waitSentence == mismatch + " Unless someone approves it, the deployment waits until the timeout.")
            #expect(finished.child("Web API")?.outcome == .cancelledOnTimeout)
        }
    }

    /// "As me": the API key's own user approves interventions of teams it belongs to.
    @Test func approveAsMe() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.addMember(SampleSeed.Users.releaseConductor, to: SampleSeed.Teams.webAdmins)
            let engine = sandbox.engine()
            let options = PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Staging")
            let plan = try await engine.approve(try await engine.find(options), asCurrentUser: true)
            #expect(plan.approvals?.source == .currentUser)
            let (finished, events) = try await collectingEvents { progress in try await engine.wait(plan, progress: progress) }
            #expect(events.contains(.approvalSubmitted(project: "Web API", title: "Web Admin Approval", approver: "Release Conductor (release-conductor)")))
            #expect(finished.child("Web API")?.outcome == .success)
        }
    }

    /// B16 and §5.21: with guided failure on for the destination, a failing step asks for guidance; the engine never
    /// answers it, even with matching approvals, and says so.
    @Test func guidedFailureIsNeverAutoSubmitted() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.server.store.write { db in
                guard var staging = try db.document(DeploymentEnvironment.self, id: SampleSeed.Environments.staging.rawValue) else { return }
                staging.useGuidedFailure = true
                try db.save(staging)
                try db.arrangeFailure(FailureArrangement(projectId: SampleSeed.Projects.schedulingService, environmentId: SampleSeed.Environments.staging, step: "Deploy Scheduling Service"))
            }
            let engine = sandbox.engine()
            let options = PromotionOptions(application: Application(sequential: ["Scheduling Service"]), destination: "Staging", waitTimeout: 600)
            let plan = try await engine.approve(try await engine.whatIf(try await engine.find(options)), asCurrentUser: true)
            #expect(plan.child("Scheduling Service")?.useGuidedFailure == true)
            let (finished, events) = try await collectingEvents { progress in try await engine.wait(plan, progress: progress) }
            let deployment = try await sandbox.client.deployment(try #require(finished.child("Scheduling Service")?.deployment?.deploymentId))
            #expect(deployment.useGuidedFailure)
            #expect(events.contains { if case .interventionPending(_, _, true, _, _, _) = $0 { true } else { false } })
            #expect(events.contains { if case .interventionLeftToPeople(_, _, .guidedFailure) = $0 { true } else { false } })
            #expect(LeftToPeopleReason.guidedFailure.waitSentence == "Guided failure needs a person to decide; it is never answered automatically.")
            #expect(!events.contains { if case .approvalSubmitted = $0 { true } else { false } })
            #expect(finished.child("Scheduling Service")?.outcome == .cancelledOnTimeout)
        }
    }

    /// No successful parent deployment in the approval environment: nobody's approval is taken, and the plan says
    /// what to do (§5.29: not an error).
    @Test func noApprovalDeployment() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let plan = try await engine.approve(try await engine.find(try Self.productionOptions("Database", timeout: 60)))
            #expect(plan.approvals?.source == .none(reason: .parentNotApproved(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval")))
            #expect(LeftToPeopleReason.parentNotApproved(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval").fragment == "Release Orchestration 2021.1.0 has no successful deployment to Prod Approval to take approvals from. Deploy it to Prod Approval and approve its manual interventions first, or approve as yourself")
            #expect(plan.approvals?.approvers.isEmpty == true)
            let error = OrchestrationError.noApprovalDeployment(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval")
            #expect(error.description == "Release Orchestration 2021.1.0 has no successful deployment to Prod Approval to take approvals from. Deploy it to Prod Approval and approve its manual interventions first, or approve as yourself.")
        }
    }
}
