import Foundation
import OctopusClient
import Orchestration

/// `connect URL [--space NAME] [--save-profile NAME]`, `connect sandbox [as USER]`, `connect profile NAME`,
/// `disconnect`. The key comes from `OCTOPUS_API_KEY` or is asked for without echo: it is never a word of a line, so
/// never in history.
enum ConnectCommand {
    static let spec = CommandSpec(
        "connect", group: .context, abstract: "Connect to an Octopus Server, a saved profile, or the embedded sandbox",
        examples: ["connect https://octopus.example.com --space Default", "connect sandbox as \"Wes Admin\"", "connect profile work"],
        parameters: [
            .positional("url", .url, help: "The server URL (the key from OCTOPUS_API_KEY, or asked for)"),
            .option("space", .space, help: "The space (default: the server's default space)"),
            .option("save-profile", .profile, help: "Also save this connection (key included, mode 0600) as a profile"),
        ],
        subcommands: [
            CommandSpec("sandbox", group: .context, abstract: "The embedded sandbox, optionally as one of its seeded users",
                        examples: ["connect sandbox", "connect sandbox as \"Wes Admin\""],
                        parameters: [.keyword("as", .sandboxUser, help: "A seeded user, e.g. \"Wes Admin\" to answer the Web Admins' interventions")],
                        handler: sandbox),
            CommandSpec("profile", group: .context, abstract: "A profile saved with --save-profile",
                        parameters: [.positional("name", .profile, required: true, help: "The profile")], handler: profile),
        ],
        handler: connect)

    static func connect(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        guard let url = invocation["url"] else {
            throw ParseError.missingArgument(command: "connect", parameter: "URL", usage: HelpRenderer.usageLine("connect", spec))
        }
        var key = session.context.environment["OCTOPUS_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if key == nil, let askSecret = io.askSecret { key = await askSecret("API key for \(url): ") }
        guard let key, !key.isEmpty else { throw ShellError.apiKeyNeeded(server: url) }
        var session = session
        let connection = try await ShellConnection.open(server: url, apiKey: key, space: invocation["space"], origin: .connectCommand, warn: io.output.message)
        session = switched(session, to: connection, io: io)
        if let name = invocation["save-profile"] {
            let file = session.context.paths.configFile
            var config = try ConfigFile.load(file)
            config.profiles[name] = ConfigFile.Profile(server: connection.serverURL, apiKey: key, space: connection.spaceName)
            try config.save(file)
            io.output.message("Saved profile '\(name)' in \(file.path) (mode 0600).")
        }
        return CommandOutcome(session, invalidates: .connection)
    }

    static func profile(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let name = invocation["name"] ?? ""
        let config = try ConfigFile.load(session.context.paths.configFile)
        guard let profile = config.profiles[name] else {
            throw ShellError.unknownSaved(kind: "profile", name: name, available: config.profiles.keys.sorted())
        }
        let connection = try await ShellConnection.open(
            server: profile.server, apiKey: profile.apiKey, space: profile.space, origin: .profile(name), warn: io.output.message)
        return CommandOutcome(switched(session, to: connection, io: io), invalidates: .connection)
    }

    static func sandbox(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let server = try await SandboxCommand.running(&session)
        var key = server.defaultAPIKey
        if let name = invocation["as"] {
            guard let account = server.accounts.first(where: { $0.displayName.caseInsensitiveCompare(name) == .orderedSame }) else {
                throw ShellError.unknownSandboxUser(name, available: server.accounts.map(\.displayName))
            }
            key = account.apiKey
        }
        let connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: key, space: nil, origin: .embeddedSandbox)
        return CommandOutcome(switched(session, to: connection, io: io), invalidates: .connection)
    }

    /// Moves the session to `connection`; a plan made elsewhere stays open but 'deploy' refuses it there.
    static func switched(_ session: Session, to connection: ShellConnection, io: ShellIO) -> Session {
        var session = session
        session.connection = connection
        io.output.message(ConnectionBanner.line(for: connection))
        return session
    }
}

/// `disconnect`.
enum DisconnectCommand {
    static let spec = CommandSpec("disconnect", group: .context, abstract: "Forget the connection", examples: ["disconnect"], handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        session.connection = nil
        io.output.message("Disconnected. 'connect URL' or 'connect sandbox' connects again.")
        return CommandOutcome(session, invalidates: .connection)
    }
}

/// The first stderr line of shell.md §1, and the warning that follows it when the key travels unencrypted.
public enum ConnectionBanner {
    /// At start the sandbox line is shell.md's own (the seed's service account is implied, and it fits 80 columns);
    /// after `connect sandbox as USER` it names the user.
    public static func line(for connection: ShellConnection, atStart: Bool = false) -> String {
        if connection.isSandbox {
            let who = atStart ? "" : " as \(connection.userName)"
            return TerminalText.clean("Using the embedded sandbox (sample application)\(who) — try 'help' or 'tour'")
        }
        return TerminalText.clean("Connected to \(connection.serverURL) (space \(connection.spaceName)) as \(connection.userName)")
    }

    /// One warning for plain http to a host other than loopback, said before connecting (the key goes with every
    /// request, the first included); nil otherwise.
    public static func plainHTTPWarning(server: String) -> String? {
        guard OctopusConnection.sendsKeyInPlainText(server: server) else { return nil }
        return "Warning: \(TerminalText.short(server)) is plain http to another machine: the API key travels unencrypted. Use https."
    }
}

/// `sandbox reset`: re-seeds the embedded sandbox.
enum SandboxCommand {
    static let spec = CommandSpec(
        "sandbox", group: .context, abstract: "The embedded sandbox",
        examples: ["sandbox reset"],
        subcommands: [
            CommandSpec("reset", group: .context, abstract: "Throw away the sandbox's data and seed the sample application again",
                        parameters: [CommandSupport.yesFlag], changesServer: true, handler: reset)
        ],
        handler: nil)

    /// The running embedded sandbox, started when needed.
    static func running(_ session: inout Session) async throws -> any EmbeddedServer {
        if let embedded = session.embedded { return embedded }
        guard let launcher = session.context.launcher else { throw ShellError.notSandbox(command: "connect sandbox") }
        let server = try await launcher.start(database: session.context.paths.sandboxDatabase)
        session.embedded = server
        return server
    }

    static func reset(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        guard session.connection?.isSandbox ?? true, let launcher = session.context.launcher else { throw ShellError.notSandbox(command: "sandbox reset") }
        try await Confirmation.confirm("Reset the sandbox (its deployments and plans are lost)", invocation: invocation, session: session, io: io)
        await session.embedded?.stop()
        session.embedded = nil
        let database = session.context.paths.sandboxDatabase
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let server = try await launcher.start(database: database)
        session.embedded = server
        if session.openPlan != nil { session.closePlan(result: "sandbox reset") }
        let connection = try await ShellConnection.open(server: server.baseURL.absoluteString, apiKey: server.defaultAPIKey, space: nil, origin: .embeddedSandbox)
        session.connection = connection
        io.output.message("The sandbox holds the sample application again.")
        return CommandOutcome(session, invalidates: .connection)
    }
}
