import Foundation

/// The command reference of `docs/shell.md`, generated from the command table so the manual cannot drift from what
/// the shell accepts (a test compares the two).
public enum ManualRenderer {
    /// The marker lines around the generated part of the manual.
    public static let begin = "<!-- BEGIN command reference: generated from the command table; see ManualTests -->"
    public static let end = "<!-- END command reference -->"

    /// The reference, in Markdown.
    public static func reference(_ commands: [CommandSpec]) -> String {
        var text = ""
        for group in CommandSpec.Group.allCases {
            let members = commands.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            text += "\n### \(group.rawValue)\n"
            for command in members { text += section(command, path: command.name) }
        }
        return text
    }

    static func section(_ spec: CommandSpec, path: String) -> String {
        var text = "\n#### `\(path)`\n\n\(spec.abstract).\n"
        if !spec.aliases.isEmpty { text += " Also: \(spec.aliases.map { "`\($0)`" }.joined(separator: ", ")).\n" }
        text += "\n```\n"
        if spec.handler != nil { text += HelpRenderer.usageLine(path, spec) + "\n" }
        for sub in spec.subcommands { text += HelpRenderer.usageLine(path + " " + sub.name, sub) + "\n" }
        text += "```\n"
        let parameters = spec.parameters + spec.subcommands.flatMap(\.parameters)
        var seen = Set<String>()
        // Subcommands repeat shared options; two positionals of one kind (`compare ENV ENV`) differ by their help.
        let rows = parameters.filter { seen.insert($0.usage + "\n" + $0.help).inserted }
        if !rows.isEmpty {
            text += "\n" + rows.map { "- `\($0.bareUsage)`: \($0.help)\n" }.joined()
        }
        let examples = spec.examples + spec.subcommands.flatMap(\.examples).filter { !spec.examples.contains($0) }
        if !examples.isEmpty { text += "\nExamples: " + examples.map { "`\($0)`" }.joined(separator: ", ") + "\n" }
        if !spec.discussion.isEmpty { text += "\n" + spec.discussion + "\n" }
        return text
    }
}
