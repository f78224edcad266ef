import Foundation

/// `help` and `help COMMAND`, generated from the command table: examples first (house style), then the usage,
/// the parameters and the subcommands.
public enum HelpRenderer {
    /// The usage line of a command: `find [to ENV] [from ENV] …`.
    public static func usageLine(_ name: String, _ spec: CommandSpec) -> String {
        var parts = [name]
        if !spec.subcommands.isEmpty {
            parts.append(spec.handler == nil ? spec.subcommands.map(\.name).joined(separator: "|") : "[\(spec.subcommands.map(\.name).joined(separator: "|"))]")
        }
        if !spec.parameters.isEmpty { parts.append(spec.parameterUsage) }
        return parts.joined(separator: " ")
    }

    /// The overview: every command by group, one line each.
    public static func overview(_ commands: [CommandSpec], style: Style) -> String {
        var text = "Conductor promotes an application's projects through their environments, step by step.\n"
        text += "A first session: use parent \"Release Orchestration\"; find to Staging; whatif; approve; deploy; wait.\n"
        for group in CommandSpec.Group.allCases {
            let members = commands.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            text += "\n" + style.bold(group.rawValue) + "\n"
            let rows = members.map { spec -> [String] in
                let aliases = spec.aliases.isEmpty ? "" : " (also \(spec.aliases.joined(separator: ", ")))"
                return ["  " + spec.name, spec.abstract + aliases]
            }
            text += TableLayout(header: ["", ""], rows: rows).render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        }
        text += "\nType 'help COMMAND' for its examples and arguments, 'tour' for a guided walk through the blog's scenario.\n"
        return text
    }

    /// The help of one command (`path` as typed, e.g. `["plan", "save"]`).
    public static func command(_ spec: CommandSpec, path: String, style: Style) -> String {
        var text = style.bold(path) + " — " + spec.abstract + "\n"
        if !spec.examples.isEmpty {
            text += "\nExamples:\n" + spec.examples.map { "  \($0)\n" }.joined()
        }
        text += "\nUsage:\n"
        if spec.handler != nil { text += "  \(usageLine(path, spec))\n" }
        for sub in spec.subcommands { text += "  \(usageLine(path + " " + sub.name, sub))\n" }
        let parameters = spec.parameters
        if !parameters.isEmpty {
            let rows = parameters.map { ["  " + $0.bareUsage, $0.help] }
            text += "\nArguments:\n" + TableLayout(header: ["", ""], rows: rows).render().split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        }
        if !spec.subcommands.isEmpty {
            let rows = spec.subcommands.map { ["  " + $0.name, $0.abstract] }
            text += "\nSubcommands:\n" + TableLayout(header: ["", ""], rows: rows).render().split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
        }
        if !spec.aliases.isEmpty { text += "\nAlso: \(spec.aliases.joined(separator: ", "))\n" }
        if !spec.discussion.isEmpty { text += "\n" + spec.discussion + "\n" }
        return text
    }
}
