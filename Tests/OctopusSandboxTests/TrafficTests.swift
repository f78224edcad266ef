import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Fault injection (deterministic per seed) and request statistics per route template.
@Suite("Faults and statistics")
struct TrafficTests {
    @Test func sameSeedInjectsTheSameFaults() {
        let first = FaultInjector(latencyMilliseconds: 20, jitterMilliseconds: 5, failRate: 0.3, resetRate: 0.1, seed: 7)
        let second = FaultInjector(latencyMilliseconds: 20, jitterMilliseconds: 5, failRate: 0.3, resetRate: 0.1, seed: 7)
        let a = (0..<200).map { _ in first.next() }
        let b = (0..<200).map { _ in second.next() }
        #expect(a == b)
        #expect(a.allSatisfy { (15...25).contains($0.latencyMilliseconds) })
        let resets = a.filter { $0.fault == .reset }.count
        let failures = a.filter { if case .fail = $0.fault { true } else { false } }.count
        #expect((5...40).contains(resets))
        #expect((30...90).contains(failures))
        let other = FaultInjector(latencyMilliseconds: 20, jitterMilliseconds: 5, failRate: 0.3, resetRate: 0.1, seed: 8)
        #expect((0..<200).map { _ in other.next() } != a)
    }

    @Test(arguments: [(0.0, 0.0), (1.0, 0.0)])
    func failRateZeroNeverFailsAndOneAlwaysFails(failRate: Double, resetRate: Double) {
        let injector = FaultInjector(failRate: failRate, resetRate: resetRate, seed: 1)
        let faults = (0..<50).map { _ in injector.next().fault }
        #expect(faults.allSatisfy { $0 == .none } == (failRate == 0))
        #expect(faults.allSatisfy { $0 != .none } == (failRate == 1))
    }

    @Test func failRateOneAnswers503Or502ButNeverTheSandboxRoutes() async throws {
        let configuration = SandboxConfiguration(seed: .sample, clock: VirtualClock(), failRate: 1, randomSeed: 3)
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            var statuses: Set<Int> = []
            for _ in 0..<12 {
                statuses.insert(try await http.get("/api/Spaces-1/projects").status)
            }
            #expect(statuses.isSubset(of: [502, 503]))
            #expect(statuses.contains(503))
            let reply = try await http.get("/api/Spaces-1/projects")
            if reply.status == 503 {
                #expect(reply.error?.errorMessage.contains("--fail-rate") == true)
            }
            #expect(try await http.get("/api/sandbox/stats").status == 200)
        }
    }

    @Test func resetRateOneDropsTheConnection() async throws {
        let configuration = SandboxConfiguration(seed: .sample, clock: VirtualClock(), resetRate: 1, randomSeed: 3)
        try await SandboxServer.withRunning(configuration) { server in
            let http = SandboxHTTP(server: server)
            await #expect(throws: (any Error).self) { _ = try await http.get("/api/Spaces-1/projects") }
            #expect(server.services.statistics.count("GET", "/api/{spaceId}/projects") >= 1)
        }
    }

    @Test func statisticsCountRequestsPerRouteTemplate() async throws {
        try await withSampleSandbox { http in
            let statistics = http.server.services.statistics
            statistics.reset()
            _ = try await http.get("/api/Spaces-1/deployments?take=1")
            _ = try await http.get("/api/deployments?projects=Projects-1")
            _ = try await http.get("/api/spaces/Spaces-1/deployments")
            _ = try await http.get("/api/tasks/ServerTasks-1")
            #expect(statistics.count("GET", "/api/{spaceId}/deployments") == 3)
            #expect(statistics.count("GET", "/api/tasks/{id}") == 1)
            #expect(statistics.total == 4)
            let reply = try await http.get("/api/sandbox/stats")
            let routes = reply.object["Routes"] as? [String: Int]
            #expect(routes?["GET /api/{spaceId}/deployments"] == 3)
            #expect(try await http.send("DELETE", "/api/sandbox/stats").status == 204)
            #expect(statistics.count("GET", "/api/{spaceId}/deployments") == 0)
        }
    }

    @Test func clockEndpointReadsAndAdvancesTheVirtualClock() async throws {
        try await withSampleSandbox { http in
            let before = try #require(http.server.clock as? VirtualClock).now
            #expect(try await http.get("/api/sandbox/clock", apiKey: .some(nil)).status == 401)
            let read = try await http.get("/api/sandbox/clock")
            #expect(read.object["IsVirtual"] as? Bool == true)
            #expect(read.object["Now"] as? String == OctopusDateFormat.string(from: before))
            let moved = try await http.send("POST", "/api/sandbox/clock/advance?seconds=90")
            #expect(moved.status == 200)
            #expect(http.server.clock.now == before.addingTimeInterval(90))
            #expect(try await http.send("POST", "/api/sandbox/clock/advance?seconds=soon").status == 400)
        }
    }
}
