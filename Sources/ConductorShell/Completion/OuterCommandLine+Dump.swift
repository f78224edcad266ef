import Foundation

/// The command line read from ArgumentParser's own description of it (`--experimental-dump-help`, the tool-info
/// JSON): every subcommand and option the executable declares completes, and none is listed by hand.
extension OuterCommandLine {
    /// What Tab completes after an option no session variable is named like.
    static let kindsByOption: [String: ValueKind] = [
        "project": .project, "projects": .stages, "release": .releasePattern, "server": .url, "space": .space,
        "profile": .profile, "at": .time, "f": .file, "data": .file, "port": .count,
    ]
    /// Options every command has, left out of the lists.
    static let omitted: Set<String> = ["help", "version"]

    /// Reads the tool-info JSON; the default subcommand's options are the root's.
    public init(dump: Data) throws {
        let root = try JSONDecoder().decode(ToolInfo.self, from: dump).command
        let subcommands = (root.subcommands ?? []).filter(\.isShown).map(Self.subcommand)
        let defaultName = root.defaultSubcommand ?? ""
        self.init(root: subcommands.first { $0.name == defaultName } ?? Subcommand("", abstract: ""), subcommands: subcommands)
    }

    static func subcommand(_ command: ToolInfo.Command) -> Subcommand {
        let options = (command.arguments ?? []).compactMap(option)
        let nested = (command.subcommands ?? []).filter(\.isShown).map(subcommand)
        let values = command.arguments?.first { $0.kind == "positional" }?.allValues ?? []
        return Subcommand(command.commandName, abstract: command.abstract ?? "", options: options, subcommands: nested, values: values)
    }

    private static func option(_ argument: ToolInfo.Argument) -> Option? {
        guard argument.kind != "positional", argument.shouldDisplay != false else { return nil }
        let names = argument.names ?? []
        let long = names.first { $0.kind == "long" }?.name
        let short = names.first { $0.kind == "short" }?.name.first
        guard let name = long ?? short.map(String.init), !omitted.contains(name) else { return nil }
        let help = argument.abstract ?? ""
        if argument.kind == "flag" { return Option(name, short: long == nil ? nil : short, nil, help: help) }
        let kind = kindsByOption[name] ?? SettingSpec.named(name)?.kind ?? argument.allValues.map { .choice($0) } ?? .text
        return Option(name, short: long == nil ? nil : short, kind, help: help)
    }

    /// The part of ArgumentParser's tool-info format this reads.
    struct ToolInfo: Decodable {
        struct Command: Decodable {
            var commandName: String
            var abstract: String?
            var shouldDisplay: Bool?
            var defaultSubcommand: String?
            var subcommands: [Command]?
            var arguments: [Argument]?
            var isShown: Bool { shouldDisplay != false }
        }

        struct Argument: Decodable {
            struct Name: Decodable {
                var kind: String
                var name: String
            }

            var kind: String
            var shouldDisplay: Bool?
            var names: [Name]?
            var abstract: String?
            var allValues: [String]?
        }

        var command: Command
    }
}

extension OuterCommandLine.Subcommand {
    /// One command's own tool-info JSON (`SomeCommand._dumpHelp()`, nested subcommands included): `__complete`
    /// describes only the subcommand on the line, since reflecting every command costs more than the rest of a Tab.
    public init(dump: Data) throws {
        self = OuterCommandLine.subcommand(try JSONDecoder().decode(OuterCommandLine.ToolInfo.self, from: dump).command)
        // Described on its own, a command is a root, and ArgumentParser gives a root a `help` subcommand.
        subcommands.removeAll { OuterCommandLine.omitted.contains($0.name) }
    }
}
