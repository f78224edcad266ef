import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// The task simulation seen through HTTP on a virtual clock: scheduling, queue expiry, cancel,
/// arranged failures and guided failure.
@Suite("Task simulation over HTTP")
struct TaskSimulationHTTPTests {
    typealias Env = SampleSeed.Environments
    static let webAPI15: ReleaseID = "Releases-9"
    static let webAPI14: ReleaseID = "Releases-8"
    static let database10: ReleaseID = "Releases-3"

    func deploy(_ http: SandboxHTTP, _ body: [String: Any]) async throws -> Deployment {
        let reply = try await http.send("POST", "/api/Spaces-1/deployments", body: try JSONSerialization.data(withJSONObject: body))
        #expect(reply.status == 201, "\(reply.text)")
        return try reply.decode(Deployment.self)
    }

    func task(_ http: SandboxHTTP, _ deployment: Deployment) async throws -> ServerTask {
        try await http.get("/api/tasks/\(deployment.taskId?.rawValue ?? "")").decode(ServerTask.self)
    }

    func clock(_ http: SandboxHTTP) throws -> VirtualClock { try #require(http.server.clock as? VirtualClock) }

    @Test func scheduledDeploymentStaysQueuedUntilQueueTime() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            let start = clock.now.addingTimeInterval(3600)
            let deployment = try await deploy(http, [
                "ReleaseId": Self.database10.rawValue, "EnvironmentId": Env.staging.rawValue,
                "QueueTime": OctopusDateFormat.string(from: start),
                "QueueTimeExpiry": OctopusDateFormat.string(from: start.addingTimeInterval(3600)),
            ])
            clock.advance(by: 3599)
            let queued = try await task(http, deployment)
            #expect(queued.state == .queued)
            #expect(queued.startTime == nil)
            #expect(queued.queueTime == start)
            clock.advance(by: 2)
            let running = try await task(http, deployment)
            #expect(running.state == .executing)
            #expect(running.startTime == start)
            clock.advance(by: 3600)
            #expect(try await task(http, deployment).state == .success)
        }
    }

    @Test func queueExpiryTimesOutADeploymentBlockedByAnotherInTheSameEnvironment() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            // Web API 2021.1.0.15 to Staging waits on the Web Admins' approval ...
            let first = try await deploy(http, ["ReleaseId": Self.webAPI15.rawValue, "EnvironmentId": Env.staging.rawValue])
            // ... so a second Web API deployment to Staging cannot start before its expiry.
            let second = try await deploy(http, [
                "ReleaseId": Self.webAPI14.rawValue, "EnvironmentId": Env.staging.rawValue,
                "QueueTimeExpiry": OctopusDateFormat.string(from: clock.now.addingTimeInterval(60)),
            ])
            clock.advance(by: 30)
            #expect(try await task(http, second).state == .queued)
            clock.advance(by: 31)
            let timedOut = try await task(http, second)
            #expect(timedOut.state == .timedOut)
            #expect(timedOut.isCompleted)
            #expect(!timedOut.finishedSuccessfully)
            #expect(try await task(http, first).hasPendingInterruptions)
        }
    }

    @Test func cancelGoesThroughCancellingToCanceled() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            let deployment = try await deploy(http, ["ReleaseId": Self.database10.rawValue, "EnvironmentId": Env.staging.rawValue])
            clock.advance(by: 5)
            let reply = try await http.send("POST", "/api/Spaces-1/tasks/\(deployment.taskId?.rawValue ?? "")/cancel", body: Data("{}".utf8))
            #expect(reply.status == 200)
            #expect(try reply.decode(ServerTask.self).state == .cancelling)
            clock.advance(by: 5)
            let canceled = try await task(http, deployment)
            #expect(canceled.state == .canceled)
            #expect(canceled.isCompleted)
            let viewer = SandboxHTTP(server: http.server, apiKey: SampleSeed.qaAPIKey)
            let forbidden = try await viewer.send("POST", "/api/tasks/\(deployment.taskId?.rawValue ?? "")/cancel", body: Data("{}".utf8))
            #expect(forbidden.status == 403)
        }
    }

    @Test func arrangedFailureFailsTheTaskAndRecordsIt() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            let arrangement = try await http.send(
                "POST", "/api/sandbox/failures",
                body: try JSONSerialization.data(withJSONObject: [
                    "ReleaseId": Self.database10.rawValue, "Step": "Deploy Database", "Message": "Migration 42 failed",
                ]))
            #expect(arrangement.status == 201)
            let deployment = try await deploy(http, ["ReleaseId": Self.database10.rawValue, "EnvironmentId": Env.staging.rawValue])
            clock.advance(by: 600)
            let failed = try await task(http, deployment)
            #expect(failed.state == .failed)
            #expect(failed.errorMessage == "The deployment failed because one or more steps failed. Please see the deployment log for details.")
            let raw = try await http.get("/api/tasks/\(failed.id)/raw")
            #expect(raw.text.contains("Migration 42 failed"))
            let stored = try await http.get("/api/Spaces-1/deployments/\(deployment.id)").decode(Deployment.self)
            #expect(stored.failureEncountered)
            let events = try await http.get("/api/Spaces-1/events?regarding=\(deployment.id)&eventCategories=DeploymentFailed")
                .decode(ResourceCollection<Event>.self)
            #expect(events.totalResults == 1)
            let failedList = try await http.get("/api/Spaces-1/deployments?taskState=Failed").decode(ResourceCollection<Deployment>.self)
            #expect(failedList.items.map(\.id) == [deployment.id])
        }
    }

    @Test func guidedFailureAsksForGuidanceAndRetrySucceeds() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            try await http.server.store.write { db in
                try db.arrangeFailure(FailureArrangement(releaseId: Self.database10, step: "Deploy Database"))
            }
            let deployment = try await deploy(http, [
                "ReleaseId": Self.database10.rawValue, "EnvironmentId": Env.staging.rawValue, "UseGuidedFailure": true,
            ])
            clock.advance(by: 600)
            let waiting = try await task(http, deployment)
            #expect(waiting.state == .executing)
            #expect(waiting.pendingInterruptionTypes == ["GuidedFailure"])
            let interruption = try #require(
                try await http.get("/api/Spaces-1/interruptions?regarding=\(waiting.id)&pendingOnly=true")
                    .decode(ResourceCollection<Interruption>.self).items.first)
            #expect(interruption.type == "GuidedFailure")
            #expect(interruption.title.hasSuffix("requires failure guidance"))
            #expect(interruption.canTakeResponsibility)
            _ = try await http.send("PUT", "/api/Spaces-1/interruptions/\(interruption.id)/responsible")
            let wrong = try await http.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit",
                body: try JSONSerialization.data(withJSONObject: ["Result": "Proceed"]))
            #expect(wrong.status == 400)
            let retried = try await http.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit",
                body: try JSONSerialization.data(withJSONObject: ["Guidance": "Retry", "Notes": "fixed the migration"]))
            #expect(retried.status == 200)
            clock.advance(by: 600)
            let done = try await task(http, deployment)
            #expect(done.state == .success)
            #expect(done.hasWarningsOrErrors)
        }
    }
}
