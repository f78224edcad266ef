import Testing
@testable import ConductorShell

/// Words → invocation, or the exact error message the user sees.
@Suite struct CommandParserTests {
    static let parser = CommandParser(commands: CommandTable.all)

    struct Parsed: CustomTestStringConvertible, Sendable {
        var line: String
        var path: [String]
        var values: [String: String]
        var flags: Set<String> = []
        var testDescription: String { line }
    }

    @Test(arguments: [
        Parsed(line: "find to Staging", path: ["find"], values: ["to": "Staging"]),
        Parsed(line: "find to Production from Staging release 2021.1.* channel Default tenant \"Acme Corp\"", path: ["find"],
               values: ["to": "Production", "from": "Staging", "release": "2021.1.*", "channel": "Default", "tenant": "Acme Corp"]),
        Parsed(line: "find release 2021.1.0.* to Staging -o json", path: ["find"], values: ["release": "2021.1.0.*", "to": "Staging", "output": "json"]),
        Parsed(line: "whatif --save plan.json", path: ["whatif"], values: ["save": "plan.json"]),
        Parsed(line: "what-if", path: ["whatif"], values: [:]),
        Parsed(line: "approve", path: ["approve"], values: [:]),
        Parsed(line: "approve as me", path: ["approve", "as"], values: ["who": "me"]),
        Parsed(line: "approve from \"Release Orchestration\" 2021.1.0 in \"Prod Approval\"", path: ["approve", "from"],
               values: ["parent": "Release Orchestration", "release": "2021.1.0", "in": "Prod Approval"]),
        Parsed(line: "schedule tomorrow 19:00", path: ["schedule"], values: ["time": "tomorrow 19:00"]),
        Parsed(line: "schedule +2h until +3h", path: ["schedule"], values: ["time": "+2h", "until": "+3h"]),
        Parsed(line: "deploy --yes", path: ["deploy"], values: [:], flags: ["yes"]),
        Parsed(line: "deploy -y", path: ["deploy"], values: [:], flags: ["yes"]),
        Parsed(line: "deploy \"Web API\" 2021.1.0.14 to Staging", path: ["deploy"], values: ["project": "Web API", "version": "2021.1.0.14", "to": "Staging"]),
        Parsed(line: "wait --timeout 45m", path: ["wait"], values: ["timeout": "45m"]),
        Parsed(line: "wait --timeout=90s", path: ["wait"], values: ["timeout": "90s"]),
        Parsed(line: "plan save tonight.json", path: ["plan", "save"], values: ["file": "tonight.json"]),
        Parsed(line: "plan", path: ["plan"], values: [:]),
        Parsed(line: "promote \"Web API\" from Test to Staging --yes", path: ["promote"], values: ["project": "Web API", "from": "Test", "to": "Staging"], flags: ["yes"]),
        Parsed(line: "use projects Database then \"Web API\", \"Scheduling Service\" then \"Web UI\"", path: ["use", "projects"],
               values: ["stages": "Database then Web API, Scheduling Service then Web UI"]),
        Parsed(line: "use parent \"Release Orchestration\"", path: ["use", "parent"], values: ["project": "Release Orchestration"]),
        Parsed(line: "set pattern 2021.1.0.*", path: ["set"], values: ["name": "pattern", "value": "2021.1.0.*"]),
        Parsed(line: "set variable.Notes hello world", path: ["set"], values: ["name": "variable.Notes", "value": "hello world"]),
        Parsed(line: "connect sandbox as \"Wes Admin\"", path: ["connect", "sandbox"], values: ["as": "Wes Admin"]),
        Parsed(line: "connect https://octopus.example.com --space Default", path: ["connect"], values: ["url": "https://octopus.example.com", "space": "Default"]),
        Parsed(line: "exit", path: ["quit"], values: [:]),
        Parsed(line: "help plan save", path: ["help"], values: ["command": "plan save"]),
        Parsed(line: "status Database \"Web UI\" -o json", path: ["status"], values: ["projects": "Database Web UI", "output": "json"]),
        Parsed(line: "echo a -b", path: ["echo"], values: ["text": "a -b"]),
    ])
    func parses(_ expected: Parsed) throws {
        let invocation = try #require(try Self.parser.parse(line: expected.line))
        #expect(invocation.path == expected.path)
        #expect(invocation.values == expected.values)
        #expect(invocation.flags == expected.flags)
    }

    @Test func aRestPositionalKeepsItsSeparateWords() throws {
        let invocation = try #require(try Self.parser.parse(line: "status Database \"Web UI\" -o json"))
        #expect(invocation.lists["projects"] == ["Database", "Web UI"])
    }

    struct Rejected: CustomTestStringConvertible, Sendable {
        var line: String
        var message: String
        var testDescription: String { line }
    }

    @Test(arguments: [
        Rejected(line: "depoy", message: "Unknown command 'depoy'. Did you mean 'deploy'?"),
        Rejected(line: "frobnicate", message: "Unknown command 'frobnicate'. Type 'help' for the commands."),
        Rejected(line: "use", message: "'use' needs one of: projects, parent, group, application, space."),
        Rejected(line: "set pattern", message: "'set' needs VALUE…."),
        Rejected(line: "find to", message: "'to ENV' of 'find' has no value."),
        Rejected(line: "find Staging", message: "'find' does not take 'Staging'."),
        Rejected(line: "deploy --yse", message: "Unknown option '--yse' for 'deploy'. Did you mean '--yes'?"),
        Rejected(line: "wait --timeout soon", message: "Invalid value 'soon' for --timeout DURATION of 'wait': use seconds (1800) or a duration such as 90s, 30m, 2h or 1h30m, at most 7 days."),
        Rejected(line: "wait --timeout -5", message: "Invalid value '-5' for --timeout DURATION of 'wait': use seconds (1800) or a duration such as 90s, 30m, 2h or 1h30m, at most 7 days."),
        Rejected(line: "find release 2021.[1", message: "Invalid value '2021.[1' for release PATTERN of 'find': use '*' for any text and '?' for one character, e.g. '2021.1.*'."),
        Rejected(line: "find to A to B", message: "to ENV is given twice to 'find'."),
        Rejected(line: "approve as you", message: "Invalid value 'you' for WHO of 'approve as': use 'me'."),
        Rejected(line: "find to \"Staging", message: "The line ends inside a double quote. Close it with \"."),
        Rejected(line: "history --limit 0", message: "Invalid value '0' for --limit N of 'history': give a whole number from 1 to 100000."),
    ])
    func rejects(_ expected: Rejected) {
        do {
            _ = try Self.parser.parse(line: expected.line)
            Issue.record("\(expected.line) parsed")
        } catch {
            #expect(ErrorRenderer.render(error, on: .interactive).message == expected.message)
        }
    }

    @Test(arguments: [
        ("find to Staging; whatif", ["find to Staging", "whatif"]),
        ("echo 'a;b' ; echo c", ["echo 'a;b'", "echo c"]),
        ("find to Staging # the first step", ["find to Staging"]),
        ("# only a comment", []),
        ("echo C#", ["echo C#"]),
        ("echo \"x # y\"", ["echo \"x # y\""]),
        ("  ;; ", []),
    ])
    func splitsStatements(line: String, statements: [String]) {
        #expect(StatementSplitter.statements(in: line) == statements)
    }
}
