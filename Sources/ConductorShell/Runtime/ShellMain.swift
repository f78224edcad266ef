import Foundation
import LineEditor
import Orchestration

/// What the executable parsed from `conductor [options]` (shell.md §1).
public struct ShellOptions: Sendable {
    public var connection = ConnectionResolver.Flags()
    /// `-v NAME=VALUE`, in order.
    public var variables: [String] = []
    /// `-o FORMAT`.
    public var output: String?
    /// `--yes`.
    public var assumeYes = false
    /// `-X/--no-rc`.
    public var skipRC = false
    /// `--no-color`.
    public var noColor = false
    /// `-f FILE` (`-` for standard input), in order.
    public var files: [String] = []
    /// `-c 'CMD; CMD'`, in order.
    public var commands: [String] = []

    public init() {}
}

/// Starts the shell: chooses the mode, connects (printing the first stderr line), resumes the open plan, runs the rc
/// file, then the loop or the scripts; returns the process's exit status.
public enum ShellMain {
    public static func run(_ options: ShellOptions, launcher: any EmbeddedServerLauncher, environment: [String: String]) async -> ExitStatus {
        let output = StandardStreams(environment: environment, noColor: options.noColor)
        let interactive = options.files.isEmpty && options.commands.isEmpty && StandardInput.isTerminal
        let paths = StatePaths(environment: environment)
        let context = ShellContext(paths: paths, environment: environment, launcher: launcher, isInteractive: interactive, assumeYes: options.assumeYes)
        var session = Session(context: context)
        let startup = ShellIO(output: output)
        do {
            session = try applyVariables(options, to: session)
            session = try await connect(session, flags: options.connection, io: startup)
        } catch {
            let diagnostic = ErrorRenderer.render(error, on: .commandLine)
            for line in diagnostic.lines(on: .commandLine) { output.message(line) }
            await session.embedded?.stop()
            return diagnostic.status
        }
        session = await resume(session, io: startup)

        let editor: EditorThread
        let input: ShellInput
        var io = ShellIO(output: output)
        if interactive {
            let history = HistoryPolicy(file: paths.historyFile.path, limit: 1000, saveInterval: 1) { line in
                HistoryPolicy.skipsLeadingSpace(line) && HistoryFilter.keeps(line)
            }
            do {
                let catalogue = CompletionCache(store: CatalogueStore(folder: paths.cache))
                session.context.catalogue = catalogue
                let configuration = LineEditorConfiguration(programName: "conductor", history: history, completion: catalogue.source)
                editor = EditorThread(try LibEditLineEditor(configuration: configuration))
            } catch {
                output.message("Error: \(error)")
                return .failure
            }
            io.ask = { question in
                if case .line(let answer) = await editor.readLine(Prompt(question, continuation: "")) { return answer }
                return nil
            }
            io.askSecret = { question in await SecretPrompt.read(question) }
            if !options.skipRC, FileManager.default.fileExists(atPath: paths.rcFile.path) {
                if let (after, _) = try? await SourceCommand.runFile(paths.rcFile, name: paths.rcFile.path, session: session, io: io) {
                    session = after
                    session.sourceDepth = 0
                }
            }
            input = .editor(editor, name: "-")
        } else if !options.commands.isEmpty {
            input = .commands(options.commands)
            editor = EditorThread(PlainLineReader())
        } else {
            editor = EditorThread(PlainLineReader())
            input = .editor(editor, name: "-")
        }

        var status = ExitStatus.success
        if options.files.isEmpty, let catalogue = session.context.catalogue {
            // The catalogue's worker is a child task of the loop: it fills the cache after connecting and after
            // commands that change the server, and ends with the shell.
            let started = session
            (session, status) = await withDiscardingTaskGroup { group in
                group.addTask { await catalogue.serve() }
                catalogue.commandFinished(started, invalidated: .connection)
                let result = await ShellRuntime().run(input, session: started, io: io, interactive: interactive)
                catalogue.finish()
                group.cancelAll()
                return result
            }
        } else if options.files.isEmpty {
            (session, status) = await ShellRuntime().run(input, session: session, io: io, interactive: interactive)
        } else {
            for file in options.files where status == .success {
                if file == "-" {
                    (session, status) = await ShellRuntime().run(.editor(editor, name: "-"), session: session, io: io, interactive: false)
                    continue
                }
                do {
                    (session, status) = try await SourceCommand.runFile(URL(fileURLWithPath: file), name: file, session: session, io: io)
                    session.sourceDepth = 0
                } catch {
                    for line in ErrorRenderer.render(error, on: .commandLine).lines(on: .commandLine) { output.message(line) }
                    status = .usage
                }
            }
        }
        if interactive { try? await editor.saveHistory() }
        await session.embedded?.stop()
        return status
    }

