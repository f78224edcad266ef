import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// The generated `large` seed (at a small size): its counts, ids and that its history is queryable.
@Suite("Large seed")
struct LargeSeedTests {
    @Test func generatesProjectsReleasesAndDeployments() async throws {
        var configuration = SandboxConfiguration(storage: .memory, seed: .large, clock: VirtualClock())
        configuration.largeSeed = LargeSeedParameters(projects: 3, releasesPerProject: 20, deploymentsPerProject: 50)
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            let projects = try await http.get("/api/Spaces-1/projects?partialName=Generated&take=10")
                .decode(ResourceCollection<Project>.self)
            #expect(projects.totalResults == 3)
            let project = try #require(projects.items.first { $0.name == "Generated Service 2" })
            let deployments = try await http.get("/api/Spaces-1/deployments?projects=\(project.id)&take=1")
                .decode(ResourceCollection<Deployment>.self)
            #expect(deployments.totalResults == 50)
            let newest = try #require(deployments.items.first)
            let releases = try await http.get("/api/Spaces-1/projects/\(project.id)/releases?take=1")
                .decode(ResourceCollection<Release>.self)
            #expect(releases.totalResults == 20)
            #expect(newest.releaseId == releases.items.first?.id)
            let tasks = try await http.get(
                "/api/tasks?project=\(project.id)&environment=\(newest.environmentId)&states=Success&name=Deploy&take=100")
                .decode(ResourceCollection<ServerTask>.self)
            #expect(tasks.totalResults > 0)
            #expect(tasks.items.allSatisfy { $0.state == .success })
            let failed = try await http.get("/api/Spaces-1/deployments?projects=\(project.id)&taskState=Failed")
                .decode(ResourceCollection<Deployment>.self)
            #expect(failed.totalResults == 2)
            // New ids continue after the generated ones.
            let created = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try JSONSerialization.data(withJSONObject: ["ReleaseId": "Releases-3", "EnvironmentId": "Environments-3"]))
            #expect(created.status == 201)
            let createdID = try created.decode(Deployment.self).id.number ?? 0
            #expect(createdID > (newest.id.number ?? 0))
        }
    }
}
