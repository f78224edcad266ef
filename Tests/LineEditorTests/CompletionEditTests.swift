import Testing
@testable import LineEditor

@Suite("Completion application")
struct CompletionEditTests {
    static let commands = ["deploy", "find", "quit", "show", "status", "use", "wait", "whatif"]
    static let projects = ["Café Backend", "Database", "O'Brien's Tools", "Web API", "Web UI"]

    @Test(arguments: [
        // unique match: completed and followed by a space
        ("fi", commands, "find "),
        // several matches that add nothing: the line is unchanged (the second Tab lists them)
        ("w", commands, "w"),
        ("s", commands, "s"),
        // common prefix
        ("dep", ["deploy", "deployments"], "deploy"),
        ("use project W", projects, "use project Web\\ "),
        // backslash style kept
        ("use project Web\\ A", projects, "use project Web\\ API "),
        ("use project Web\\", projects, "use project Web\\ "),
        // double quotes kept, closed on a unique match
        ("use project \"W", projects, "use project \"Web "),
        ("use project \"Web U", projects, "use project \"Web UI\" "),
        ("use project \"Web UI\"", projects, "use project \"Web UI\" "),
        // single quotes kept, except around a name holding a single quote
        ("use project 'W", projects, "use project 'Web "),
        ("use project 'Web A", projects, "use project 'Web API' "),
        ("use project 'O", projects, "use project O\\'Brien\\'s\\ Tools "),
        ("use project O", projects, "use project O\\'Brien\\'s\\ Tools "),
        ("use project \"O", projects, "use project \"O'Brien's Tools\" "),
        // UTF-8
        ("use project Ca", projects, "use project Café\\ Backend "),
        ("use project \"Caf", projects, "use project \"Café Backend\" "),
        ("use project Cafe\u{301}", projects, "use project Café\\ Backend "),
        ("C", ["Café Backend", "Café Frontend"], "Café\\ "),
        ("", ["naïve"], "naïve "),
        // nothing matches, duplicates collapse
        ("x", commands, "x"),
        ("use project W", ["Web API", "Web API"], "use project Web\\ API "),
    ] as [(String, [String], String)])
    func appliesLikeBash(prefix: String, candidates: [String], completed: String) {
        let edit = CompletionEdit(CompletionProposal(lineBeforeCursor: prefix) { _ in candidates })
        #expect(edit.applied(to: prefix) == completed)
        #expect(edit.changesLine == (prefix != completed))
    }

    @Test func reportsMatchesAndScalarCounts() {
        let edit = CompletionEdit(CompletionProposal(lineBeforeCursor: "use project \"Café B") { _ in Self.projects })
        #expect(edit.matches == ["Café Backend"])
        #expect(edit.deleteScalars == 7)
        #expect(edit.insertion == "\"Café Backend\" ")

        let ambiguous = CompletionEdit(CompletionProposal(lineBeforeCursor: "w") { _ in Self.commands })
        #expect(ambiguous.matches == ["wait", "whatif"])
        #expect(!ambiguous.changesLine)
    }

    @Test func passesTheFinishedWordsToTheCandidates() {
        var seen: [String] = []
        _ = CompletionProposal(lineBeforeCursor: "use project \"We") { words in
            seen = words
            return []
        }
        #expect(seen == ["use", "project"])
    }

    @Test(arguments: ["", "\"", "'"], projects)
    func completedNamesParseBack(opening: String, name: String) throws {
        let prefix = "use project " + opening
        let completed = CompletionEdit(CompletionProposal(lineBeforeCursor: prefix) { _ in [name] }).applied(to: prefix)
        #expect(try Tokenizer.words(in: completed) == ["use", "project", name])
    }

    @Test(arguments: [
        (["wait", "whatif"], 80, ["wait    whatif"]),
        (["a", "bb", "ccc", "dddd", "e"], 12, ["a     dddd", "bb    e", "ccc"]),
        (["Web UI", "Web API"], 80, ["Web API  Web UI"]),
        (["Café", "Cafe"], 80, ["Cafe  Café"]),
        (["only"], 3, ["only"]),
        ([], 80, []),
    ] as [([String], Int, [String])])
    func listsCandidatesInColumns(names: [String], width: Int, rows: [String]) {
        #expect(CandidateColumns.rows(names, width: width) == rows)
    }
}
