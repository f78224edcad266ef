import Foundation
import OctopusClient
import OctopusSandbox
import Orchestration

/// The server a promotion runs against: a real Octopus Server from flags or environment, or the
/// embedded sandbox (sample application, fast task simulation) when none is configured.
struct PromotionTarget: Sendable {
    /// A client bound to the space.
    let client: OctopusClient
    /// The embedded sandbox, when used.
    let sandbox: SandboxServer?
    /// How often the engine polls tasks while waiting.
    let pollInterval: Duration
    /// Where created deployments are recorded: the persistent, locked ledger for a real server; in memory for the
    /// embedded sandbox, whose data (and ids) die with the process.
    let ledger: any DeploymentLedger

    /// The sandbox's simulation speed: task steps run this many times faster than real time.
    static let sandboxSpeed = 50.0

    /// Opens the target: `--server`/`--api-key`/`--space` win over `OCTOPUS_URL`/
    /// `OCTOPUS_API_KEY`/`OCTOPUS_SPACE`; with no server at all, the embedded sandbox.
    static func open(_ flags: ConnectionFlags, environment: [String: String]) async throws -> PromotionTarget {
        func value(_ flag: String?, _ variable: String) -> String? {
            let text = (flag ?? environment[variable])?.trimmingCharacters(in: .whitespaces)
            return text?.isEmpty == false ? text : nil
        }
        let server = value(flags.server, "OCTOPUS_URL")
        let key = value(flags.apiKey, "OCTOPUS_API_KEY")
        let space = SpaceSelector(value(flags.space, "OCTOPUS_SPACE"))
        guard let server else {
            if flags.apiKey != nil { throw PromoteUsageError.apiKeyWithoutServer }
            let sandbox = try await SandboxServer.start(SandboxConfiguration(seed: .sample, speed: sandboxSpeed))
            // Said on stderr so people can act on the sample's manual interventions meanwhile
            // (e.g. `conductor` or curl with Wes Admin's sandbox key for the Web Admin approvals).
            StandardError.write("Using the embedded sandbox at \(sandbox.baseURL.absoluteString) (sample application, tasks \(Int(sandboxSpeed))x faster).")
            do {
                let connection = try OctopusConnection(server: sandbox.baseURL.absoluteString, apiKey: APIKey(SampleSeed.releaseConductorAPIKey), space: space)
                let client = try await OctopusClient.connect(connection)
                return PromotionTarget(client: client, sandbox: sandbox, pollInterval: .milliseconds(200), ledger: InMemoryDeploymentLedger())
            } catch {
                await sandbox.stop()
                throw error
            }
        }
        guard let key else { throw PromoteUsageError.missingAPIKey(server: server) }
        let connection = try OctopusConnection(server: server, apiKey: APIKey(key), space: space)
        if connection.sendsKeyInPlainText {
            StandardError.write("Warning: \(connection.serverRoot.absoluteString) is plain http to another machine: the API key travels unencrypted. Use https.")
        }
        let ledger = FileDeploymentLedger.standard(environment: environment)
        return PromotionTarget(client: try await OctopusClient.connect(connection), sandbox: nil, pollInterval: .seconds(5), ledger: ledger)
    }

    /// Stops the embedded sandbox, if any.
    func close() async {
        await sandbox?.stop()
    }
}
