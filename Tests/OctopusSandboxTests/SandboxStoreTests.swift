import Foundation
import GRDB
import OctopusModel
@testable import OctopusSandbox
import Testing

@Suite("Sandbox store")
struct SandboxStoreTests {
    static let space: SpaceID = "Spaces-1"

    static func environment(_ number: Int, _ name: String, sortOrder: Int) -> DeploymentEnvironment {
        DeploymentEnvironment(id: EnvironmentID(number: number), spaceId: space, name: name, sortOrder: sortOrder)
    }

    @Test func insertFetchSaveAndDelete() async throws {
        let store = try SandboxStore.inMemory()
        try await store.insert(Self.environment(1, "Dev", sortOrder: 2))
        var fetched = try #require(try await store.document(DeploymentEnvironment.self, id: "Environments-1"))
        #expect(fetched.name == "Dev")
        fetched.name = "Development"
        try await store.save(fetched)
        #expect(try await store.document(DeploymentEnvironment.self, id: "Environments-1")?.name == "Development")
        #expect(try await store.document(DeploymentEnvironment.self, id: "Environments-2") == nil)
        let deleted = try await store.write { db in try db.deleteDocument(DeploymentEnvironment.self, id: "Environments-1") }
        #expect(deleted)
        #expect(try await store.document(DeploymentEnvironment.self, id: "Environments-1") == nil)
    }

    @Test func insertingAnExistingIdFails() async throws {
        let store = try SandboxStore.inMemory()
        try await store.insert(Self.environment(1, "Dev", sortOrder: 1))
        await #expect(throws: DatabaseError.self) { try await store.insert(Self.environment(1, "Again", sortOrder: 1)) }
    }

    @Test func savingKeepsNewestFirstPosition() async throws {
        let store = try SandboxStore.inMemory()
        for number in 1...3 { try await store.insert(Self.environment(number, "E\(number)", sortOrder: number)) }
        var first = try #require(try await store.document(DeploymentEnvironment.self, id: "Environments-1"))
        first.description = "edited"
        try await store.save(first)
        let newest = try await store.all(DeploymentEnvironment.self, DocumentQuery(order: .newestFirst))
        #expect(newest.map(\.id) == ["Environments-3", "Environments-2", "Environments-1"])
    }

    @Test func queriesFilterOrderAndPage() async throws {
        let store = try SandboxStore.inMemory()
        let names = ["Production", "Development", "Test", "Staging", "Prod Approval"]
        let orders = [5, 1, 2, 3, 4]
        for (index, name) in names.enumerated() {
            try await store.insert(Self.environment(index + 1, name, sortOrder: orders[index]))
        }
        let bySort = try await store.all(DeploymentEnvironment.self, DocumentQuery(order: .column("sortOrder", descending: false)))
        #expect(bySort.map(\.name) == ["Development", "Test", "Staging", "Prod Approval", "Production"])
        let byName = try await store.all(DeploymentEnvironment.self, DocumentQuery(order: .name))
        #expect(byName.map(\.name) == ["Development", "Prod Approval", "Production", "Staging", "Test"])
        let partial = try await store.all(
            DeploymentEnvironment.self, DocumentQuery([.containsText("name", ["PROD", "dev"])], order: .name))
        #expect(partial.map(\.name) == ["Development", "Prod Approval", "Production"])
        let exact = try await store.all(DeploymentEnvironment.self, DocumentQuery([.textOneOf("name", ["test", "staging"])], order: .name))
        #expect(exact.map(\.name) == ["Staging", "Test"])
        let none = try await store.all(DeploymentEnvironment.self, DocumentQuery([.oneOf("id", [])]))
        #expect(none.isEmpty)
        let (page, total) = try await store.page(
            DeploymentEnvironment.self, DocumentQuery(order: .column("sortOrder", descending: false)), skip: 1, take: 2)
        #expect(total == 5)
        #expect(page.map(\.name) == ["Test", "Staging"])
    }

    @Test func idsAreSequentialPerKindAndRespectReservations() async throws {
        let store = try SandboxStore.inMemory()
        #expect(try await store.nextID(OctopusIDKinds.Release.self) == "Releases-1")
        #expect(try await store.nextID(OctopusIDKinds.Release.self) == "Releases-2")
        #expect(try await store.nextID(OctopusIDKinds.Project.self) == "Projects-1")
        try await store.write { db in try db.reserveIDs(OctopusIDKinds.Release.self, through: 40) }
        #expect(try await store.nextID(OctopusIDKinds.Release.self) == "Releases-41")
        try await store.write { db in try db.reserveIDs(OctopusIDKinds.Release.self, through: 3) }
        #expect(try await store.nextID(OctopusIDKinds.Release.self) == "Releases-42")
    }

