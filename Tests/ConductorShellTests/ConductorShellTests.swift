import Testing
@testable import ConductorShell

/// The command table holds together: unique words, examples that parse, help for every command.
@Suite struct CommandTableTests {
    static let parser = CommandParser(commands: CommandTable.all)

    @Test func commandWordsAndAliasesAreUnique() {
        let words = CommandTable.all.flatMap(\.words)
        #expect(Set(words).count == words.count, "duplicated: \(words.filter { word in words.filter { $0 == word }.count > 1 })")
    }

    @Test func subcommandWordsAreUniqueWithinTheirCommand() {
        for command in CommandTable.all {
            let words = command.subcommands.flatMap(\.words)
            #expect(Set(words).count == words.count, "\(command.name): \(words)")
        }
    }

    /// Every example of every command (and subcommand) parses to that command.
    @Test(arguments: CommandTable.all.flatMap { command in
        ([command] + command.subcommands).flatMap { spec in spec.examples.map { NamedLine(line: $0, command: command.name) } }
    })
    func examplesParse(_ example: NamedLine) throws {
        let invocation = try #require(try Self.parser.parse(line: example.line))
        #expect(invocation.path.first == example.command)
    }

    /// The tour suggests only lines that parse.
    @Test(arguments: TourCommand.steps.map { NamedLine(line: $0.command, command: String($0.command.split(separator: " ")[0])) })
    func tourLinesParse(_ step: NamedLine) throws {
        #expect(try Self.parser.parse(line: step.line)?.path.first == step.command)
    }

    /// The tour looks before it acts (`status` right after choosing the application) and shows who must act
    /// (`interventions`) before looking back (`history`).
    @Test func tourShowsStatusAndInterventions() {
        let commands = TourCommand.steps.map(\.command)
        #expect(commands.firstIndex(of: "status") == commands.firstIndex(of: "use parent \"Release Orchestration\"").map { $0 + 1 })
        #expect(commands.firstIndex(of: "interventions") == commands.firstIndex(of: "history").map { $0 - 1 })
        #expect(commands.firstIndex(of: "interventions") != nil)
    }

    @Test func everyCommandHasAbstractAndHelp() {
        for command in CommandTable.all {
            #expect(!command.abstract.isEmpty, "\(command.name)")
            let help = HelpRenderer.command(command, path: command.name, style: Style(enabled: false))
            #expect(help.contains("Usage:"), "\(command.name)")
        }
    }

    @Test func helpOverviewListsEveryCommand() {
        let overview = HelpRenderer.overview(CommandTable.all, style: Style(enabled: false))
        for command in CommandTable.all { #expect(overview.contains("  \(command.name) "), "\(command.name)") }
    }
}

/// A line and the command it names, shown by name in the test list.
struct NamedLine: CustomTestStringConvertible, Sendable {
    var line: String
    var command: String
    var testDescription: String { line }
}
