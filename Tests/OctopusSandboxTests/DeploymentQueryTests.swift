import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Lists and read models over the sample history: filters, newest-first order, validation
/// messages, events, artifacts, progression and the dashboard.
@Suite("Deployment queries")
struct DeploymentQueryTests {
    typealias Env = SampleSeed.Environments
    typealias Projects = SampleSeed.Projects

    func json(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func deploymentsAreNewestFirstAndFilterable() async throws {
        try await withSampleSandbox { http in
            let all = try await http.get("/api/Spaces-1/deployments?take=100").decode(ResourceCollection<Deployment>.self)
            #expect(all.totalResults == 25)
            let numbers = all.items.compactMap(\.id.number)
            #expect(numbers == numbers.sorted(by: >))
            let dev = try await http.get("/api/deployments?environments=Environments-1&projects=Projects-1,Projects-2")
                .decode(ResourceCollection<Deployment>.self)
            #expect(dev.totalResults == 6)
            #expect(dev.items.allSatisfy { $0.environmentId == Env.development })
            let channel = try await http.get("/api/Spaces-1/deployments?channels=Channels-3&taskState=Success")
                .decode(ResourceCollection<Deployment>.self)
            #expect(channel.totalResults == 7)
            let none = try await http.get("/api/Spaces-1/deployments?taskState=Executing").decode(ResourceCollection<Deployment>.self)
            #expect(none.totalResults == 0)
            let paged = try await http.get("/api/Spaces-1/deployments?skip=20&take=10").decode(ResourceCollection<Deployment>.self)
            #expect(paged.items.count == 5)
            #expect(paged.links["Page.Next"] == nil)
            #expect(paged.links["Page.Previous"] != nil)
            let release = try await http.get("/api/Spaces-1/releases/Releases-8/deployments").decode(ResourceCollection<Deployment>.self)
            #expect(release.items.map(\.environmentId) == [Env.test, Env.test, Env.development])
        }
    }

    @Test(arguments: [
        ("/api/Spaces-1/deployments?taskState=Done", 400),
        ("/api/tasks?states=Running", 400),
        ("/api/Spaces-1/deployments/Deployments-999", 404),
        ("/api/tasks/ServerTasks-999/details", 404),
        ("/api/Spaces-1/events?from=yesterday", 400),
        ("/api/Spaces-1/progression/Projects-3?releaseHistoryCount=0", 400),
        ("/api/Spaces-1/releases/Releases-999/deployments/template", 404),
        ("/api/Spaces-1/releases/Releases-9/deployments/preview/Environments-99", 404),
    ])
    func badInputGetsOctopusErrors(path: String, status: Int) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get(path)
            #expect(reply.status == status)
            #expect(reply.error?.errorMessage.isEmpty == false)
        }
    }

    @Test func createValidatesItsBody() async throws {
        try await withSampleSandbox { http in
            let empty = try await http.send("POST", "/api/Spaces-1/deployments", body: Data())
            #expect(empty.status == 415)
            #expect(empty.error?.errorMessage == "No Deployment resource provided")
            let missing = try await http.send("POST", "/api/Spaces-1/deployments", body: try json(["Comments": "hi"]))
            #expect(missing.status == 400)
            #expect(missing.error?.errors.count == 2)
            let unknown = try await http.send(
                "POST", "/api/Spaces-1/deployments", body: try json(["ReleaseId": "Releases-999", "EnvironmentId": "Environments-1"]))
            #expect(unknown.status == 400)
            #expect(unknown.error?.errors.first?.contains("Releases-999") == true)
            let machine = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": "Releases-9", "EnvironmentId": "Environments-3", "SpecificMachineIds": ["Machines-999"]]))
            #expect(machine.status == 400)
            #expect(machine.error?.errors.contains { $0.contains("Machines-999") } == true)
            let malformed = try await http.send("POST", "/api/Spaces-1/deployments", body: Data("{\"ReleaseId\": ".utf8))
            #expect(malformed.status == 400)
            let guest = SandboxHTTP(server: http.server, apiKey: SampleSeed.guestAPIKey)
            #expect(try await guest.send("POST", "/api/Spaces-1/deployments", body: try json(["ReleaseId": "Releases-9"])).status == 403)
        }
    }

    @Test func previewListsStepsMachinesAndChanges() async throws {
        try await withSampleSandbox { http in
            let preview = try await http.get("/api/Spaces-1/releases/Releases-9/deployments/preview/Environments-3?includeDisabledSteps=true")
                .decode(DeploymentPreview.self)
            #expect(preview.stepsToExecute.map(\.actionName) == ["Web Admin Approval", "Deploy Web API", "Smoke Test Web API"])
            let deploy = try #require(preview.stepsToExecute.first { $0.actionName == "Deploy Web API" })
            #expect(!deploy.machines.isEmpty)
            #expect(deploy.roles == ["web-api"])
            #expect(preview.changes.map(\.version) == ["2021.1.0.15"])
            let production = try await http.get("/api/Spaces-1/releases/Releases-9/deployments/preview/Environments-5")
                .decode(DeploymentPreview.self)
            #expect(production.stepsToExecute.map(\.actionName) == ["Web Admin Approval", "QA Approval", "Deploy Web API", "Smoke Test Web API"])
            // Nothing was ever deployed to Production: the changes are this release's alone.
            #expect(production.changes.map(\.version) == ["2021.1.0.15"])
            #expect(production.changes.first?.buildInformation.isEmpty == false)
        }
    }

    /// The changes a deployment brings are every release of the channel after the one current in the environment
    /// (2021.1.0.14 in Test), oldest first, up to the one previewed: not the current one, not a later one, not another
    /// channel's.
    @Test func previewChangesSpanTheReleasesSinceTheCurrentOne() async throws {
        try await withSampleSandbox { http in
            let clock = try #require(http.server.clock as? VirtualClock)
            var created: [ReleaseID] = []
            for version in ["2021.1.0.16", "2021.1.0.17", "2021.1.0.18"] {
                clock.advance(by: 60)  // one assembly time each
                let body = try json(["ProjectId": Projects.webAPI.rawValue, "Version": version])
                created.append(try await http.send("POST", "/api/Spaces-1/releases", body: body).decode(Release.self).id)
            }
            let hotfix = try json([
                "ProjectId": Projects.webAPI.rawValue, "ChannelId": "Channels-6", "Version": "2021.1.1.5",
                "SelectedPackages": [["ActionName": "Deploy Web API", "Version": "2021.1.1.5"]],
            ])
            #expect(try await http.send("POST", "/api/Spaces-1/releases", body: hotfix).status == 201)
            let preview = try await http.get("/api/Spaces-1/releases/\(created[1])/deployments/preview/\(Env.test)")
                .decode(DeploymentPreview.self)
            #expect(preview.changes.map(\.version) == ["2021.1.0.15", "2021.1.0.16", "2021.1.0.17"])
            #expect(preview.changesMarkdown?.hasPrefix("## 2021.1.0.15") == true)
        }
    }

    @Test func progressionAndDashboardShowWhatIsWhere() async throws {
        try await withSampleSandbox { http in
            let progression = try await http.get("/api/Spaces-1/releases/Releases-9/progression").decode(LifecycleProgression.self)
            #expect(progression.phases.map(\.progress) == [.complete, .complete, .current, .pending])
            #expect(progression.nextDeployments == [Env.staging])
            let project = try await http.get("/api/Spaces-1/progression/Projects-3?releaseHistoryCount=2").decode(ProjectProgression.self)
            #expect(project.releases.map(\.release.version) == ["2021.1.0.15", "2021.1.0.14"])
            #expect(project.environments.map(\.id) == [Env.development, Env.test, Env.staging, Env.production].map(\.rawValue))
            #expect(project.releases.first?.deployments[Env.test.rawValue]?.first?.state == .success)
            let modern = try await http.get("/api/Spaces-1/projects/Projects-3/progression?releaseHistoryCount=2")
            #expect(try modern.decode(ProjectProgression.self).releases.count == 2)
            let dashboard = try await http.get("/api/Spaces-1/dashboard").decode(Dashboard.self)
            let webAPITest = try #require(dashboard.items.first { $0.projectId == Projects.webAPI && $0.environmentId == Env.test })
            #expect(webAPITest.releaseVersion == "2021.1.0.14")
            #expect(dashboard.items.count == 8)
            #expect(dashboard.items.first?.projectId == Projects.database)
            let dynamic = try await http.get("/api/Spaces-1/dashboard/dynamic?projects=Projects-3&environments=Environments-2&includePrevious=true")
                .decode(Dashboard.self)
            #expect(dynamic.items.map(\.releaseVersion) == ["2021.1.0.14"])
            #expect(dynamic.previousItems.map(\.releaseVersion) == ["2021.1.0.15"])
            #expect(dynamic.previousItems.first?.isPrevious == true)
        }
    }

    @Test func eventsFilterByDocumentCategoryAndTime() async throws {
        try await withSampleSandbox { http in
            let queued = try await http.get("/api/events?eventCategories=DeploymentQueued&take=100").decode(ResourceCollection<Event>.self)
            #expect(queued.totalResults == 25)
            #expect(queued.items.first?.username == "riley")
            let webAPI = try await http.get("/api/Spaces-1/events?projects=Projects-3&environments=Environments-2&eventCategories=DeploymentSucceeded")
                .decode(ResourceCollection<Event>.self)
            #expect(webAPI.totalResults == 4)
            let occurred = try #require(webAPI.items.last?.occurred)
            let later = try await http.get("/api/Spaces-1/events?projects=Projects-3&eventCategories=DeploymentSucceeded&from=\(OctopusDateFormat.string(from: occurred.addingTimeInterval(1)).replacingOccurrences(of: "+", with: "%2B"))")
                .decode(ResourceCollection<Event>.self)
            #expect(later.totalResults < 7)
            let reference = try #require(webAPI.items.first?.messageReferences.first)
            #expect(reference.referencedDocumentId == Env.test.rawValue)
        }
    }

    @Test func artifactsAreCreatedUploadedAndListedByRegarding() async throws {
        try await withSampleSandbox { http in
            let deployments = try await http.get("/api/Spaces-1/deployments?take=1").decode(ResourceCollection<Deployment>.self)
            let deployment = try #require(deployments.items.first)
            let created = try await http.send(
                "POST", "/api/Spaces-1/artifacts",
                body: try json(["Filename": "release-notes.md", "ServerTaskId": deployment.taskId?.rawValue ?? ""]))
            #expect(created.status == 201)
            let artifact = try created.decode(Artifact.self)
            #expect(artifact.links["Content"] == "/api/Spaces-1/artifacts/\(artifact.id)/content")
            #expect(try await http.get("/api/Spaces-1/artifacts/\(artifact.id)/content").status == 204)
            let upload = try await http.send(
                "POST", "/api/Spaces-1/artifacts/\(artifact.id)/content", body: Data("# Notes".utf8),
                headers: ["X-HTTP-Method-Override": "PUT", "Content-Type": "application/octet-stream"])
            #expect(upload.status == 200)
            let content = try await http.get("/api/Spaces-1/artifacts/\(artifact.id)/content")
            #expect(content.text == "# Notes")
            for regarding in [deployment.taskId?.rawValue ?? "", deployment.id.rawValue, deployment.releaseId.rawValue] {
                let listed = try await http.get("/api/Spaces-1/artifacts?regarding=\(regarding)").decode(ResourceCollection<Artifact>.self)
                #expect(listed.items.map(\.id) == [artifact.id])
            }
            let nameless = try await http.send("POST", "/api/Spaces-1/artifacts", body: try json(["ServerTaskId": "ServerTasks-1"]))
            #expect(nameless.status == 400)
        }
    }
}
