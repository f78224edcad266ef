import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Pins what the dashboard and project progression answer, so a faster query cannot change it: on the
/// sample, field for field against committed copies (`Golden/dashboard/`, JSON with sorted keys: the
/// encoder's key order varies); on a generated seed, against what the deployment, task and release
/// routes say about the same deployments. After a deliberate change, regenerate the copies with
/// `CONDUCTOR_UPDATE_GOLDEN=1 swift test --filter DashboardResultTests` and review the diff.
@Suite("Dashboard and progression results")
struct DashboardResultTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/dashboard")

    /// (golden file, request) on the sample.
    static let sampleRequests: [(String, String)] = [
        ("dashboard", "/api/Spaces-1/dashboard"),
        ("dashboard-Projects-2", "/api/Spaces-1/dashboard?projectId=Projects-2"),
        ("dashboard-dynamic-includePrevious", "/api/Spaces-1/dashboard/dynamic?includePrevious=true"),
        ("dashboard-dynamic-Projects-3-Environments-2",
         "/api/Spaces-1/dashboard/dynamic?projects=Projects-3&environments=Environments-2&includePrevious=true"),
        ("progression-Projects-1", "/api/Spaces-1/progression/Projects-1"),
        ("progression-Projects-2", "/api/Spaces-1/progression/Projects-2"),
        ("progression-Projects-3", "/api/Spaces-1/progression/Projects-3"),
        ("progression-Projects-3-releaseHistoryCount-2", "/api/Spaces-1/progression/Projects-3?releaseHistoryCount=2"),
        ("progression-Projects-4", "/api/Spaces-1/progression/Projects-4"),
        ("progression-Projects-5", "/api/Spaces-1/progression/Projects-5"),
    ]

    /// JSON with sorted keys, so two bodies compare equal exactly when they hold the same values.
    static func canonical(_ body: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: body)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func sampleAnswersAreTheCommittedOnes() async throws {
        try await withSampleSandbox { http in
            for (name, path) in Self.sampleRequests {
                let reply = try await http.get(path)
                #expect(reply.status == 200, "\(path)")
                let file = Self.golden.appendingPathComponent(name + ".json")
                let actual = try Self.canonical(reply.body)
                if ProcessInfo.processInfo.environment["CONDUCTOR_UPDATE_GOLDEN"] == "1" {
                    try Data((actual + "\n").utf8).write(to: file)
                }
                let expected = try Self.canonical(try Data(contentsOf: file))
                #expect(actual == expected, "\(path) differs from Golden/dashboard/\(name).json")
            }
        }
    }

    /// Every item of the dashboard (and its previous items) is the newest (and second newest) deployment of its
    /// project and environment as `GET /deployments` lists them, with its task's state and times and its
    /// release's version; a pair without deployments has no item.
    @Test func generatedDashboardShowsTheNewestDeploymentOfEachPair() async throws {
        var configuration = SandboxConfiguration(storage: .memory, seed: .large, clock: VirtualClock())
        configuration.largeSeed = LargeSeedParameters(projects: 2, releasesPerProject: 12, deploymentsPerProject: 40, unpromotableDeployments: 6)
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            let dashboard = try await http.get("/api/Spaces-1/dashboard/dynamic?includePrevious=true").decode(Dashboard.self)
            let plain = try await http.get("/api/Spaces-1/dashboard").decode(Dashboard.self)
            #expect(plain.items == dashboard.items)
            #expect(plain.previousItems.isEmpty)
            var expectedCurrent: [DeploymentID] = []
            var expectedPrevious: [DeploymentID] = []
            for project in dashboard.projects {
                for environment in dashboard.environments {
                    let newest = try await http.get(
                        "/api/Spaces-1/deployments?projects=\(project.id)&environments=\(environment.id)&take=2"
                    ).decode(ResourceCollection<Deployment>.self).items
                    expectedCurrent += newest.prefix(1).map(\.id)
                    expectedPrevious += newest.dropFirst().map(\.id)
                    for (depth, deployment) in newest.enumerated() {
                        let list = depth == 0 ? dashboard.items : dashboard.previousItems
                        let item = try #require(list.first { $0.id == deployment.id }, "\(project.name) → \(environment.name)")
                        try await Self.expect(item, matches: deployment, previous: depth > 0, http: http)
                    }
                }
            }
            #expect(dashboard.items.map(\.id) == expectedCurrent)
            #expect(dashboard.previousItems.map(\.id) == expectedPrevious)
            #expect(dashboard.items.count > 10)
            #expect(dashboard.previousItems.allSatisfy { $0.isPrevious && !$0.isCurrent })
        }
    }

    /// Each release's progression shows, per environment, its newest deployment there with its task's state.
    @Test func generatedProgressionShowsEachReleasesNewestDeployments() async throws {
        var configuration = SandboxConfiguration(storage: .memory, seed: .large, clock: VirtualClock())
        configuration.largeSeed = LargeSeedParameters(projects: 1, releasesPerProject: 8, deploymentsPerProject: 40)
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            let project = try #require(
                try await http.get("/api/Spaces-1/projects?name=Generated%20Service%201").decode(ResourceCollection<Project>.self).items.first)
            let progression = try await http.get("/api/Spaces-1/progression/\(project.id)?releaseHistoryCount=5")
                .decode(ProjectProgression.self)
            #expect(progression.releases.count == 5)
            var shown = 0
            for release in progression.releases {
                let deployments = try await http.get("/api/Spaces-1/releases/\(release.release.id)/deployments?take=100")
                    .decode(ResourceCollection<Deployment>.self).items
                let environments = Set(deployments.map(\.environmentId.rawValue))
                #expect(Set(release.deployments.keys) == environments, "\(release.release.version)")
                for (environment, items) in release.deployments {
                    let newest = try #require(deployments.first { $0.environmentId.rawValue == environment })
                    let item = try #require(items.first)
                    #expect(items.count == 1)
                    try await Self.expect(item, matches: newest, http: http)
                    shown += 1
                }
            }
            #expect(shown > 5)
        }
    }

    /// Octopus keeps one dashboard item per project, environment and tenant, untenanted counting as a tenant (its
    /// items carry `TenantId`; the project dashboard's tenants view shows each tenant's and the untenanted latest
    /// release): a tenanted deployment of Web API to Test leaves the untenanted 2021.1.0.14 on the dashboard beside
    /// it, and a release deployed both ways has both in its progression.
    @Test func tenantedAndUntenantedDeploymentsOfOnePairAreBothShown() async throws {
        try await withSampleSandbox { http in
            let clock = try #require(http.server.clock as? VirtualClock)
            let webAPI15 = TenantTests.webAPI15
            func deploy(tenant: TenantID?) async throws -> Deployment {
                var body: [String: Any] = ["ReleaseId": webAPI15.rawValue, "EnvironmentId": SampleSeed.Environments.test.rawValue]
                if let tenant { body["TenantId"] = tenant.rawValue }
                let created = try await http.send("POST", "/api/Spaces-1/deployments", body: try JSONSerialization.data(withJSONObject: body))
                #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
                clock.advance(by: 3600)
                return try created.decode(Deployment.self)
            }
            let path = "/api/Spaces-1/dashboard/dynamic?projects=Projects-3&environments=Environments-2&includePrevious=true"
            let before = try await http.get(path).decode(Dashboard.self)
            let untenanted = try #require(before.items.first)
            #expect(before.items.count == 1 && untenanted.tenantId == nil && untenanted.releaseVersion == "2021.1.0.14")

            let forAcme = try await deploy(tenant: SampleTenants.acme)
            let dashboard = try await http.get(path).decode(Dashboard.self)
            #expect(dashboard.items.map(\.id) == [untenanted.id, forAcme.id])
            #expect(dashboard.items.map(\.tenantId) == [nil, SampleTenants.acme])
            #expect(dashboard.items.map(\.releaseVersion) == ["2021.1.0.14", "2021.1.0.15"])
            #expect(dashboard.items.last?.state == .success)
            #expect(dashboard.previousItems.allSatisfy { $0.tenantId == nil }, "Acme has no deployment before its first")
            #expect(dashboard.tenants.map(\.name) == ["Acme Corp"])
            #expect(dashboard.tenants.first?.projectEnvironments["Projects-3"]?.contains("Environments-2") == true)
            let plain = try await http.get("/api/Spaces-1/dashboard").decode(Dashboard.self)
            #expect(plain.items.filter { $0.projectId == SampleSeed.Projects.webAPI && $0.environmentId == SampleSeed.Environments.test }
                .map(\.id) == [untenanted.id, forAcme.id])

            let again = try await deploy(tenant: nil)
            let progression = try await http.get("/api/Spaces-1/progression/Projects-3").decode(ProjectProgression.self)
            let release = try #require(progression.releases.first { $0.release.id == webAPI15 })
            let inTest = release.deployments[SampleSeed.Environments.test.rawValue] ?? []
            #expect(inTest.map(\.deploymentId) == [again.id, forAcme.id])
            #expect(inTest.map(\.tenantId) == [nil, SampleTenants.acme])
        }
    }

    /// The item says what the deployment, its task and its release say (a previous item is never current).
    static func expect(_ item: DashboardItem, matches deployment: Deployment, previous: Bool = false, http: SandboxHTTP) async throws {
        #expect(item.deploymentId == deployment.id)
        #expect(item.projectId == deployment.projectId)
        #expect(item.environmentId == deployment.environmentId)
        #expect(item.releaseId == deployment.releaseId)
        #expect(item.channelId == deployment.channelId)
        #expect(item.tenantId == deployment.tenantId)
        #expect(item.created == deployment.created)
        let taskID = try #require(deployment.taskId)
        #expect(item.taskId == taskID)
        let task = try await http.get("/api/tasks/\(taskID)").decode(ServerTask.self)
        #expect(item.state == task.state)
        #expect(item.isCurrent == (!previous && task.state == .success))
        #expect(item.isPrevious == previous)
        #expect(item.isCompleted == task.isCompleted)
        #expect(item.queueTime == task.queueTime)
        #expect(item.startTime == task.startTime)
        #expect(item.completedTime == task.completedTime)
        #expect(item.duration == task.duration)
        #expect(item.errorMessage == task.errorMessage)
        #expect(item.hasWarningsOrErrors == task.hasWarningsOrErrors)
        #expect(item.hasPendingInterruptions == task.hasPendingInterruptions)
        #expect(item.pendingInterruptionTypes == task.pendingInterruptionTypes)
        let release = try await http.get("/api/Spaces-1/releases/\(deployment.releaseId)").decode(Release.self)
        #expect(item.releaseVersion == release.version)
        #expect(item.links["Self"] == "/api/Spaces-1/deployments/\(deployment.id)")
    }
}
