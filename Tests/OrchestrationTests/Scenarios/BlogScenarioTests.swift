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
