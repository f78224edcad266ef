import Foundation
import Orchestration
/// `set NAME VALUE`: a session variable (shell.md §4), checked against its kind.
enum SetCommand {
    static let spec = CommandSpec(
        "set", group: .context, abstract: "Set a session variable (pattern, to, mode, timeout, output, …)",
        examples: ["set pattern 2021.1.0.*", "set to Staging", "set mode always-latest", "set variable.Database.MigrationMode Offline"],
        parameters: [
            .positional("name", .settingName, required: true, help: "The variable (see 'show')"),
            .positional("value", .settingValue, required: true, rest: true, help: "Its value"),
        ],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let name = invocation["name"] ?? ""
        let before = session.settings[name]
        try session.settings.set(name, invocation["value"] ?? "")
        if let spec = SettingSpec.named(name), spec.affectsPlan, before != session.settings[name] {
            session.markPlanStale("'\(name)' changed")
        }
        return CommandOutcome(session)
    }
}

/// `unset NAME`: back to the default.
enum UnsetCommand {
    static let spec = CommandSpec(
        "unset", group: .context, abstract: "Clear a session variable (back to its default)",
        examples: ["unset pattern"],
        parameters: [.positional("name", .settingName, required: true, help: "The variable")],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let name = invocation["name"] ?? ""
        let before = session.settings[name]
        try session.settings.unset(name)
        if let spec = SettingSpec.named(name), spec.affectsPlan, before != nil { session.markPlanStale("'\(name)' changed") }
        return CommandOutcome(session)
    }
}

/// `show [NAME]`: the variables, the connection (the key masked) and the application.
enum ShowCommand {
    static let spec = CommandSpec(
        "show", group: .context, abstract: "Show session variables, the connection and the application",
        examples: ["show", "show pattern"],
        parameters: [.positional("name", .settingName, help: "One variable (all when omitted)")],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        if let name = invocation["name"] {
            guard let spec = SettingSpec.named(name) else {
                throw ShellError.unknownSetting(name, suggestions: NameSuggestions.closest(to: name, among: SettingSpec.all.map(\.name)))
            }
            io.output.write(TerminalText.clean(session.settings[name] ?? "\(spec.defaultText) (default)") + "\n")
            return CommandOutcome(session)
        }
        var rows: [[String]] = []
        if let connection = session.connection {
            rows.append(["server", connection.isSandbox ? "\(connection.serverURL) (embedded sandbox)" : connection.serverURL])
            rows.append(["space", connection.spaceName])
            rows.append(["user", connection.userName])
            rows.append(["api-key", connection.maskedKey])
        } else {
            rows.append(["server", "not connected"])
        }
        rows.append(["application", session.application.map { $0.notation + (session.applicationSource.map { " (from \($0))" } ?? "") } ?? "none"])
        for spec in SettingSpec.all {
            rows.append([spec.name, session.settings[spec.name] ?? "\(spec.defaultText) (default)"])
        }
        for variable in session.settings.promptedVariables { rows.append(["variable.\(variable.name)", variable.value]) }
        if let plan = session.openPlan {
            rows.append(["plan", "\(plan.plan.id.uuidString.prefix(8)) to \(plan.plan.destination.name): \(plan.staleReason.map { "stale (\($0))" } ?? PromptRenderer.stepName(plan.plan.step))"])
        }
        io.output.write(TerminalText.clean(TableLayout(header: ["NAME", "VALUE"], rows: rows).render(style: io.style)))
        return CommandOutcome(session)
    }
}
