import LineEditor
import Orchestration

/// The loop: reads lines, splits them into statements, parses each against the command table, runs its handler
/// (cancelled by Ctrl-C), renders errors in one place, and applies the batch policy (stop on the first error, the
/// exit statuses of shell.md §9). `source FILE` and the rc file run through it recursively, as psql's MainLoop.
public struct ShellRuntime: Sendable {
    /// The command table.
    public var commands: [CommandSpec]

    public init(commands: [CommandSpec] = CommandTable.all) {
        self.commands = commands
    }

    /// The parser over the table.
    public var parser: CommandParser { CommandParser(commands: commands) }

    /// Runs `input` to its end.
    /// - Parameters:
    ///   - input: where the lines come from (a line editor over a terminal, pipe or file, or `-c` commands).
    ///   - session: the session to start from.
    ///   - io: where output, errors and questions go.
    ///   - interactive: a person at a terminal: prompts, errors return to the prompt, Ctrl-C stops the command.
    /// - Returns: the session afterwards and the exit status.
    public func run(_ input: ShellInput, session: Session, io: ShellIO, interactive: Bool) async -> (Session, ExitStatus) {
        var session = session
        var worst = ExitStatus.success
        var index = 0
        while true {
            let text: String
            let lineNumber: Int
            switch input {
            case .commands(let lines):
                guard index < lines.count else { return (session, worst) }
                text = lines[index]
                index += 1
                lineNumber = index
            case .editor(let editor, _):
                let prompt = PromptRenderer.prompt(session, style: interactive ? io.style : Style(enabled: false))
                let (read, number) = await editor.readNumberedLine(prompt)
                switch read {
                case .line(let line):
                    text = line
                    lineNumber = number
                case .interrupted:
                    continue
                case .endOfInput:
                    return (session, worst)
                }
            }
            for statement in StatementSplitter.statements(in: text) {
                let surface: Surface = interactive ? .interactive : .script(file: input.name, line: lineNumber)
                let result = await execute(statement, session: session, io: io, surface: surface)
                session = result.session
                session.context.catalogue?.commandFinished(session, invalidated: result.invalidates)
                if result.flow == .quit { return (session, result.status == .success ? worst : result.status) }
                guard result.status != .success else { continue }
                if interactive { continue }
                if result.status == .interrupted { return (session, .interrupted) }
                let continues = session.settings["on-error"] == "continue"
                let status = Self.scriptStatus(result.status, input: input)
                if continues {
                    worst = Self.moreSevere(worst, status)
                    continue
                }
                return (session, status)
            }
        }
    }

    /// What a script exits with when a command ends with `status`: deployments that failed (4) and waits that timed
    /// out (124) keep their meaning, as does a wrong key (5); any other error of a command file or piped script is
    /// "the script stopped" (3). `-c` commands keep the command's own status.
    static func scriptStatus(_ status: ExitStatus, input: ShellInput) -> ExitStatus {
        if case .commands = input { return status }
        switch status {
        case .deploymentFailed, .timedOut, .authentication, .interrupted, .stoppedResumable, .success: return status
        case .failure, .usage, .scriptStopped: return .scriptStopped
        }
    }

    static func moreSevere(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        a == .success ? b : a
    }

    /// The result of one statement.
    public struct Result: Sendable {
        public var session: Session
        public var status: ExitStatus
        public var flow: CommandOutcome.Flow
        /// What the command made stale in the completion catalogue.
        public var invalidates: CacheScope = []
    }

    /// Parses and runs one statement; errors are rendered on stderr for `surface`.
    public func execute(_ statement: String, session: Session, io: ShellIO, surface: Surface) async -> Result {
        let invocation: Invocation
        do {
            guard let parsed = try parser.parse(line: statement) else { return Result(session: session, status: .success, flow: .continue) }
            invocation = parsed
        } catch {
            return report(error, session: session, io: io, surface: surface)
        }
        guard let handler = invocation.spec.handler else { return Result(session: session, status: .success, flow: .continue) }
        do {
            let outcome = try await Interrupts.cancellingOnInterrupt { try await handler(invocation, session, io) }
            guard let outcome else { return interrupted(invocation, session: session, io: io) }
            return Result(session: outcome.session, status: outcome.status, flow: outcome.flow, invalidates: outcome.invalidates)
        } catch is CancellationError {
            return interrupted(invocation, session: session, io: io)
        } catch {
            return report(error, session: Self.reloadingPlan(session), io: io, surface: surface)
        }
    }

    /// Ctrl-C stopped the command: say so once (the command's own words if it has them), status 130.
    private func interrupted(_ invocation: Invocation, session: Session, io: ShellIO) -> Result {
        io.output.message(invocation.spec.interruptedMessage?(invocation) ?? "Interrupted. Server tasks keep running; 'wait' follows them again.")
        return Result(session: Self.reloadingPlan(session), status: .interrupted, flow: .continue)
    }

    /// After a command stopped half-way, the plan on disk may be further along than the session's copy.
    static func reloadingPlan(_ session: Session) -> Session {
        var session = session
        if let stored = session.planStore.current(), stored.plan.id == session.openPlan?.plan.id {
            session.openPlan = stored
        }
        return session
    }

    private func report(_ error: any Error, session: Session, io: ShellIO, surface: Surface) -> Result {
        let diagnostic = ErrorRenderer.render(error, on: surface)
        for line in diagnostic.lines(on: surface) { io.output.message(line) }
        return Result(session: session, status: diagnostic.status, flow: .continue)
    }
}
