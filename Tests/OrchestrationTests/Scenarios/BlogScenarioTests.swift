import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// The scenarios of the blog post that introduced the step template, against the live sample sandbox.
@Suite(.serialized)
struct BlogScenarioTests {
    /// "Deploying the latest release from Test to Staging": Web API gets 2021.1.0.14 (redeployed to Test after
    /// .15), not the newest .15; a second run skips every child as already current. (The sample's web projects
    /// ask a Web Admin in Staging; Wes approves by hand between polls.)
    @Test func latestSuccessfulFromTestToStagingThenAlreadyCurrent() async throws {
        try await SandboxHarness.run { sandbox in
            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            let engine = sandbox.engine(onSleep: { try await wes.approvePending() })
            let options = try Sample.options("Staging")
            let (plan, requests) = try await sandbox.serverRequests { try await engine.find(options) }

            #expect(plan.children.map(\.project.name) == Sample.children)
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.release?.version == "2021.1.0.14")
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Test"])
            #expect(webAPI.action == .deploy)
            #expect(webAPI.outputs.releaseToPromote == "2021.1.0.14")
            // Efficiency: find on N children costs at most 4·N + 10 requests.
            #expect(requests <= 4 * plan.children.count + 10, "find made \(requests) requests")

            let (finished, events) = try await collectingEvents { progress in try await engine.wait(plan, progress: progress) }
            for child in finished.children where child.willDeploy {
                #expect(child.outcome == .success, "\(child.project.name): \(child.messages)")
            }
            #expect(events.contains(.finished(project: "Web API", outcome: .success)))

            let again = try await engine.find(options)
            for child in again.children {
                #expect(child.action == .skip(.alreadyCurrent), "\(child.project.name): \(child.action)")
                #expect(child.outputs.releaseNotes == "Release already deployed to destination environment.")
                // B9: the message names the version.
                #expect(child.messages.contains { $0.text.hasPrefix("Release \(child.release?.version ?? "?") is the most recent version deployed to Staging.") })
                #expect(!child.outputs.childReleaseToDeploy)
            }
        }
    }

    /// What If: the outputs are set and nothing is deployed.
    @Test func whatIfSetsOutputsAndDeploysNothing() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let plan = try await engine.promote(try Sample.options("Staging") { $0.whatIf = true; $0.saveNotesAsArtifact = true })
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.outputs.releaseToPromote == "2021.1.0.14")
            #expect(webAPI.outputs.childReleaseToDeploy)
            #expect(webAPI.outputs.releaseNotes.hasPrefix("\n**Release Information**\n"))
            #expect(webAPI.deployment == nil)
            let artifact = try #require(webAPI.preview?.artifact)
            #expect(artifact.name.hasPrefix("Web API 2021.1.0.14 Staging.ReleaseNotes_"))
            #expect(artifact.contents == webAPI.outputs.releaseNotes)
            let deployments = try await sandbox.client.deployments(projects: [SampleSeed.Projects.webAPI], environments: [SampleSeed.Environments.staging]).all()
            #expect(deployments.isEmpty)
        }
    }
}

extension BlogScenarioTests {
    /// The bug fix: `2021.1.1.1` of Web API and Web UI goes through Development and Test; promoting `2021.1.1.*`
    /// to Staging deploys those two and skips the untouched Database and Scheduling Service.
    @Test func patchPatternSkipsUntouchedChildren() async throws {
        try await SandboxHarness.run { sandbox in
            for project in [SampleSeed.Projects.webAPI, SampleSeed.Projects.webUI] {
                let release = try await sandbox.createRelease(project, version: "2021.1.1.1", notes: "Fixes the login bug.")
                for environment in [SampleSeed.Environments.development, SampleSeed.Environments.test] {
                    try #require(try await sandbox.deployToEnd(release.id, to: environment).state == .success)
                }
            }
            let plan = try await sandbox.engine().find(try Sample.options("Staging", pattern: "2021.1.1.*"))
            #expect(plan.child("Web API")?.release?.version == "2021.1.1.1")
            #expect(plan.child("Web UI")?.release?.version == "2021.1.1.1")
            #expect(plan.deployable.map(\.project.name) == ["Web API", "Web UI"])
            for name in ["Database", "Scheduling Service"] {
                #expect(plan.child(name)?.action == .skip(.noRelease))
                #expect(plan.child(name)?.outputs == .noRelease)
            }
        }
    }

