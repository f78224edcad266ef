import Testing
@testable import LineEditor

#if canImport(Glibc)
import Glibc
#endif

@Suite("Prompts, history policy, plain reading, scripted editor, errors")
struct LineEditorSupportTests {
    @Test(arguments: [
        ("probe> ", "probe> "),
        ("\u{1B}[1;32mprobe>\u{1B}[0m ", "\u{1}\u{1B}[1;32m\u{1}probe>\u{1}\u{1B}[0m\u{1} "),
        ("\u{1B}[1m\u{1B}[31mProd\u{1B}[0m> ", "\u{1}\u{1B}[1m\u{1B}[31m\u{1}Prod\u{1}\u{1B}[0m\u{1}> "),
        ("a\u{1}b", "ab"),
        ("Café → Staging> ", "Café → Staging> "),
    ])
    func bracketsEscapeSequencesInPrompts(prompt: String, bracketed: String) {
        #expect(PromptEscapes.bracketed(prompt) == bracketed)
    }

    @Test(arguments: [
        ("find", "find"),
        ("use project Web\\ API ", "use project Web\\ API"),
        (" secret typed with a leading space", nil),
        ("\tindented", nil),
        ("", nil),
        ("set password hunter2", nil),
    ] as [(String, String?)])
    func filtersAndTrimsHistoryEntries(line: String, entry: String?) {
        let policy = HistoryPolicy { HistoryPolicy.skipsLeadingSpace($0) && !$0.contains("password") }
        #expect(policy.entry(for: line) == entry)
    }

    @Test func readsPipedLinesWithContinuationsAndCRLF() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let input = "a\r\nb \"c\nd\"\ndeploy \\\nnow\n\nnaïve\nlast without newline"
        let written = input.utf8CString.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count - 1) }
        #expect(written == input.utf8.count)
        close(descriptors[1])
        defer { close(descriptors[0]) }

        let reader = PlainLineReader(fileDescriptor: descriptors[0])
        let lines = (0..<7).map { _ in reader.readLine("ignored> ") }
        #expect(lines == [
            .line("a"), .line("b \"c\nd\""), .line("deploy now"), .line(""), .line("naïve"),
            .line("last without newline"), .endOfInput,
        ])
    }

    @Test func returnsAnUnfinishedQuoteAtTheEndOfPipedInput() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let input = "use \"Web\n"
        _ = input.utf8CString.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count - 1) }
        close(descriptors[1])
        defer { close(descriptors[0]) }

        let reader = PlainLineReader(fileDescriptor: descriptors[0])
        #expect(reader.readLine("> ") == .line("use \"Web"))
        #expect(reader.readLine("> ") == .endOfInput)
    }

    @Test func scriptedEditorRecordsPromptsAndFilteredHistory() {
        let editor = ScriptedLineEditor(
            [.line("find"), .line(" hidden"), .line("find"), .interrupted, .line("status ")],
            history: HistoryPolicy(limit: 2)
        )
        let prompt = Prompt("c> ", continuation: "... ")
        let inputs = (0..<6).map { _ in editor.readLine(prompt) }
        #expect(inputs == [.line("find"), .line(" hidden"), .line("find"), .interrupted, .line("status "), .endOfInput])
        #expect(editor.prompts == Array(repeating: prompt, count: 6))
        #expect(editor.history == ["find", "status"])
        editor.saveHistory()
        #expect(editor.saveCount == 1)
    }

    @Test(arguments: [
        (LineEditorError.unterminatedQuote("\"", line: "use \"Web"),
         "Unterminated \" quote in 'use \"Web'. Close it with \", or escape it as \\\"."),
        (.danglingBackslash(line: "deploy \\"),
         "Trailing backslash in 'deploy \\' escapes nothing. Remove it, or write \\\\ for a backslash."),
        (.terminalUnavailable(program: "conductor"),
         "Line editing could not start for 'conductor' on this terminal. Check TERM, or pipe the input to run without editing."),
        (.historyUnreadable(path: "/h/history"),
         "History file '/h/history' is not a libedit history file. Move it away or choose another history file."),
        (.historyNotSaved(path: "/ro/history"),
         "History could not be written to '/ro/history'. Check that its folder is writable, or choose another history file."),
    ])
    func rendersErrors(error: LineEditorError, message: String) {
        #expect(error.description == message)
    }

    @Test func createsTheFoldersAboveAHistoryFile() throws {
        let root = "/tmp/lineeditor-folders-\(getpid())"
        defer {
            for folder in ["/state/conductor", "/state", ""] { rmdir(root + folder) }
        }
        #expect(HistoryFolder.create(containing: root + "/state/conductor/history"))
        var info = stat()
        try #require(stat(root + "/state/conductor", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
    }
}