    @Test func aFileStoreKeepsItsData() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("nested/sandbox.sqlite")
        do {
            let store = try SandboxStore.file(at: file)
            try await store.insert(Self.environment(1, "Dev", sortOrder: 1))
        }
        let reopened = try SandboxStore.file(at: file)
        #expect(try await reopened.document(DeploymentEnvironment.self, id: "Environments-1")?.name == "Dev")
    }

    @Test func sampleSeedHasTheBlogPostsConfiguration() async throws {
        let store = try SandboxStore.inMemory()
        try await SandboxSeeder.seed(.sample, into: store, configuration: SandboxConfiguration(clock: VirtualClock()))
        let projects = try await store.all(Project.self, DocumentQuery(order: .oldestFirst))
        #expect(projects.map(\.name) == ["Database", "Scheduling Service", "Web API", "Web UI", "Release Orchestration"])
        #expect(projects.map(\.id) == SampleSeed.Projects.children + [SampleSeed.Projects.releaseOrchestration])
        let releases = try await store.all(Release.self, DocumentQuery([.equals("projectId", SampleSeed.Projects.webAPI.databaseValue)]))
        #expect(Set(releases.map(\.version)) == ["2021.1.0.13", "2021.1.0.14", "2021.1.0.15"])
        for release in releases {
            #expect(SampleSeed.releaseID(project: release.projectId, version: release.version) == release.id)
            let snapshot = try await store.document(DeploymentProcess.self, id: release.projectDeploymentProcessSnapshotId ?? "")
            #expect(snapshot?.projectId == release.projectId)
        }
        // Every child has a QA approval in Production; the web projects also a Web Admins one. Release Management may
        // act on each (the blog's scaffolding for auto-approval).
        for child in SampleSeed.Projects.children {
            let process = try #require(try await store.document(DeploymentProcess.self, id: DeploymentProcessID(project: child).rawValue))
            let manual = process.steps.flatMap(\.actions).filter(\.isManualIntervention)
            #expect(manual.contains { $0.responsibleTeamIds == [SampleSeed.Teams.qa, SampleSeed.Teams.releaseManagement] && $0.environments == [SampleSeed.Environments.production] })
            let webAdmins = manual.contains { $0.responsibleTeamIds == [SampleSeed.Teams.webAdmins, SampleSeed.Teams.releaseManagement] }
            #expect(webAdmins == [SampleSeed.Projects.webAPI, SampleSeed.Projects.webUI].contains(child))
        }
        #expect(try await store.nextID(OctopusIDKinds.Release.self) == ReleaseID(number: 14))
    }
}

/// The system variables substituted into manual-intervention instructions: known names replaced (the tenant's only
/// for a tenanted deployment), unknown ones left as written.
@Suite struct SystemVariablesTests {
    @Test func substitutesKnownVariablesAndLeavesOthers() {
        let deployment = Deployment(
            id: "Deployments-9", spaceId: "Spaces-1", releaseId: "Releases-9", environmentId: "Environments-2", tenantId: nil,
            projectId: "Projects-3", channelId: "Channels-3", taskId: nil, created: nil)
        let release = Release(
            id: "Releases-9", spaceId: "Spaces-1", projectId: "Projects-3", channelId: "Channels-3", version: "2021.1.0.15",
            assembled: Date(timeIntervalSince1970: 0))
        let project = Project(
            id: "Projects-3", spaceId: "Spaces-1", name: "Web API", projectGroupId: "ProjectGroups-1", lifecycleId: "Lifecycles-1")
        let environment = DeploymentEnvironment(id: "Environments-2", spaceId: "Spaces-1", name: "Test")
        let text = "#{Octopus.Project.Name} #{Octopus.Release.Number} to #{Octopus.Environment.Name} for #{Octopus.Deployment.Tenant.Name} (#{Custom.Thing})"
        let untenanted = SystemVariables(deployment: deployment, release: release, project: project, environment: environment, tenant: nil, space: "Default")
        #expect(untenanted.substitute(text) == "Web API 2021.1.0.15 to Test for #{Octopus.Deployment.Tenant.Name} (#{Custom.Thing})")
        let tenant = Tenant(id: "Tenants-1", spaceId: "Spaces-1", name: "Acme Corp")
        let tenanted = SystemVariables(deployment: deployment, release: release, project: project, environment: environment, tenant: tenant, space: "Default")
        #expect(tenanted.substitute(text) == "Web API 2021.1.0.15 to Test for Acme Corp (#{Custom.Thing})")
    }
}
