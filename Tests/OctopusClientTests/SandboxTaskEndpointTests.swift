import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Testing

/// The typed endpoints a deployment's life uses — create, tasks, details, artifacts, events,
/// interruptions (responsible, submit), cancel — against the sandbox on a virtual clock.
@Suite struct SandboxTaskEndpointTests {
    static func client(_ server: SandboxServer, key: String) throws -> OctopusClient {
        let connection = try OctopusConnection(server: server.baseURL.absoluteString, apiKey: APIKey(key), space: .id("Spaces-1"), retryPolicy: .none)
        return OctopusClient(connection: connection, spaceID: "Spaces-1")
    }

    /// Web API's release that may go to Staging (its process has the Web Admins' manual intervention there).
    static func stagingDeployment(_ client: OctopusClient) async throws -> Deployment {
        let project = try #require(try await client.project(named: "Web API"))
        let staging = try #require(try await client.environment(named: "Staging"))
        let release = try #require(try await client.projectReleases(project.id).first { release in
            try await client.deploymentTemplate(release: release.id).promoteTo.contains { $0.id == staging.id }
        })
        return try await client.createDeployment(Deployment(releaseId: release.id, environmentId: staging.id, comments: "client test"))
    }

    @Test func tasksDetailsArtifactsEventsAndCancel() async throws {
        let clock = VirtualClock()
        try await SandboxServer.withRunning(SandboxConfiguration(seed: .sample, clock: clock)) { server in
            let client = try Self.client(server, key: SampleSeed.releaseConductorAPIKey)
            let deployment = try await Self.stagingDeployment(client)
            let taskId = try #require(deployment.taskId)
            #expect(deployment.comments?.hasPrefix("client test\n[conductor request ") == true)

            let tasks = try await client.tasks(ids: [taskId])
            #expect(tasks.map(\.id) == [taskId])
            let details = try await client.taskDetails(taskId)
            #expect(details.task.id == taskId)

            let notes = Data("# Web API\n- notes".utf8)
            let artifact = try await client.createArtifact(filename: "notes.md", content: notes, serverTask: taskId)
            #expect(try await client.artifactContent(artifact.id) == notes)
            #expect(try await client.artifacts(regarding: taskId.rawValue).all().map(\.id) == [artifact.id])

            let events = try await client.events(regardingAny: [deployment.id.rawValue]).all()
            #expect(!events.isEmpty, "creating a deployment is audited")

            let cancelled = try await client.cancelTask(taskId)
            #expect([.canceled, .cancelling].contains(cancelled.state))
        }
    }

    @Test func interventionsAreTakenAndSubmittedOnlyByResponsiblePeople() async throws {
        let clock = VirtualClock()
        try await SandboxServer.withRunning(SandboxConfiguration(seed: .sample, clock: clock)) { server in
            let conductor = try Self.client(server, key: SampleSeed.releaseConductorAPIKey)
            let wes = try Self.client(server, key: SampleSeed.webAdminAPIKey)
            let deployment = try await Self.stagingDeployment(conductor)
            let taskId = try #require(deployment.taskId)
            var pending: Interruption?
            for _ in 0..<200 where pending == nil {
                clock.advance(by: 5)
                pending = try await conductor.interruptions(regarding: taskId.rawValue, pendingOnly: true).first()
            }
            let interruption = try #require(pending, "the Web Admin Approval step raised an interruption")
            #expect(interruption.taskId == taskId)

            // QA is in neither responsible team (Web Admins, Release Management): the server refuses, and the client
            // says it is a permission matter.
            let qa = try Self.client(server, key: SampleSeed.qaAPIKey)
            #expect(try await qa.interruption(interruption.id).canTakeResponsibility == false)
            let refused = await #expect(throws: OctopusClientError.self) { try await qa.takeResponsibility(interruption: interruption.id) }
            #expect(refused?.status.map { [400, 403].contains($0) } == true)

            #expect(try await wes.interruption(interruption.id).canTakeResponsibility == true)
            let taker = try await wes.takeResponsibility(interruption: interruption.id)
            #expect(taker.username == "wes")
            #expect(try await wes.responsibleUser(interruption: interruption.id).id == taker.id)
            let submitted = try await wes.submitInterruption(interruption.id, values: ["Result": "Proceed", "Notes": "Looks good"])
            #expect(submitted.isPending == false)
            let again = await #expect(throws: OctopusClientError.self) {
                try await wes.submitInterruption(interruption.id, values: ["Result": "Proceed"])
            }
            #expect(again?.status == 400)
        }
    }
}