    /// `-v NAME=VALUE` and `-o`.
    static func applyVariables(_ options: ShellOptions, to session: Session) throws -> Session {
        var session = session
        for assignment in options.variables {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ShellError.invalidSetting(name: assignment, value: "", valid: "-v NAME=VALUE")
            }
            try session.settings.set(String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
        }
        if let format = options.output { try session.settings.set("output", format) }
        return session
    }

    /// Connects by shell.md §1's precedence and prints the first stderr line.
    static func connect(_ session: Session, flags: ConnectionResolver.Flags, io: ShellIO) async throws -> Session {
        var session = session
        let resolver = ConnectionResolver(flags: flags, environment: session.context.environment, paths: session.context.paths)
        if let choice = try resolver.choose() {
            var key = choice.apiKey
            if key == nil, session.context.isInteractive { key = await SecretPrompt.read("API key for \(choice.server): ") }
            guard let key, !key.isEmpty else { throw ShellError.apiKeyNeeded(server: choice.server) }
            session.connection = try await ShellConnection.open(
                server: choice.server, apiKey: key, space: choice.space, origin: choice.origin, warn: io.output.message)
        } else {
            let server = try await SandboxCommand.running(&session)
            session.connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: server.defaultAPIKey, space: flags.space, origin: .embeddedSandbox)
        }
        if let connection = session.connection { io.output.message(ConnectionBanner.line(for: connection, atStart: true)) }
        return session
    }

    /// Picks up the open plan of this server and space: `Resuming plan … (deployed; 2 finished, 1 running, 1 still to
    /// deploy)`. The deployments the plan has not seen finish are looked up (one request), so the line says what the
    /// server says, not what the plan last knew.
    static func resume(_ session: Session, io: ShellIO) async -> Session {
        var session = session
        if let aside = session.planStore.setAsideUnreadable(at: Date()) {
            io.output.message(TerminalText.clean(
                "The open plan could not be read (damaged, or saved by another version of Conductor); it is kept as \(aside.path). "
                    + "Run 'find' again: the deployment ledger still keeps any deployment it made from being created twice."))
        }
        guard let stored = session.planStore.current(), let connection = session.connection,
              stored.server == connection.identity, stored.space == connection.spaceName else { return session }
        session.openPlan = stored
        if session.application == nil { session.application = stored.plan.options.application }
        let progress = await ResumedProgress.look(at: stored.plan, with: connection.client)
        var state = PromptRenderer.stepName(stored.plan.step)
        if let counts = progress.summary { state += "; \(counts)" }
        if let reason = stored.staleReason { state += "; stale: \(reason)" }
        let next = progress.waitHasWork || stored.plan.step == .deployed ? " 'wait' picks it up." : ""
        io.output.message(TerminalText.clean("Resuming plan \(stored.plan.id.uuidString.prefix(8)) to \(stored.plan.destination.name) (\(state)).\(next)"))
        return session
    }
}

/// Which lines enter the interactive history: commands only (not the answers to confirmations), and never a line
/// that carries an API key.
enum HistoryFilter {
    static func keeps(_ line: String) -> Bool {
        if line.range(of: #"API-[A-Za-z0-9]{8,}"#, options: .regularExpression) != nil { return false }
        if line.lowercased().contains("api-key") || line.lowercased().contains("apikey") { return false }
        guard let first = line.split(separator: " ").first.map(String.init) else { return false }
        return CommandTable.all.contains { $0.words.contains(first) }
    }
}

/// Reads a secret from the terminal without echo.
enum SecretPrompt {
    static func read(_ prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                guard let pointer = getpass(prompt) else { return continuation.resume(returning: nil) }
                let text = String(cString: pointer)
                continuation.resume(returning: text.isEmpty ? nil : text)
            }
        }
    }
}
