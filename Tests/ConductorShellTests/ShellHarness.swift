import ConductorShell
import Foundation
import OctopusSandbox

/// The shell in process against a live sandbox over loopback: a session connected as the Release Conductor, its
/// files in a private folder, output recorded, and the sandbox's own request counter.
struct ShellHarness {
    let sandbox: SandboxServer
    let session: Session
    let folder: URL

    /// Runs `body` with a fresh sample sandbox and session; stops the sandbox afterwards.
    static func with<T: Sendable>(_ body: (ShellHarness) async throws -> T) async throws -> T {
        let sandbox = try await SandboxServer.start(SandboxConfiguration(seed: .sample, speed: 50))
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-shell-\(UUID().uuidString)")
            let environment = ["HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
                               "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path]
            var session = Session(context: ShellContext(paths: StatePaths(environment: environment), environment: environment, launcher: nil, isInteractive: false))
            session.connection = try await ShellConnection.open(
                server: sandbox.baseURL.absoluteString, apiKey: SampleSeed.releaseConductorAPIKey, space: nil, origin: .flags)
            let result = try await body(ShellHarness(sandbox: sandbox, session: session, folder: folder))
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Requests the sandbox served so far.
    var requests: Int { sandbox.services.statistics.total }

    /// Requests that could change something (anything but GET).
    var changingRequests: Int {
        sandbox.services.statistics.snapshot.filter { !$0.key.hasPrefix("GET ") }.values.reduce(0, +)
    }

    /// Runs `lines` as a `-c` script (`colour`: as on a colour terminal); returns the session, the status and what
    /// was printed.
    func run(_ lines: [String], session: Session? = nil, colour: Bool = false) async -> (session: Session, status: ExitStatus, output: RecordingOutput) {
        let output = RecordingOutput(isTerminal: colour, usesColor: colour)
        let (after, status) = await ShellRuntime().run(.commands(lines), session: session ?? self.session, io: ShellIO(output: output), interactive: false)
        return (after, status, output)
    }
}
