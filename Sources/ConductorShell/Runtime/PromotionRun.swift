import Foundation
import OctopusClient
import Orchestration

/// `conductor promote`: the step template for a whole application in one command, through the same code as the
/// shell — the connection policy, the engine wiring, the progress lines, the report and the error renderer — so both
/// print the same lines and return the same statuses.
public struct PromotionRun: Sendable {
    /// How results are printed.
    public var format: OutputFormat = .table
    /// Also write the output variables (and notes artifacts) as Octopus service messages.
    public var serviceMessages = false
    /// The connection flags.
    public var connection = ConnectionResolver.Flags()
    /// Shell settings the command line sets for this run (`concurrency`, `poll`), as `set NAME VALUE` would.
    public var settings: [String: String] = [:]

    public init() {}

    /// Runs `options` and returns the exit status; results on stdout, progress and messages on stderr.
    public func run(_ options: PromotionOptions, launcher: any EmbeddedServerLauncher, environment: [String: String], output: any TextOutput) async -> ExitStatus {
        let paths = StatePaths(environment: environment)
        var session = Session(context: ShellContext(paths: paths, environment: environment, launcher: launcher, isInteractive: false))
        let opened: OpenedClient
        do {
            for (name, value) in settings.sorted(by: { $0.key < $1.key }) { try session.settings.set(name, value) }
            opened = try await openClient(session, output: output)
        } catch {
            return report(error, output)
        }
        session.embedded = opened.embedded
        // The key's user and the space's name are read while find runs (a round trip less, issue 10); nothing is
        // scheduled or deployed before they are in.
        let connection = Task { try await ShellConnection.describing(opened.client, origin: opened.origin) }
        let engine = session.engine(client: opened.client, isSandbox: opened.origin == .embeddedSandbox)
        let status = await promote(options, engine: engine, connection: connection, output: output)
        await session.embedded?.stop()
        return status
    }

    /// A client bound to its space, where it came from, and the embedded sandbox it talks to, if any.
    private struct OpenedClient {
        let client: OctopusClient
        let origin: ShellConnection.Origin
        let embedded: (any EmbeddedServer)?
    }

    private func openClient(_ session: Session, output: any TextOutput) async throws -> OpenedClient {
        let resolver = ConnectionResolver(flags: connection, environment: session.context.environment, paths: session.context.paths)
        if let choice = try resolver.choose() {
            guard let key = choice.apiKey else { throw ShellError.apiKeyNeeded(server: choice.server) }
            let client = try await ShellConnection.client(server: choice.server, apiKey: key, space: choice.space, warn: output.message)
            return OpenedClient(client: client, origin: choice.origin, embedded: nil)
        }
        // A one-shot promotion on the sandbox starts from the sample each time: an in-memory database.
        guard let launcher = session.context.launcher else { throw ShellError.notSandbox(command: "promote") }
        let server = try await launcher.start(database: nil)
        do {
            let client = try await ShellConnection.client(server: server.baseURL.absoluteString, apiKey: server.defaultAPIKey, space: connection.space)
            // Said on stderr so people can act on the sample's manual interventions meanwhile.
            output.message("Using the embedded sandbox at \(server.baseURL.absoluteString) (sample application, in memory).")
            return OpenedClient(client: client, origin: .embeddedSandbox, embedded: server)
        } catch {
            await server.stop()
            throw error
        }
    }

    private func promote(
        _ options: PromotionOptions, engine: PromotionEngine, connection: Task<ShellConnection, any Error>, output: any TextOutput
    ) async -> ExitStatus {
        let plan: PromotionPlan
        do {
            let view = ProgressView(output: output, live: false, style: Style(enabled: false))
            plan = try await engine.promote(options, progress: view.sink, readyToDeploy: { _ = try await connection.value })
        } catch let stopped as PromotionStopped {
            // Nothing was abandoned: what still runs and how to resume on stderr, every child's state on stdout.
            let status = report(stopped, output)
            output.write(TerminalText.clean(PromotionReport(plan: stopped.plan).render(format)))
            return status
        } catch {
            // A key or space the server refuses: its own error says more than the 401 or 404 of a find request.
            if case .failure(let refused) = await connection.result { return report(refused, output) }
            return report(error, output)
        }
        CommandSupport.printWarnings(plan, ShellIO(output: output))
        let report = PromotionReport(plan: plan)
        do {
            try writeNotesArtifacts(report, output: output)
        } catch {
            output.message("Error: could not write the release notes file: \(error.localizedDescription)")
            return .failure
        }
        if serviceMessages {
            for message in report.outputVariableMessages() { output.write(message.line + "\n") }
        }
        output.write(TerminalText.clean(report.render(format)))
        return ExitStatus(plan: plan)
    }

    /// `--save-notes`: each child's notes go to a file in the current directory, named as the template names it;
    /// with service messages Octopus collects it as an artifact.
    private func writeNotesArtifacts(_ report: PromotionReport, output: any TextOutput) throws {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for artifact in report.notesArtifacts {
            let file = directory.appendingPathComponent(artifact.name)
            let data = Data(artifact.contents.utf8)
            try data.write(to: file)
            output.message("Release notes written to \(file.path)")
            if serviceMessages {
                output.write(OctopusServiceMessage.createArtifact(path: file.path, name: artifact.name, length: data.count).line + "\n")
            }
        }
    }

    private func report(_ error: any Error, _ output: any TextOutput) -> ExitStatus {
        let diagnostic = ErrorRenderer.render(error, on: .commandLine)
        for line in diagnostic.lines(on: .commandLine) { output.message(line) }
        if diagnostic.status == .usage { output.message("See 'conductor promote --help'.") }
        return diagnostic.status
    }
}
