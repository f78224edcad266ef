import Foundation
import OctopusModel
import OctopusSandbox
import Testing

@Suite("Sandbox server lifecycle")
struct SandboxServerTests {
    @Test func aDataFileKeepsChangesAcrossRestartsAndIsSeededOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sandbox.sqlite")
        let configuration = SandboxConfiguration(storage: .file(file), seed: .sample, clock: VirtualClock())
        let created = try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            let body = Data(#"{"ProjectId":"Projects-1","Version":"2021.1.0.11"}"#.utf8)
            let reply = try await http.send("POST", "/api/Spaces-1/releases", body: body)
            #expect(reply.status == 201)
            return try reply.decode(Release.self).id
        }
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            let releases = try await http.get("/api/Spaces-1/projects/Projects-1/releases").decode(ResourceCollection<Release>.self)
            #expect(releases.items.first?.id == created)
            // Seeded once: still one "Database" project and 14 releases in all.
            let projects = try await http.get("/api/Spaces-1/projects?name=Database").decode(ResourceCollection<Project>.self)
            #expect(projects.totalResults == 1)
            let all = try await http.get("/api/Spaces-1/releases?take=0").decode(ResourceCollection<Release>.self)
            #expect(all.totalResults == 14)
        }
    }

    @Test func eachServerGetsItsOwnPortAndStopsCleanly() async throws {
        let first = try await SandboxServer.start(SandboxConfiguration(seed: .empty, clock: VirtualClock()))
        let second = try await SandboxServer.start(SandboxConfiguration(seed: .empty, clock: VirtualClock()))
        #expect(first.port != second.port)
        #expect(first.baseURL.absoluteString == "http://127.0.0.1:\(first.port)")
        let reply = try await SandboxHTTP(server: second).get("/api/Spaces-1/projects")
        #expect(reply.status == 200)
        #expect(try reply.decode(ResourceCollection<Project>.self).totalResults == 0)
        await first.stop()
        await second.stop()
        await #expect(throws: (any Error).self) { _ = try await SandboxHTTP(server: first).get("/api") }
    }

    @Test func aBusyPortIsAClearError() async throws {
        let first = try await SandboxServer.start(SandboxConfiguration(seed: .empty, clock: VirtualClock()))
        do {
            let second = try await SandboxServer.start(SandboxConfiguration(port: first.port, seed: .empty, clock: VirtualClock()))
            await second.stop()
            Issue.record("a second server bound the same port")
        } catch let error as SandboxError {
            #expect(String(describing: error).hasPrefix("The sandbox could not listen on 127.0.0.1:\(first.port) ("))
            #expect(String(describing: error).hasSuffix("Pick another --port, or 0 for any free port."))
        }
        await first.stop()
    }
}
