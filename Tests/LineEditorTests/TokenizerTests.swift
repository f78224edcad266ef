import Testing
@testable import LineEditor

@Suite("Tokenizer")
struct TokenizerTests {
    @Test(arguments: [
        ("", []),
        ("use project Web", ["use", "project", "Web"]),
        ("  spaced \t out  ", ["spaced", "out"]),
        ("use project \"Web API\"", ["use", "project", "Web API"]),
        ("use project 'Web API'", ["use", "project", "Web API"]),
        ("use project Web\\ API", ["use", "project", "Web API"]),
        ("a\"b c\"d", ["ab cd"]),
        ("\"\" ''", ["", ""]),
        ("say \"a \\\"quoted\\\" word\"", ["say", "a \"quoted\" word"]),
        ("\"back\\\\slash\" \"kept\\n\"", ["back\\slash", "kept\\n"]),
        ("'no \\escapes'", ["no \\escapes"]),
        ("O\\'Brien\\'s\\ Tools", ["O'Brien's Tools"]),
        ("Café naïve ✓", ["Café", "naïve", "✓"]),
        ("deploy \\\nnow", ["deploy", "now"]),
        ("\"two\nlines\"", ["two\nlines"]),
        ("approve as me  # the team's approvals", ["approve", "as", "me"]),
        ("echo C# '#'", ["echo", "C#", "#"]),
    ] as [(String, [String])])
    func splitsCompleteLines(line: String, words: [String]) throws {
        #expect(try Tokenizer.words(in: line) == words)
    }

    @Test(arguments: [
        ("use \"Web", LineEditorError.unterminatedQuote("\"", line: "use \"Web")),
        ("it's", .unterminatedQuote("'", line: "it's")),
        ("say \"a\\", .unterminatedQuote("\"", line: "say \"a\\")),
        ("trailing\\", .danglingBackslash(line: "trailing\\")),
    ])
    func rejectsIncompleteLines(line: String, error: LineEditorError) {
        #expect(throws: error) { try Tokenizer.words(in: line) }
    }

    @Test(arguments: [
        ("use pro", ["use"], PartialWord(text: "pro", raw: "pro")),
        ("use project ", ["use", "project"], PartialWord()),
        ("use project \"Web A", ["use", "project"], PartialWord(text: "Web A", raw: "\"Web A", openQuote: "\"")),
        ("use project Web\\ ", ["use", "project"], PartialWord(text: "Web ", raw: "Web\\ ")),
        ("use project Web\\", ["use", "project"], PartialWord(text: "Web", raw: "Web\\", endsInEscape: true)),
        ("x 'it", ["x"], PartialWord(text: "it", raw: "'it", openQuote: "'")),
        ("x \"a\\", ["x"], PartialWord(text: "a", raw: "\"a\\", openQuote: "\"", endsInEscape: true)),
        ("\"Web API\"", [], PartialWord(text: "Web API", raw: "\"Web API\"")),
        ("use Café", ["use"], PartialWord(text: "Café", raw: "Café")),
    ] as [(String, [String], PartialWord)])
    func scansTheWordUnderTheCursor(prefix: String, words: [String], partial: PartialWord) {
        let scanned = Tokenizer.scan(prefix)
        #expect(scanned.words == words)
        #expect(scanned.partial == partial)
        #expect(scanned.isComplete == (partial.openQuote == nil && !partial.endsInEscape))
    }

    @Test func scansUpToACursorInTheMiddle() {
        let line = "use project Web API"
        let cursor = line.index(line.startIndex, offsetBy: "use pro".count)
        let scanned = Tokenizer.scan(line, cursor: cursor)
        #expect(scanned.words == ["use"])
        #expect(scanned.partial.text == "pro")
    }

    @Test func countsRawWordsInUnicodeScalars() {
        // "e" + combining acute: two scalars, one character; libedit deletes scalars.
        let partial = Tokenizer.scan("use \"Cafe\u{301} B").partial
        #expect(partial.rawScalarCount == 8)
        #expect(partial.raw.count == 7)
    }

    @Test(arguments: [
        (["use project \"Web", "API\""], "use project \"Web\nAPI\""),
        (["deploy \\", "now"], "deploy now"),
        (["say \"a \\", "b\""], "say \"a b\""),
        (["plain"], "plain"),
        // A comment's apostrophe opens no quote, so the next line is a line of its own.
        (["# the blog's first step"], "# the blog's first step"),
        (["say \"a", "# it's inside the quote\""], "say \"a\n# it's inside the quote\""),
    ])
    func joinsContinuationLines(lines: [String], joined: String) {
        var logical = ContinuedLine()
        let completions = lines.map { logical.append($0) }
        #expect(completions == Array(repeating: false, count: lines.count - 1) + [true])
        #expect(logical.text == joined)
    }
}
