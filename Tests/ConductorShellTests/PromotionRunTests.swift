import ConductorShell
import Foundation
import OctopusSandbox
import Orchestration
import Testing

/// `conductor promote` in process against a live sandbox: the connection's user and space are read while find runs
/// (issue 10), and a key or space the server refuses still reports the connection's own error, as before.
@Suite(.serialized)
struct PromotionRunTests {
    /// A launcher for runs that name their server: starting the embedded sandbox would be a mistake.
    struct NoLauncher: EmbeddedServerLauncher {
        struct Unexpected: Error {}
        func start(database: URL?) async throws -> any EmbeddedServer { throw Unexpected() }
    }

    private static func promote(
        _ sandbox: SandboxServer, apiKey: String = SampleSeed.releaseConductorAPIKey, space: String? = nil, whatIf: Bool = true
    ) async throws -> (status: ConductorShell.ExitStatus, output: RecordingOutput) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-promote-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
                           "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path]
        var run = PromotionRun()
        run.connection = ConnectionResolver.Flags(server: sandbox.baseURL.absoluteString, apiKey: apiKey, space: space)
        var options = PromotionOptions(
            application: Application(stages: [["Database"], ["Web API", "Scheduling Service"], ["Web UI"]]), destination: "Staging")
        options.whatIf = whatIf
        let output = RecordingOutput()
        let status = await run.run(options, launcher: NoLauncher(), environment: environment, output: output)
        return (status, output)
    }

    /// What opening the connection alone reports for this key and space (the shell's `connect` says the same).
    private static func connectionError(_ sandbox: SandboxServer, apiKey: String, space: String?) async throws -> (status: ConductorShell.ExitStatus, lines: [String]) {
        do {
            _ = try await ShellConnection.open(server: sandbox.baseURL.absoluteString, apiKey: apiKey, space: space, origin: .flags)
            Issue.record("the connection opened")
            return (.success, [])
        } catch {
            let diagnostic = ErrorRenderer.render(error, on: .commandLine)
            return (diagnostic.status, diagnostic.lines(on: .commandLine))
        }
    }

    /// The what-if costs find and whatif plus the connection's 2 reads (the key's user, the space), made beside them.
    @Test func aWhatIfReadsTheConnectionBesideFind() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(seed: .sample, speed: 50))
        defer { Task { await sandbox.stop() } }
        let before = sandbox.services.statistics.snapshot
        let (status, output) = try await Self.promote(sandbox)
        #expect(status == .success, "\(output.standardError)")
        let after = sandbox.services.statistics.snapshot
        #expect((after["GET /api/users/me"] ?? 0) - (before["GET /api/users/me"] ?? 0) == 1)
        #expect((after["GET /api/spaces/{id}"] ?? 0) - (before["GET /api/spaces/{id}"] ?? 0) == 1)
        #expect(output.standardOutput.contains("Web API"))
    }

    /// A key the server refuses: the connection's error and status, and nothing deployed.
    @Test func aRefusedKeyReportsTheConnectionsError() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(seed: .sample, speed: 50))
        defer { Task { await sandbox.stop() } }
        let key = "API-WRONGWRONGWRONGWRONGWRONGWRONG1"
        let expected = try await Self.connectionError(sandbox, apiKey: key, space: nil)
        let (status, output) = try await Self.promote(sandbox, apiKey: key, whatIf: false)
        #expect(status == expected.status)
        #expect(!expected.lines.isEmpty)
        for line in expected.lines { #expect(output.standardError.contains(line), "\(output.standardError)") }
        #expect(!output.standardError.contains(key))
        #expect(sandbox.services.statistics.snapshot.filter { !$0.key.hasPrefix("GET ") }.isEmpty)
    }

    /// A space id the server does not have: the connection's error (it names the space), not find's 404.
    @Test func aMissingSpaceReportsTheConnectionsError() async throws {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(seed: .sample, speed: 50))
        defer { Task { await sandbox.stop() } }
        let expected = try await Self.connectionError(sandbox, apiKey: SampleSeed.releaseConductorAPIKey, space: "Spaces-99")
        let (status, output) = try await Self.promote(sandbox, space: "Spaces-99", whatIf: false)
        #expect(status == expected.status)
        #expect(!expected.lines.isEmpty)
        for line in expected.lines { #expect(output.standardError.contains(line), "\(output.standardError)") }
        #expect(sandbox.services.statistics.snapshot.filter { !$0.key.hasPrefix("GET ") }.isEmpty)
    }
}
