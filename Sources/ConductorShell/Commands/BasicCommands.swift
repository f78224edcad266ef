import Foundation
import LineEditor
import Orchestration

/// `help [COMMAND…]`, generated from the command table.
enum HelpCommand {
    static let spec = CommandSpec(
        "help", aliases: ["?"], group: .context, abstract: "List the commands, or show one command's examples and arguments",
        examples: ["help", "help find", "help plan save"],
        parameters: [.positional("command", .command, rest: true, help: "A command (and subcommand)")],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let table = CommandTable.all
        guard let words = invocation["command"]?.split(separator: " ").map(String.init), let first = words.first else {
            io.output.write(HelpRenderer.overview(table, style: io.style))
            return CommandOutcome(session)
        }
        guard var spec = table.first(where: { $0.words.contains(first) }) else {
            throw ParseError.unknownCommand(first, suggestions: NameSuggestions.closest(to: first, among: table.flatMap(\.words)))
        }
        var path = [spec.name]
        for word in words.dropFirst() {
            guard let sub = spec.subcommand(word) else { break }
            spec = sub
            path.append(sub.name)
        }
        io.output.write(HelpRenderer.command(spec, path: path.joined(separator: " "), style: io.style))
        return CommandOutcome(session)
    }
}

/// `echo TEXT`: prints its words (scripts use it to label their output).
enum EchoCommand {
    static let spec = CommandSpec(
        "echo", group: .context, abstract: "Print text", examples: ["echo Promoting to Staging"],
        parameters: [.positional("text", .text, rest: true, help: "The text")],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        io.output.write(TerminalText.clean(invocation["text"] ?? "") + "\n")
        return CommandOutcome(session)
    }
}

/// `quit`, `exit`, Ctrl-D.
enum QuitCommand {
    static let spec = CommandSpec(
        "quit", aliases: ["exit", "\\q"], group: .context, abstract: "Leave the shell (the open plan is kept for next time)",
        examples: ["quit"], handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        CommandOutcome(session, flow: .quit)
    }
}

/// `source FILE`: runs a command file here, as if typed (stops at its first error).
enum SourceCommand {
    static let spec = CommandSpec(
        "source", aliases: ["\\i"], group: .context, abstract: "Run the commands of a file",
        examples: ["source examples/promote-to-staging.cond"],
        parameters: [.positional("file", .file, required: true, help: "The command file")],
        handler: run)

    /// A path relative to the current directory, `~` expanded.
    static func url(_ path: String, session: Session) -> URL {
        if path.hasPrefix("~/") { return session.context.paths.home.appendingPathComponent(String(path.dropFirst(2))) }
        return URL(fileURLWithPath: path)
    }

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let path = invocation["file"] ?? ""
        guard session.sourceDepth < 16 else { throw ShellError.sourceTooDeep(path: path) }
        var (session, status) = try await runFile(url(path, session: session), name: path, session: session, io: io)
        session.sourceDepth -= 1
        return CommandOutcome(session, status: status == .scriptStopped ? .failure : status)
    }

    /// Runs a file through the shell's loop in batch policy (used by `source` and the rc file).
    static func runFile(_ url: URL, name: String, session: Session, io: ShellIO) async throws -> (Session, ExitStatus) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw ShellError.file(path: name, detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var session = session
        session.sourceDepth += 1
        let editor = EditorThread(PlainLineReader(fileDescriptor: descriptor))
        return await ShellRuntime().run(.editor(editor, name: name), session: session, io: io, interactive: false)
    }
}
