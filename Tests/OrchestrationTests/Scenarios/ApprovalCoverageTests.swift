import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Issue 13: approvals resolved and shown before anything deploys, no self-approval, approvals bound to what was
/// approved, and schedules that keep approvals and the stage order.
@Suite(.serialized)
struct ApprovalCoverageTests {
    /// Without a parent and without "as me", Conductor submits nothing: Wes approves Web API's Web Admin Approval by
    /// hand, and the interruption says so.
    @Test func noSelfApprovalByDefault() async throws {
        try await SandboxHarness.run { sandbox in
            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            let options = PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Staging", waitTimeout: 900)
            let engine = sandbox.engine(onSleep: { try await wes.approvePending() })
            let (plan, events) = try await collectingEvents { progress in try await engine.promote(options, progress: progress) }
            #expect(plan.child("Web API")?.outcome == .success)
            #expect(plan.approvals?.approvers.isEmpty == true)
            #expect(!events.contains { if case .approvalSubmitted = $0 { true } else { false } })
            let coverage = try #require(events.compactMap { if case .interventionsCovered(let rows) = $0 { rows } else { nil } }.first)
            #expect(coverage.map(\.summary) == ["left to people: no parent release is named to take approvals from, and approving as the API key's user was not asked for"])
            let task = try #require(plan.child("Web API")?.deployment?.taskId)
            let interruptions = try await sandbox.client.interruptions(regarding: task.rawValue).all()
            #expect(interruptions.count == 1)
            for interruption in interruptions {
                #expect(interruption.responsibleUserId == SampleSeed.Users.webAdmin, "submitted by Wes, not by the API key's user")
                #expect((interruption.form.values["Notes"] ?? nil) == "Looks good.")
            }
        }
    }

    /// A wrong parent project, parent release or approval environment fails what-if — as a real run — naming the
    /// closest names.
    @Test(arguments: [
        ("Release Orchestraton", "2021.1.0", "Prod Approval", OrchestrationError.notFound(kind: "parent project", name: "Release Orchestraton", suggestions: ["Release Orchestration"])),
        ("Release Orchestration", "2021.1.9", "Prod Approval", .notFound(kind: "release of Release Orchestration", name: "2021.1.9", suggestions: ["2021.1.0"])),
        ("Release Orchestration", "2021.1.0", "Prod Aproval", .notFound(kind: "approval environment", name: "Prod Aproval", suggestions: ["Prod Approval"])),
    ])
    func wrongParentNamesFailWhatIf(project: String, release: String, environment: String, error: OrchestrationError) async throws {
        try await SandboxHarness.run { sandbox in
            var options = try Sample.options("Production") { $0.whatIf = true }
            options.parentProject = project
            options.parentRelease = release
            options.approvalEnvironment = environment
            await #expect(throws: error) { try await sandbox.engine().promote(options) }
        }
    }

    /// What-if lists every intervention with its coverage, and the answer changes once the parent is approved.
    @Test func whatIfCoverageBeforeAndAfterTheParentIsApproved() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.promoteChildrenToStaging()
            let options = Sample.withParentApprovals(try Sample.options("Production") { $0.whatIf = true })
            let before = try await sandbox.engine().promote(options).interventionCoverage
            #expect(before.count == 6)
            #expect(Set(before.map(\.summary)) == ["left to people: Release Orchestration 2021.1.0 has no successful deployment to Prod Approval to take approvals from. Deploy it to Prod Approval and approve its manual interventions first, or approve as yourself"])

