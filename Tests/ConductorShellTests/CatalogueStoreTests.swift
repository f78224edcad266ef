import Foundation
import OctopusSandbox
import Testing
@testable import ConductorShell

/// The catalogue file (version 2): every name survives the trip, releases stay encoded until a project's are asked
/// for, a partial load reads only its parts, and a file of another version, cut short or garbled is passed over (Tab
/// starts empty) and rewritten by the next refresh, 0600.
@Suite struct CatalogueStoreTests {
    /// The fixture, plus names with the characters the format escapes.
    static var snapshot: CompletionSnapshot {
        var snapshot = CompletionFixture.snapshot
        snapshot.projects.append(CompletionSnapshot.Project(name: "Tab\there", group: "Back\\slash"))
        snapshot.projectIDs["Tab\there"] = "Projects-99"
        snapshot.tenants.append("Line\nbreak\r")
        snapshot.channels["Tab\there"] = ["", "Hot\tfix"]
        snapshot.releases["Tab\there"] = [CompletionSnapshot.Release(version: "1.0\t1", channel: "Hot\tfix", created: Date(timeIntervalSince1970: 1_799_999_999.25))]
        snapshot.releases["Database"] = []
        for kind in CompletionSnapshot.Kind.allCases { snapshot.fetched[kind.rawValue] = CompletionFixture.now }
        return snapshot
    }

    @Test func everyNameSurvivesTheFile() throws {
        let snapshot = Self.snapshot
        let decoded = try CatalogueFormat.decode(CatalogueFormat.encode(snapshot))
        #expect(decoded == snapshot)
        #expect(decoded.releases["Tab\there"]?.first?.version == "1.0\t1")
        #expect(decoded.releases["Database"] == [])
        #expect(decoded.releases["Web UI"] == nil)
        #expect(decoded.releases.projects == ["Database", "Tab\there", "Web API"])
    }

    @Test func releasesAreDecodedOnlyWhenTabAsksForAProjects() throws {
        let decoded = try CatalogueFormat.decode(CatalogueFormat.encode(Self.snapshot))
        #expect(decoded.releases.isEncoded("Web API"))
        #expect(decoded.releases.isEncoded("Tab\there"))
        let values = CompletionFixture.completer.complete("releases \"Web API\" 2021.1.0.1", snapshot: decoded, context: CompletionFixture.context).values
        #expect(values == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.1"])
        #expect(!decoded.releases.isEncoded("Web API"))
        #expect(decoded.releases.isEncoded("Tab\there"))

        // An assignment wins over the disk copy; a removal hides it.
        var changed = decoded
        changed.releases["Web API"] = [CompletionSnapshot.Release(version: "9.9", channel: "Default", created: CompletionFixture.now)]
        changed.releases["Tab\there"] = nil
        #expect(changed.releases["Web API"]?.map(\.version) == ["9.9"])
        #expect(changed.releases["Tab\there"] == nil)
        #expect(changed.releases.projects == ["Database", "Web API"])
        #expect(decoded.releases["Tab\there"]?.count == 1)
        let again = try CatalogueFormat.decode(CatalogueFormat.encode(changed))
        #expect(again.releases.projects == ["Database", "Web API"])
        #expect(again.releases["Web API"]?.map(\.version) == ["9.9"])
    }

    @Test func aPartialLoadReadsOnlyItsParts() throws {
        let data = CatalogueFormat.encode(Self.snapshot)
        let environments = try CatalogueFormat.decode(data, only: [.environments])
        #expect(environments.environments == ["Development", "Test", "Staging", "Production"])
        #expect(environments.projects.isEmpty && environments.tenants.isEmpty && environments.fetched.isEmpty)
        #expect(environments.releases.projects.isEmpty)
        #expect(environments.server == "embedded sandbox" && environments.space == "Default")
        let projects = try CatalogueFormat.decode(data, only: [.projects, .releases])
        #expect(projects.projects == Self.snapshot.projects)
        #expect(projects.projectIDs == Self.snapshot.projectIDs)
        #expect(projects.releases["Web API"]?.count == 4)
        #expect(projects.environments.isEmpty)
    }

    @Test func anotherVersionACutFileOrGarbageIsPassedOver() throws {
        let data = CatalogueFormat.encode(Self.snapshot)
        #expect(throws: CatalogueFormat.Unreadable.version) { try CatalogueFormat.decode(Data("{\"server\":\"embedded sandbox\"}".utf8)) }
        #expect(throws: CatalogueFormat.Unreadable.version) { try CatalogueFormat.decode(Data("conductor-catalogue\t3\nserver\tx\n".utf8)) }
        #expect(throws: CatalogueFormat.Unreadable.version) { try CatalogueFormat.decode(Data()) }
        #expect(throws: CatalogueFormat.Unreadable.self) { try CatalogueFormat.decode(data.dropLast(5)) }
        #expect(throws: CatalogueFormat.Unreadable.self) { try CatalogueFormat.decode(data + Data("x".utf8)) }
        #expect(throws: CatalogueFormat.Unreadable.self) { try CatalogueFormat.decode(Data("conductor-catalogue\t2\nfetched\tprojects\tyesterday\nend\t0\n".utf8)) }
        #expect(throws: CatalogueFormat.Unreadable.self) { try CatalogueFormat.decode(Data("conductor-catalogue\t2\nreleases\tWeb API\t0\t99\nend\t0\n".utf8)) }
        // A kind a later writer adds is passed over, not an error.
        let later = try CatalogueFormat.decode(Data("conductor-catalogue\t2\nserver\ts\nworkerPool\tPool 1\nenvironment\tTest\nend\t0\n".utf8))
        #expect(later.environments == ["Test"])
    }

    /// A version-1 (JSON) file, or garbage, under the store: the shell starts with an empty catalogue, and the first
    /// refresh writes version 2 (0600, no key) and removes the JSON.
    @Test func anUnreadableFileIsRebuiltByTheNextRefresh() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(seed: .sample))
        defer { Task { await server.stop() } }
        let connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: SampleSeed.releaseConductorAPIKey, space: nil, origin: .flags)
        let folder = CompletionCacheTests.folder()
        let store = CatalogueStore(folder: folder)
        let file = store.file(server: connection.identity, space: connection.spaceName)
        let legacy = file.deletingPathExtension().appendingPathExtension("json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"server\":\"\(connection.identity)\",\"projects\":[]}".utf8).write(to: legacy)
        try Data("conductor-catalogue\t2\nserver\tgarbled".utf8).write(to: file)

        let cache = CompletionCache(store: store)
        cache.load(server: connection.identity, space: connection.spaceName)
        #expect(cache.snapshot.projects.isEmpty)
        #expect(cache.complete("find to St").values.isEmpty)
        let source = CompletionCache.Source(client: connection.client, server: connection.identity, space: connection.spaceName)
        #expect(await cache.perform(try #require(cache.request(after: .connection, source: source, applicationProjects: []))))

        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix(CatalogueFormat.header + "\n"))
        #expect(!text.contains(SampleSeed.releaseConductorAPIKey) && !text.contains("API-"))
        let reloaded = try #require(store.load(server: connection.identity, space: connection.spaceName))
        #expect(reloaded.environments.contains("Staging"))
        #expect(reloaded.releases["Web API"]?.isEmpty == false)
        // The newest file of the server, for a command line that names no space.
        #expect(store.load(server: connection.identity, space: nil)?.space == connection.spaceName)
        try? FileManager.default.removeItem(at: folder)
    }
}
