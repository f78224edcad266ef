import Foundation
import LineEditor
import Testing
@testable import ConductorShell

/// The completer's case tables: slots by value kind, ranking tiers, quoting, and every prefix of every example.
@Suite struct CompleterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var expected: [String]
        var testDescription: String { line.isEmpty ? "(empty line)" : line }
        init(_ line: String, _ expected: [String]) {
            self.line = line
            self.expected = expected
        }
    }

    @Test(arguments: [
        Case("fi", ["find"]),
        Case("find to St", ["Staging"]),
        Case("find to ", ["Development", "Test", "Staging", "Production"]),
        Case("find from Te", ["Test"]),
        Case("find tenant ", ["Acme Corp", "Globex"]),
        Case("find to Staging ch", ["channel"]),
        Case("find channel ", ["Default", "Hotfix"]),
        Case("use pa", ["parent"]),
        Case("use projects We", ["Web API", "Web UI"]),
        Case("use projects Database then Web", ["Web API", "Web UI"]),
        Case("use projects Database, \"Web API\" then Web", ["Web UI"]),
        Case("use projects Database ", ["Web API", "Scheduling Service", "Web UI", "Café Backend", "O'Brien Tools", "Release Orchestration", "Say \"Hi\"", "webhooks", "then"]),
        Case("use group S", ["Sample Application"]),
        Case("use space Sec", ["Second Space"]),
        Case("use application ", ["sample"]),
        Case("use parent Rel", ["Release Orchestration"]),
        Case("set mo", ["mode"]),
        Case("set mode ", ["promote", "redeploy", "always-latest"]),
        Case("set output ", ["table", "json", "basic"]),
        Case("set auto-approve ", ["on", "off"]),
        Case("set on-missing s", ["skip"]),
        Case("set time-zone Europe/Lond", ["Europe/London"]),
        Case("set to Prod", ["Production"]),
        Case("set parent Release", ["Release Orchestration"]),
        Case("connect sandbox as W", ["Wes Admin"]),
        Case("connect sandbox ", ["as"]),
        Case("deploy \"Web API\" 2021.1.0.1", ["2021.1.0.15", "2021.1.0.14", "2021.1.0.1"]),
        Case("promote \"Web API\" from Test to Sta", ["Staging"]),
        Case("deploy --", ["--yes", "--output"]),
        Case("help fi", ["find"]),
        Case("echo Web", []),
        Case("nonsense We", []),
        Case("find # a comment", []),
        Case("set pattern 2020", ["2020.4.0.9"]),
        Case("show; find to Dev", ["Development"]),
        Case("status Database W", ["Web API", "Web UI"]),
        Case("status Database \"Web API\" Da", []),
        Case("compare Staging Pro", ["Production"]),
        Case("releases \"Web API\" 2021.1.0.1", ["2021.1.0.15", "2021.1.0.14", "2021.1.0.1"]),
        Case("notes \"Web API\" 2020", ["2020.4.0.9"]),
        Case("tasks Web", ["Web API", "Web UI"]),
        Case("tasks --a", ["--active"]),
        Case("log Ser", ["ServerTasks-12"]),
        Case("cancel ", ["ServerTasks-12"]),
        Case("respond Int", ["Interruptions-3"]),
        Case("respond Interruptions-3 ", ["proceed", "abort"]),
        Case("interventions --", ["--mine", "--output"]),
    ])
    func slots(_ test: Case) {
        #expect(CompletionFixture.values(test.line) == test.expected)
    }

    /// Every parameter of every command in the table is reachable, and completes from its kind's list: a command
    /// added to the table completes without a change to the completer.
    @Test func everySlotOfEveryCommandCompletesFromItsKind() {
        let completer = CompletionFixture.completer
        let snapshot = CompletionFixture.snapshot
        let context = CompletionFixture.context
        var checked = 0
        func visit(_ spec: CommandSpec, path: [String]) {
            let words = path
            for sub in spec.subcommands { visit(sub, path: words + [sub.name]) }
            var filled: [String] = []
            for parameter in spec.parameters {
                let line: String
                switch parameter.form {
                case .keyword(let word): line = (words + [word]).joined(separator: " ") + " "
                case .option(let name, _): line = (words + ["--" + name]).joined(separator: " ") + " "
                case .flag: continue
                case .positional:
                    line = (words + filled).joined(separator: " ") + " "
                    filled.append(Self.sample(for: parameter.kind))
                }
                var facts = LineFacts()
                facts.project = filled.first.flatMap { snapshot.group(ofProject: $0) != nil ? $0 : nil }
                if parameter.kind == .settingValue { continue }
                let expected = completer.values(parameter.kind, facts: facts, typed: "", snapshot: snapshot, context: context).map(\.value)
                let got = completer.complete(line, snapshot: snapshot, context: context).values
                #expect(Set(expected).isSubset(of: Set(got)), "\(line) → \(got), expected \(expected)")
                if [.project, .environment, .tenant, .projectGroup, .settingName, .sandboxUser, .space].contains(parameter.kind) {
                    #expect(!got.isEmpty, "\(line)")
                }
                checked += 1
            }
        }
        for spec in CommandTable.all { visit(spec, path: [spec.name]) }
        #expect(checked > 20)
    }

    static func sample(for kind: ValueKind) -> String {
        switch kind {
        case .project: "\"Web API\""
        case .settingName: "mode"
        case .environment: "Staging"
        case .version, .releasePattern: "2021.1.0.15"
        default: "x"
        }
    }

    @Test func environmentsPutThePlansNextOneFirstAndSayWhere() {
        var context = CompletionFixture.context
        context.nextEnvironment = "staging"
        let result = CompletionFixture.completer.complete("find to ", snapshot: CompletionFixture.snapshot, context: context)
        #expect(result.values == ["Staging", "Development", "Test", "Production"])
        #expect(result.candidates.first?.description == "next")
        #expect(result.candidates.last?.description == "4 of 4")
    }

    @Test func releasesMatchingThePatternComeFirstWithChannelAndAge() {
        var context = CompletionFixture.context
        context.pattern = "2020.*"
        let result = CompletionFixture.completer.complete("deploy \"Web API\" ", snapshot: CompletionFixture.snapshot, context: context)
        #expect(result.values.prefix(2) == ["2020.4.0.9", "2021.1.0.15"])
        #expect(result.candidates[1].description == "Default, 1 h ago")
    }

    @Test func theApplicationsProjectsComeFirst() {
        let values = CompletionFixture.values("use parent ")
        #expect(Array(values.prefix(4)) == ["Database", "Web API", "Scheduling Service", "Web UI"])
        #expect(values.count == CompletionFixture.snapshot.projects.count)
    }

    @Test func unknownReleasesAreAskedFor() {
        let result = CompletionFixture.completer.complete("deploy Database ", snapshot: CompletionFixture.snapshot, context: CompletionFixture.context)
        #expect(result.wantsReleasesOf == ["Database"])
    }

    // MARK: - Ranking

    @Test(arguments: [
        ("We", ["Web API", "Web UI"]),              // case-sensitive prefix beats the case-insensitive "webhooks"
        ("we", ["webhooks"]),
        ("WE", ["Web API", "Web UI", "webhooks"]),  // only case-insensitive prefixes
        ("API", ["Web API"]),                       // substring
        ("api", ["Web API"]),                       // substring, ignoring case
        ("WbA", ["Web API"]),                       // subsequence
        ("dtb", ["Database"]),                      // subsequence, ignoring case
        ("zz", []),
    ])
    func rankingTiers(_ typed: String, _ expected: [String]) {
        #expect(CompletionFixture.values("use parent \(typed)").filter { !$0.hasPrefix("Café") } == expected)
    }

    @Test func theCaseInsensitiveTiersIgnoreAccents() {
        #expect(CompletionFixture.values("use parent cafe") == ["Café Backend"])
        #expect(CompletionFixture.values("use parent CAFÉ") == ["Café Backend"])
        #expect(CompletionRanking.folded("Ça Élan ß") == Array("ca elan ss".unicodeScalars))
    }

    /// The folded names are kept with each list and made anew when it changes: never an old list's.
    @Test func aChangedListIsRankedByItsOwnFoldedNames() {
        var snapshot = CompletionFixture.snapshot
        let completer = CompletionFixture.completer
        func values(_ line: String) -> [String] { completer.complete(line, snapshot: snapshot, context: CompletionFixture.context).values }
        snapshot.environments = ["Café", "Test"]
        #expect(values("find to cafe") == ["Café"])
        let before = snapshot
        snapshot.environments = ["Crème", "Test"]
        #expect(values("find to creme") == ["Crème"])
        #expect(values("find to cafe").isEmpty)
        #expect(completer.complete("find to cafe", snapshot: before, context: CompletionFixture.context).values == ["Café"])
        snapshot.tenants.append("Ümlaut Tenant")
        #expect(values("find tenant umlaut") == ["Ümlaut Tenant"])
        snapshot.projects[0].name = "Zoë Tools"
        #expect(values("use parent zoe") == ["Zoë Tools"])
    }

    @Test func anExactMatchKeepsTheCallersOrder() {
        let candidates = ["Test Runner", "Test", "Testing", "Contest"].map { CompletionCandidate($0) }
        #expect(CompletionRanking.best(candidates, for: "Test").map(\.value) == ["Test Runner", "Test", "Testing"])
    }

    // MARK: - Quoting (the line editor's edit of the completer's proposal)

    @Test(arguments: [
        ("use projects We", "use projects Web\\ "),
        ("use projects \"Web A", "use projects \"Web API\" "),
        ("use projects 'Sched", "use projects 'Scheduling Service' "),
        ("use projects Sched", "use projects Scheduling\\ Service "),
        ("use projects Caf", "use projects Café\\ Backend "),
        ("use projects \"Caf", "use projects \"Café Backend\" "),
        ("use projects O", "use projects O\\'Brien\\ Tools "),
        ("use projects 'O", "use projects O\\'Brien\\ Tools "),
        ("use projects Say", "use projects Say\\ \\\"Hi\\\" "),
        ("use projects \"Say", "use projects \"Say \\\"Hi\\\"\" "),
        ("find to st", "find to Staging "),
        ("use parent api", "use parent Web\\ API "),
    ])
    func quoting(_ line: String, _ expected: String) {
        let proposal = CompletionFixture.completer.proposal(line, snapshot: CompletionFixture.snapshot, context: CompletionFixture.context)
        #expect(CompletionEdit(proposal).applied(to: line) == expected)
    }

    @Test func theListingKeepsTheRankedOrder() {
        let line = "deploy \"Web API\" 2021.1.0.1"
        let edit = CompletionEdit(CompletionFixture.completer.proposal(line, snapshot: CompletionFixture.snapshot, context: CompletionFixture.context))
        #expect(edit.matches == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.1"])
        #expect(edit.isOrdered)
        #expect(CandidateColumns.rows(["b", "a"], width: 80, keepingOrder: true) == ["b  a"])
    }

    // MARK: - Never crashes, always answers

    @Test func everyPrefixOfEveryExampleAnswers() throws {
        var lines = CommandTable.all.flatMap { Self.examples(of: $0) }
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path) where name.hasSuffix(".cond") {
            let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        #expect(lines.count > 30)
        var answered = 0
        for line in lines {
            var prefix = ""
            for character in line {
                prefix.append(character)
                let result = CompletionFixture.completer.complete(prefix, snapshot: CompletionFixture.snapshot, context: CompletionFixture.context)
                let proposal = CompletionFixture.completer.proposal(prefix, result: result)
                _ = CompletionEdit(proposal).applied(to: prefix)
                answered += 1
            }
        }
        #expect(answered > 500)
    }

    static func examples(of spec: CommandSpec) -> [String] {
        spec.examples + spec.subcommands.flatMap { examples(of: $0) }
    }
}
