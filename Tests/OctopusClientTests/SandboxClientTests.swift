import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Testing

/// The client against the live in-process sandbox over loopback: real HTTP, real JSON. Request
/// counts come from a recording transport wrapped around the production transport (every
/// request the client sends, retries included).
@Suite struct SandboxClientTests {
    /// Retries that wait milliseconds, so fault tests stay fast.
    static let quickRetries = RetryPolicy(maximumAttempts: 10, initialDelay: .milliseconds(1), maximumDelay: .milliseconds(8), maximumTotalDelay: .seconds(2))

    static func withClient<T: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(seed: .sample),
        key: String = SampleSeed.releaseConductorAPIKey, space: SpaceSelector = .id("Spaces-1"),
        _ body: (OctopusClient, RecordingTransport, SandboxServer) async throws -> T
    ) async throws -> T {
        try await SandboxServer.withRunning(configuration) { server in
            let live = AsyncHTTPTransport()
            let transport = RecordingTransport { request, _ in try await live.send(request) }
            let connection = try OctopusConnection(server: server.baseURL.absoluteString + "/api", apiKey: APIKey(key), space: space, retryPolicy: quickRetries)
            let client = try await OctopusClient.connect(connection, transport: transport)
            return try await body(client, transport, server)
        }
    }

    @Test func resolvesSpacesOnceByNameOrDefault() async throws {
        try await Self.withClient(space: .name("default")) { client, transport, _ in
            #expect(client.spaceID == "Spaces-1")
            #expect(await transport.requests.count == 1)
        }
        try await Self.withClient(space: .default) { client, transport, _ in
            #expect(client.spaceID == "Spaces-1")
            #expect(await transport.requests.map(\.url.path) == ["/api/spaces/all"])
        }
        await #expect {
            try await Self.withClient(space: .name("Nowhere")) { _, _, _ in }
        } throws: { error in
            guard case .spaceNotFound(.name("Nowhere"), let available) = error as? OctopusClientError else { return false }
            return available.contains("Default")
        }
    }

    @Test func pagingBeyondOnePageDeliversEveryItem() async throws {
        try await Self.withClient { client, transport, server in
            let everything = try await client.allMachines()
            #expect(everything.count >= 5, "the sample has more machines than two pages of two")
            let before = await transport.requests.count
            server.services.statistics.reset()
            let paged = try await client.machines().pageSize(2).all()
            #expect(paged.map(\.id) == everything.map(\.id))
            #expect(Set(paged.map(\.id)).count == paged.count)
            let pages = await transport.requests.count - before
            #expect(pages == (everything.count + 1) / 2)
            #expect(server.services.statistics.total == pages, "the sandbox's counter agrees")
        }
    }

    @Test func firstMatchStopsPagingAtItsPage() async throws {
        try await Self.withClient { client, transport, _ in
            let everything = try await client.allMachines()
            let target = try #require(everything.dropFirst(2).first)
            let before = await transport.requests.count
            let found = try await client.machines().pageSize(2).first { $0.id == target.id }
            #expect(found?.name == target.name)
            #expect(await transport.requests.count - before == 2)
        }
    }

    @Test func lookupsCostOneRequestEachOnTheSandboxCounter() async throws {
        try await Self.withClient { client, _, server in
            server.services.statistics.reset()
            let project = try #require(try await client.project(named: "Web API"))
            let newest = try await client.projectReleases(project.id).first()
            _ = try await client.allEnvironments()
            _ = try await client.currentUser()
            #expect(newest != nil)
            #expect(server.services.statistics.total == 4)
        }
    }

    @Test func namesMatchExactlyAndCaseInsensitively() async throws {
        try await Self.withClient { client, _, _ in
            let webAPI = try await client.project(named: "  web api ")
            let partial = try await client.project(named: "Web")
            let approval = try await client.environment(named: "PROD APPROVAL")
            let prod = try await client.environment(named: "Prod")
            #expect(webAPI?.name == "Web API")
            #expect(partial == nil)
            #expect(approval?.name == "Prod Approval")
            #expect(prod == nil)
        }
    }

    @Test func missingReleaseVersionIsNilAndMissingIdIsA404WithTheServersMessage() async throws {
        try await Self.withClient { client, _, _ in
            let project = try #require(try await client.project(named: "Web API"))
            let missing = try await client.release(project: project.id, version: "9.9.9")
            #expect(missing == nil)
            let error = await #expect(throws: OctopusClientError.self) { try await client.project("Projects-999") }
            guard case .http(let failure) = error else { Issue.record("expected an HTTP failure"); return }
            #expect(failure.status == 404)
            #expect(failure.errorMessage?.isEmpty == false)
            #expect(failure.path == "/api/Spaces-1/projects/Projects-999")
        }
    }

    @Test func aWrongKeyIsAnAuthenticationErrorThatNeverShowsTheKey() async throws {
        let key = "API-WRONGWRONGWRONGWRONGWRONG12345"
        try await SandboxServer.withRunning(SandboxConfiguration(seed: .sample)) { server in
            let connection = try OctopusConnection(server: server.baseURL.absoluteString, apiKey: APIKey(key), space: .id("Spaces-1"), retryPolicy: Self.quickRetries)
            let client = OctopusClient(connection: connection, spaceID: "Spaces-1")
            let error = await #expect(throws: OctopusClientError.self) { try await client.currentUser() }
            #expect(error?.isAuthentication == true)
            #expect(error?.isPermission == false)
            let text = error.map(String.init(describing:)) ?? ""
            #expect(text.contains("401"))
            #expect(text.contains("Check the API key"))
            #expect(!text.contains("WRONGWRONG"))
            #expect(!String(describing: connection).contains("WRONGWRONG"))
        }
    }

    @Test func aUserWithoutPermissionGetsAPermissionError() async throws {
        try await Self.withClient(key: SampleSeed.guestAPIKey) { client, transport, _ in
            let error = await #expect(throws: OctopusClientError.self) { try await client.project(named: "Database") }
            #expect(error?.isPermission == true)
            #expect(error?.isAuthentication == false)
            guard case .http(let failure) = error else { Issue.record("expected an HTTP failure"); return }
            #expect(failure.errorMessage?.isEmpty == false, "the server's ErrorMessage is kept")
            #expect(failure.attempts == 1, "403 is not retried")
            let text = String(describing: failure.errorMessage ?? "") + (error.map(String.init(describing:)) ?? "")
            #expect(!text.contains(SampleSeed.guestAPIKey))
            #expect(await transport.requests.count == 1)
        }
    }

    @Test func readsRetryThroughInjectedFaultsAndSucceed() async throws {
        let faulty = SandboxConfiguration(seed: .sample, failRate: 0.25, resetRate: 0.1, randomSeed: 7)
        try await Self.withClient(faulty) { client, transport, _ in
            for _ in 0..<25 {
                let environments = try await client.allEnvironments()
                #expect(environments.count == 5)
            }
            let sent = await transport.requests.count
            #expect(sent > 25, "faults were injected and retried (\(sent) requests for 25 reads)")
        }
    }

    @Test func creatingDeploymentsUnderFaultsNeverCreatesADuplicate() async throws {
        let faulty = SandboxConfiguration(seed: .sample, failRate: 0.2, resetRate: 0.2, randomSeed: 11)
        try await Self.withClient(faulty) { client, transport, server in
            var created: [(Deployment, Int)] = []
            for project in try await client.allProjects() {
                guard let release = try await client.projectReleases(project.id).first() else { continue }
                let template = try await client.deploymentTemplate(release: release.id)
                guard let target = template.promoteTo.first else { continue }
                let before = try await client.releaseDeployments(release.id).all().filter { $0.environmentId == target.id }.count
                let deployment = try await client.createDeployment(Deployment(releaseId: release.id, environmentId: target.id))
                #expect(deployment.releaseId == release.id)
                created.append((deployment, before))
            }
            #expect(created.count >= 3)
            // The seeded faults hit the creates: some POSTs lost their response (the sandbox drops a
            // write's connection after acting on it) and were resolved by the search (take=30).
            let searches = await transport.requests.filter { $0.url.query?.contains("take=30") == true }.count
            #expect(searches >= 1, "faults reached POST /deployments")
            #expect(server.services.statistics.count("POST", "/api/{spaceId}/deployments") <= created.count + searches)
            for (deployment, before) in created {
                let now = try await client.releaseDeployments(deployment.releaseId).all().filter { $0.environmentId == deployment.environmentId }
                #expect(now.count == before + 1, "exactly one new deployment of \(deployment.releaseId) to \(deployment.environmentId)")
                #expect(now.contains { $0.id == deployment.id })
            }
        }
    }
}
