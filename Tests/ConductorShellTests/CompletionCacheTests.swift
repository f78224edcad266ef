import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Synchronization
import Testing
@testable import ConductorShell

/// The catalogue: filled from a real (in-process) sandbox in few requests, kept on disk 0600 without secrets,
/// answering Tab with no request at all, refreshed by scope and TTL, requests merged.
@Suite struct CompletionCacheTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("conductor-catalogue-\(UUID().uuidString)", isDirectory: true)
    }

    @Test func connectingFillsTheCatalogueInAtMostKindsPlusApplicationProjectsRequests() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(seed: .sample))
        defer { Task { await server.stop() } }
        let connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: SampleSeed.releaseConductorAPIKey, space: nil, origin: .flags)
        let folder = Self.folder()
        let cache = CompletionCache(store: CatalogueStore(folder: folder))
        let application = ["Database", "Web API", "Scheduling Service", "Web UI"]
        let source = CompletionCache.Source(client: connection.client, server: connection.identity, space: connection.spaceName)
        cache.load(server: source.server, space: source.space)
        let request = try #require(cache.request(after: .connection, source: source, applicationProjects: application))
        server.services.statistics.reset()
        #expect(await cache.perform(request))
        let requests = server.services.statistics.total
        #expect(requests <= CompletionSnapshot.Kind.allCases.count + application.count, "\(server.services.statistics.snapshot)")

        let snapshot = cache.snapshot
        #expect(Set(application).isSubset(of: Set(snapshot.projects.map(\.name))))
        #expect(snapshot.environments.contains("Staging"))
        #expect(snapshot.releases["Web API"]?.isEmpty == false)
        #expect(snapshot.channels["Web API"]?.isEmpty == false)

        // 1,000 Tabs: not one request.
        server.services.statistics.reset()
        for index in 0..<1000 {
            let lines = ["use projects We", "find to St", "deploy \"Web API\" 2021", "set mode ", "find channel "]
            _ = cache.source(lines[index % lines.count])
        }
        #expect(server.services.statistics.total == 0)

        // On disk: 0600, no key, and a fresh cache answers from it at once.
        let file = cache.store.file(server: source.server, space: source.space)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains(SampleSeed.releaseConductorAPIKey))
        #expect(!text.contains("API-"))
        let fresh = CompletionCache(store: CatalogueStore(folder: folder))
        fresh.load(server: source.server, space: source.space)
        // Dates go through JSON as seconds (a Double), so compare with the memory copy as the disk holds it.
        #expect(fresh.snapshot == (try Self.roundTripped(snapshot)))
        #expect(fresh.complete("find to St").values == ["Staging"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// A slow server: while the refresh runs, Tab answers from the old names at once; a `use space` made meanwhile
    /// wins over the refresh of the old space.
    @Test func theOldSnapshotAnswersWhileARefreshRuns() async throws {
        var configuration = SandboxConfiguration(seed: .sample)
        configuration.latencyMilliseconds = 400
        let server = try await SandboxServer.start(configuration)
        defer { Task { await server.stop() } }
        let connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: SampleSeed.releaseConductorAPIKey, space: nil, origin: .flags)
        let cache = CompletionCache(store: CatalogueStore(folder: Self.folder()))
        var old = CompletionSnapshot(server: connection.identity, space: connection.spaceName)
        old.environments = ["Old Staging"]
        cache.replace(old)
        let source = CompletionCache.Source(client: connection.client, server: connection.identity, space: connection.spaceName)
        let request = CompletionCache.Request(source: source, kinds: [.environments], releasesOf: [])

        let refresh = Task { await cache.perform(request) }
        #expect(cache.complete("find to ").values == ["Old Staging"])
        #expect(await refresh.value)
        #expect(cache.complete("find to St").values == ["Staging"])

        let second = Task { await cache.perform(request) }
        cache.load(server: connection.identity, space: "Second Space")
        #expect(await second.value == false)
        #expect(cache.snapshot.space == "Second Space")
        #expect(cache.complete("find to ").values.isEmpty)
    }

    /// `refresh` reads every kind now, in one request per kind (the sample's releases come whole in one listing).
    @Test func refreshReadsTheCatalogueAgain() async throws {
        try await ShellHarness.with { harness in
            let without = await harness.run(["refresh"])
            #expect(without.output.standardError.contains("Nothing to refresh"))

            var session = harness.session
            let cache = CompletionCache(store: CatalogueStore(folder: Self.folder()))
            session.context.catalogue = cache
            let connection = try #require(session.connection)
            cache.load(server: connection.identity, space: connection.spaceName)
            let before = harness.requests
            let run = await harness.run(["refresh"], session: session)
            #expect(run.status == .success)
            #expect(run.output.standardError.contains("Tab now knows 5 projects, 5 environments, 3 tenants"), "\(run.output.standardError)")
            #expect(harness.requests - before == CompletionSnapshot.Kind.allCases.count)
            #expect(cache.complete("releases \"Web API\" 2021.1.0.1").values == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.13"])
        }
    }

    @Test func scopesAndTheTTLChooseWhatIsReadAgain() throws {
        let clock = TestClock()
        let cache = CompletionCache(store: CatalogueStore(folder: Self.folder()), now: { clock.now })
        var snapshot = CompletionSnapshot(server: "s", space: "Default")
        for kind in CompletionSnapshot.Kind.allCases { snapshot.fetched[kind.rawValue] = clock.now }
        snapshot.fetched[CompletionSnapshot.projectKey("Web API")] = clock.now
        cache.replace(snapshot)
        let source = try CompletionCacheTests.source()
        #expect(cache.request(after: [], source: source, applicationProjects: ["Web API"]) == nil)
        let afterDeploy = try #require(cache.request(after: [.deployments, .tasks], source: source, applicationProjects: ["Web API"]))
        #expect(afterDeploy.releasesOf == ["Web API"])
        #expect(afterDeploy.kinds == [.releases, .tasks, .interventions])
        let afterApprove = try #require(cache.request(after: .tasks, source: source, applicationProjects: ["Web API"]))
        #expect(afterApprove.releasesOf.isEmpty)
        #expect(cache.request(after: .connection, source: source, applicationProjects: [])?.kinds == Set(CompletionSnapshot.Kind.allCases))
        clock.now += CompletionCache.timeToLive + 1
        #expect(cache.request(after: [], source: source, applicationProjects: ["Web API"])?.kinds == Set(CompletionSnapshot.Kind.allCases))
    }

    @Test func queuedRequestsMerge() throws {
        let cache = CompletionCache(store: CatalogueStore(folder: Self.folder()))
        let source = try CompletionCacheTests.source()
        cache.enqueue(CompletionCache.Request(source: source, kinds: [.tasks], releasesOf: ["Web API"]))
        cache.enqueue(CompletionCache.Request(source: source, kinds: [.interventions], releasesOf: ["Database"]))
        let pending = try #require(cache.pending)
        #expect(pending.kinds == [.tasks, .interventions])
        #expect(pending.releasesOf == ["Database", "Web API"])
    }

    static func roundTripped(_ snapshot: CompletionSnapshot) throws -> CompletionSnapshot {
        try CatalogueFormat.decode(CatalogueFormat.encode(snapshot))
    }

    static func source() throws -> CompletionCache.Source {
        let connection = try OctopusConnection(server: "http://127.0.0.1:9", apiKey: APIKey("API-TEST"), space: SpaceSelector(nil))
        return CompletionCache.Source(client: OctopusClient(connection: connection, spaceID: SpaceID(rawValue: "Spaces-1")), server: "s", space: "Default")
    }
}

final class TestClock: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
