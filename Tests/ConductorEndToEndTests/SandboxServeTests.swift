import Foundation
import Testing

/// `conductor sandbox serve` as a user starts it: it prints its URL and keys and serves the API.
@Suite("conductor sandbox serve")
struct SandboxServeTests {
    @Test("prints a loopback URL and API keys, serves /api, and stops on SIGTERM")
    func servesTheAPI() async throws {
        let sandbox = try await RunningSandbox.start(ConductorBinary.located())
        defer { _ = sandbox.stop() }
        #expect(sandbox.apiKeys.count >= 1)

        let root = try await sandbox.get("/api", apiKey: nil)
        #expect(root.status == 200)
        let document = try JSONSerialization.jsonObject(with: root.body) as? [String: Any]
        #expect(document?["ApiVersion"] as? String == "3.0.0")
        let links = document?["Links"] as? [String: Any]
        #expect(links?["Projects"] != nil)
    }

    @Test("the sample seed is served to a key holder and refused without a key")
    func servesTheSampleSeed() async throws {
        let sandbox = try await RunningSandbox.start(ConductorBinary.located(), extra: ["--seed", "sample"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)

        let projects = try await sandbox.get("/api/Spaces-1/projects/all", apiKey: key)
        #expect(projects.status == 200)
        let names = (try JSONSerialization.jsonObject(with: projects.body) as? [[String: Any]])?
            .compactMap { $0["Name"] as? String } ?? []
        #expect(Set(names).isSuperset(of: ["Database", "Scheduling Service", "Web API", "Web UI", "Release Orchestration"]))

        let refused = try await sandbox.get("/api/Spaces-1/projects/all", apiKey: nil)
        #expect(refused.status == 401)
        let error = try JSONSerialization.jsonObject(with: refused.body) as? [String: Any]
        #expect(error?["ErrorMessage"] is String)
    }

    @Test("two sandboxes on port 0 get different ports")
    func ephemeralPortsDiffer() async throws {
        let binary = try ConductorBinary.located()
        let first = try await RunningSandbox.start(binary)
        defer { _ = first.stop() }
        let second = try await RunningSandbox.start(binary)
        defer { _ = second.stop() }
        #expect(first.baseURL.port != nil)
        #expect(first.baseURL.port != second.baseURL.port)
    }
}