    /// "Approvals in parent project only": the approvers of the parent release's deployment to Prod Approval
    /// (Olivia, Quinn, Wes) stand in for the children's QA and Web Admin interventions in Production. As the blog's
    /// scaffolding asks, the Release Conductor account is in the approving teams.
    @Test func approvalsInTheParentOnly() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.arrangeApprovedParentForProduction()
            let options = Sample.withParentApprovals(try Sample.options("Production"))
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            // The three who proceeded the parent's interventions in Prod Approval, each with their team.
            Sample.expectParentApprovalsApplied(plan, events: events)
            // The notes name the parent deployment and the approver.
            let webAPI = try #require(plan.child("Web API")?.deployment)
            let interruptions = try await sandbox.client.interruptions(regarding: webAPI.taskId.rawValue).all()
            let qa = try #require(interruptions.first { $0.title == "QA Approval" })
            let notes = try #require(qa.form.values["Notes"] ?? nil)
            #expect(notes.contains("Parent project Release Orchestration release 2021.1.0 to Prod Approval"))
            #expect(notes.contains("was approved by"))
            #expect(qa.responsibleUserId == SampleSeed.Users.releaseConductor)
        }
    }

    /// "Approve today, deploy tomorrow": approve through Prod Approval at 09:00, schedule for 19:00 tomorrow; the
    /// server starts the deployments then and the waiting engine auto-approves with the parent's approvers.
    @Test func approveTodayDeployTomorrow() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.arrangeApprovedParentForProduction()
            let engine = sandbox.engine()
            let options = Sample.withParentApprovals(try Sample.options("Production"))
            var plan = try await engine.approve(try await engine.whatIf(try await engine.find(options)))
            #expect(plan.approvals?.approvers.count == 3)
            let today = sandbox.clock.now
            plan = try engine.schedule(plan, at: "tomorrow 19:00", timeZone: TimeZone(identifier: "UTC"))
            let schedule = try #require(plan.schedule)
            #expect(schedule.queueTime > today.addingTimeInterval(86_400 - 24 * 3600))
            #expect(schedule.absoluteText.hasSuffix("19:00:00 +00:00"))
            plan = try await engine.deploy(plan)
            // Scheduled: only the first stage is created, with the queue time; the wait starts the others in order.
            #expect(plan.children.filter { $0.deployment != nil }.map(\.project.name) == ["Database"])
            let created = try await sandbox.client.deployment(try #require(plan.child("Database")?.deployment?.deploymentId))
            #expect(created.queueTime == schedule.queueTime)
            #expect(created.queueTimeExpiry == schedule.queueTimeExpiry)

            let finished = try await engine.wait(plan)
            for child in finished.children {
                #expect(child.outcome == .success, "\(child.project.name): \(child.messages.map(\.text))")
            }
            #expect(sandbox.clock.now >= schedule.queueTime)
        }
    }

    /// "Scaling out": a new machine in Staging; redeploying to just that machine deploys only the children that
    /// deploy to it (Web API), skipping the rest as a mismatch.
    @Test func newMachineOnlyDeploysTheChildrenThatUseIt() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.promoteChildrenToStaging()
            try await sandbox.server.store.write { db in
                let id = try db.nextID(OctopusIDKinds.Machine.self)
                try db.insert(Machine(id: id, spaceId: SampleSeed.spaceID, name: "staging-web-02", environmentIds: [SampleSeed.Environments.staging], roles: ["web-api"]))
            }
            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            let options = try Sample.options("Staging", mode: .redeploy) { $0.specificMachines = ["staging-web-02"] }
            let plan = try await sandbox.engine(onSleep: { try await wes.approvePending() }).promote(options)
            #expect(plan.deployable.map(\.project.name) == ["Web API"])
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.outcome == .success)
            let deployment = try await sandbox.client.deployment(try #require(webAPI.deployment?.deploymentId))
            #expect(deployment.specificMachineIds == webAPI.preview?.specificMachineIds)
            #expect(deployment.specificMachineIds.count == 1)
            for name in ["Database", "Scheduling Service", "Web UI"] {
                #expect(plan.child(name)?.action == .skip(.machineMismatch), "\(name)")
            }
        }
    }
}
