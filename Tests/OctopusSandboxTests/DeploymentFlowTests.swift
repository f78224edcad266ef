import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Deployments through HTTP on a virtual clock: the sample history, lifecycle checks, the task
/// simulation with a manual intervention, permissions and events.
@Suite("Deployment flow")
struct DeploymentFlowTests {
    typealias Env = SampleSeed.Environments
    static let webAPI15: ReleaseID = "Releases-9"
    static let webAPI14: ReleaseID = "Releases-8"

    func json(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    func clock(_ http: SandboxHTTP) throws -> VirtualClock {
        try #require(http.server.clock as? VirtualClock)
    }

    @Test func sampleHistoryRollsWebAPIBackTo14InTest() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get("/api/Spaces-1/deployments?projects=Projects-3&environments=Environments-2&take=1")
            #expect(reply.status == 200)
            let page = try reply.decode(ResourceCollection<Deployment>.self)
            #expect(page.totalResults == 4)
            #expect(page.items.first?.releaseId == Self.webAPI14)
            #expect(page.links["Page.Next"] != nil)
            let tasks = try await http.get(
                "/api/tasks?project=Projects-3&environment=Environments-2&states=Success&name=Deploy&take=100&spaces=Spaces-1")
            let taskPage = try tasks.decode(ResourceCollection<ServerTask>.self)
            #expect(taskPage.totalResults == 4)
            #expect(taskPage.items.allSatisfy { $0.state == .success && $0.isCompleted && $0.finishedSuccessfully })
            #expect(taskPage.items.first?.description == "Deploy Web API release 2021.1.0.14 to Test")
        }
    }

    @Test func templatePromotesToStagingButNotProduction() async throws {
        try await withSampleSandbox { http in
            let template = try await http.get("/api/Spaces-1/releases/\(Self.webAPI15)/deployments/template")
                .decode(DeploymentTemplate.self)
            #expect(template.promoteTo.map(\.id) == [Env.development, Env.test, Env.staging])
            #expect(template.promoteTo.last?.links["Preview"]?.contains("/deployments/preview/Environments-3") == true)
        }
    }

    @Test func lifecycleRefusesProduction() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": Self.webAPI15.rawValue, "EnvironmentId": Env.production.rawValue]))
            #expect(reply.status == 400)
            #expect(reply.error?.errorMessage == "There was a problem with your request.")
            #expect(reply.error?.errors.first?.contains("cannot be deployed to environment 'Production'") == true)
        }
    }

    @Test func manualInterventionPausesUntilAResponsibleTeamMemberProceeds() async throws {
        try await withSampleSandbox { http in
            let clock = try clock(http)
            let created = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["releaseId": Self.webAPI15.rawValue, "environmentId": Env.staging.rawValue]))
            #expect(created.status == 201)
            let deployment = try created.decode(Deployment.self)
            let taskID = try #require(deployment.taskId)
            #expect(deployment.links["Self"] == "/api/Spaces-1/deployments/\(deployment.id)")

            // The first step is the Web Admins' approval: the task waits on it.
            clock.advance(by: 1)
            let waiting = try await http.get("/api/tasks/\(taskID)").decode(ServerTask.self)
            #expect(waiting.state == .executing)
            #expect(waiting.hasPendingInterruptions)
            #expect(waiting.pendingInterruptionTypes == ["ManualIntervention"])
            let interruptions = try await http.get("/api/Spaces-1/interruptions?regarding=\(deployment.id)&pendingOnly=true")
                .decode(ResourceCollection<Interruption>.self)
            let interruption = try #require(interruptions.items.first)
            #expect(interruption.responsibleTeamIds == [SampleSeed.Teams.webAdmins, SampleSeed.Teams.releaseManagement])
            #expect(interruption.title == "Web Admin Approval")
            // Octopus evaluates the system variables in the instructions it shows.
            #expect(interruption.form.elements.first { $0.name == "Instructions" }?.control.text
                == "Confirm the web servers are ready for Web API 2021.1.0.15.")

            // QA is not responsible: it cannot take responsibility.
            let qa = SandboxHTTP(server: http.server, apiKey: SampleSeed.qaAPIKey)
            let asQA = try await qa.get("/api/Spaces-1/interruptions/\(interruption.id)").decode(Interruption.self)
            #expect(!asQA.canTakeResponsibility)
            let refused = try await qa.send("PUT", "/api/Spaces-1/interruptions/\(interruption.id)/responsible")
            #expect(refused.status == 403)

            // A Web Admin must take responsibility before submitting.
            let admin = SandboxHTTP(server: http.server, apiKey: SampleSeed.webAdminAPIKey)
            let early = try await admin.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit", body: try json(["Result": "Proceed"]))
            #expect(early.status == 400)
            #expect(early.error?.errorMessage == "You must take responsibility for this interruption before attempting to submit it.")
            let taken = try await admin.send("PUT", "/api/Spaces-1/interruptions/\(interruption.id)/responsible")
            #expect(taken.status == 200)
            #expect(try taken.decode(User.self).id == SampleSeed.Users.webAdmin)
            let submitted = try await admin.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit",
                body: try json(["Instructions": NSNull(), "Notes": "web tier ready", "Result": "Proceed"]))
            #expect(submitted.status == 200)
            let answered = try submitted.decode(Interruption.self)
            #expect(!answered.isPending)
            #expect(answered.hasResponsibility)
            #expect(answered.form.values["Result"] == "Proceed")
            let again = try await admin.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit", body: try json(["Result": "Proceed"]))
            #expect(again.error?.errorMessage == "The interruption has already been submitted.")

            // The remaining steps run on the clock.
            clock.advance(by: 3600)
            let done = try await http.get("/api/Spaces-1/tasks/\(taskID)").decode(ServerTask.self)
            #expect(done.state == .success)
            #expect(!done.hasPendingInterruptions)
            let details = try await http.get("/api/tasks/\(taskID)/details").decode(TaskDetails.self)
            let steps = try #require(details.activityLogs.first?.children)
            #expect(steps.map(\.status) == [.success, .success, .success])
            #expect(steps.first?.children.first?.logElements.contains { $0.messageText.contains("approved by wes") } == true)

            let events = try await http.get("/api/events?regardingAny=\(taskID)&spaces=Spaces-1&includeSystem=true")
                .decode(ResourceCollection<Event>.self)
            let submittedEvent = try #require(events.items.first { $0.message.hasPrefix("Submitted interruption") })
            #expect(submittedEvent.userId == SampleSeed.Users.webAdmin)
            #expect(events.items.map(\.category).contains("DeploymentSucceeded"))
            #expect(events.items.first?.category == "DeploymentSucceeded")
        }
    }
}