            try await sandbox.approveParentInProdApproval()
            let after = try await sandbox.engine().promote(options).interventionCoverage
            #expect(after.map { "\($0.project.name): \($0.stepName): \($0.summary)" } == [
                "Database: QA Approval: auto-approved as quinn (QA)",
                "Web API: Web Admin Approval: auto-approved as wes (Web Admins)",
                "Web API: QA Approval: auto-approved as quinn (QA)",
                "Scheduling Service: QA Approval: auto-approved as quinn (QA)",
                "Web UI: Web Admin Approval: auto-approved as wes (Web Admins)",
                "Web UI: QA Approval: auto-approved as quinn (QA)",
            ])
            #expect(after.first?.responsibleTeams == ["QA", "Release Management"])
        }
    }

    /// Web API 2021.1.1.1 created after the parent's Prod Approval is not covered by it, and says why; the other
    /// children still are.
    @Test func approvalPredatingTheReleaseLeavesItToPeople() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.promoteChildrenToStaging()
            try await sandbox.approveParentInProdApproval()
            sandbox.clock.advance(by: 3 * 3600)
            let fix = try await sandbox.createRelease(SampleSeed.Projects.webAPI, version: "2021.1.1.1")
            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            for environment in [SampleSeed.Environments.development, SampleSeed.Environments.test, SampleSeed.Environments.staging] {
                try #require(try await sandbox.deployToEnd(fix.id, to: environment, people: [wes]).state == .success)
            }
            let options = Sample.withParentApprovals(try Sample.options("Production") { $0.whatIf = true })
            let plan = try await sandbox.engine().promote(options)
            #expect(plan.child("Web API")?.release?.version == "2021.1.1.1")
            let webAPI = plan.interventionCoverage(of: SampleSeed.Projects.webAPI)
            #expect(webAPI.count == 2)
            for row in webAPI {
                #expect(row.summary.wholeMatch(of: /left to people: approval of 2021\.1\.0 \(given (?:\d{4}-\d\d-\d\d )?\d\d:\d\d\) predates Web API 2021\.1\.1\.1 \(created (?:\d{4}-\d\d-\d\d )?\d\d:\d\d\)/) != nil, "\(row.summary)")
            }
            #expect(plan.interventionCoverage(of: SampleSeed.Projects.database).map(\.summary) == ["auto-approved as quinn (QA)"])
        }
    }

    /// Scheduled and waiting: only the first stage is queued for the time; the engine sleeps until it (a handful
    /// of polls, not one every 5 s through the night), approves, and starts the later stages in order after it.
    @Test func scheduledPromotionKeepsApprovalsAndOrder() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.arrangeApprovedParentForProduction()
            let start = sandbox.clock.now.addingTimeInterval(8 * 3600)
            let options = Sample.withParentApprovals(try Sample.options("Production") { $0.schedule = "+8h" })
            let ((plan, events), requests) = try await sandbox.serverRequests {
                try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            }
            Sample.expectParentApprovalsApplied(plan, events: events)
            #expect(requests < 400, "slept through the 8 hours instead of polling: \(requests) requests")
            let created = events.compactMap { if case .deploymentCreated(let project, _, _, _, _) = $0 { project } else { nil } }
            #expect(created == Sample.children, "one stage after the other")
            var previousEnd = Date.distantPast
            for name in Sample.children {
                let deployment = try await sandbox.client.deployment(try #require(plan.child(name)?.deployment?.deploymentId))
                let task = try await sandbox.client.task(try #require(deployment.taskId))
                let started = try #require(task.startTime)
                #expect(started >= start, "\(name) started before the time")
                #expect(started >= previousEnd, "\(name) started before the stage before it ended")
                previousEnd = try #require(task.completedTime)
                #expect((deployment.queueTime != nil) == (name == "Database"), "only the first stage is queued for the time")
            }
        }
    }

    /// Scheduled and not waiting: only the first stage is queued; the later ones are reported, and every
    /// intervention is said to be left to people.
    @Test func scheduledWithoutWaitingQueuesOnlyTheFirstStage() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.promoteChildrenToStaging()
            try await sandbox.approveParentInProdApproval()
            let options = Sample.withParentApprovals(try Sample.options("Production") { $0.schedule = "+8h"; $0.wait = false })
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            #expect(plan.children.filter { $0.deployment != nil }.map(\.project.name) == ["Database"])
            #expect(plan.child("Database")?.outcome == .notWaited)
            #expect(events.contains(.laterStagesNotScheduled(projects: ["Web API", "Scheduling Service", "Web UI"], startsAt: try #require(plan.schedule?.absoluteText))))
            let coverage = try #require(events.compactMap { if case .interventionsCovered(let rows) = $0 { rows } else { nil } }.first)
            #expect(Set(coverage.map(\.summary)) == ["left to people: nothing follows the deployment to submit approvals, because the promotion does not wait for it"])
            #expect(plan.child("Web UI")?.messages.contains { $0.level == .warning && $0.text.hasPrefix("Not scheduled: only the first stage (Database) starts at ") } == true)
        }
    }
}
