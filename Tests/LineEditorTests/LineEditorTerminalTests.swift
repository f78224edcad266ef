import PseudoTerminal
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// End-to-end: `lineedit-probe` on a real pseudo-terminal, keys in, rendered screen out.
/// Every wait has a deadline; nothing sleeps.
@Suite("LibEditLineEditor on a pseudo-terminal")
struct LineEditorTerminalTests {
    typealias Key = PseudoTerminalProcess.Key
    let prompt = ProbeSession.prompt

    @Test func tabCompletesAPrefix() throws {
        let probe = try ProbeSession.start()
        try probe.send("fi", untilCursorLine: prompt + "fi")
        try probe.send(Key.tab, untilCursorLine: prompt + "find ")
        try probe.send(Key.enter)
        try probe.waitFor("-> [find]")
    }

    @Test func secondTabListsTheCandidates() throws {
        let probe = try ProbeSession.start()
        try probe.send("w", untilCursorLine: prompt + "w")
        try probe.send(Key.tab)
        try probe.send(Key.tab)
        let screen = try probe.waitFor("wait    whatif")
        let listing = try #require(screen.lines.firstIndex(of: "wait    whatif"))
        try probe.waitForCursorLine(prompt + "w")
        #expect(probe.screen.cursorRow == listing + 1)
    }

    @Test func completesNamesWithSpacesInTheUsersQuoting() throws {
        let probe = try ProbeSession.start()
        try probe.send("use pro", untilCursorLine: prompt + "use pro")
        try probe.send(Key.tab, untilCursorLine: prompt + "use project ")
        try probe.send("W", untilCursorLine: prompt + "use project W")
        try probe.send(Key.tab, untilCursorLine: prompt + "use project Web\\ ")
        try probe.send(Key.tab)
        try probe.send(Key.tab)
        try probe.waitFor("Web API  Web UI")
        try probe.send("A", untilCursorLine: prompt + "use project Web\\ A")
        try probe.send(Key.tab, untilCursorLine: prompt + "use project Web\\ API ")
        try probe.send(Key.enter)
        try probe.waitFor("-> [use] [project] [Web API]")

        try probe.send("use project \"Web U", untilCursorLine: prompt + "use project \"Web U")
        try probe.send(Key.tab, untilCursorLine: prompt + "use project \"Web UI\" ")
        try probe.send(Key.enter)
        try probe.waitFor("-> [use] [project] [Web UI]")
    }

    @Test func upArrowRecallsThePreviousLine() throws {
        let probe = try ProbeSession.start()
        try probe.send("find\r")
        try probe.waitFor("-> [find]")
        try probe.send("status\r")
        try probe.waitFor("-> [status]")
        try probe.send(Key.up, untilCursorLine: prompt + "status")
        try probe.send(Key.up, untilCursorLine: prompt + "find")
        try probe.send(Key.enter)
        try probe.waitForScreen("a second '-> [find]'") { $0.lines.filter { $0 == "-> [find]" }.count == 2 }
    }

    @Test func ctrlCClearsTheLineAndEditingContinues() throws {
        let probe = try ProbeSession.start()
        try probe.send("deploy x", untilCursorLine: prompt + "deploy x")
        try probe.send(Key.interrupt)
        try probe.waitFor(prompt + "deploy x^C")
        try probe.waitForCursorLine(prompt)
        try probe.send("find\r")
        let screen = try probe.waitFor("-> [find]")
        #expect(!screen.text.contains("xfind"))
        #expect(!screen.text.contains("[deploy]"))
    }

    @Test func ctrlDOnAnEmptyLineEndsInput() throws {
        let probe = try ProbeSession.start()
        try probe.send("status", untilCursorLine: prompt + "status")
        try probe.send(Key.endOfFile)  // not on an empty line: only beeps
        try probe.send(Key.killLine, untilCursorLine: prompt)
        try probe.send(Key.endOfFile)
        #expect(try probe.waitForExit() == 0)
        let screen = probe.screen
        #expect(screen.text.contains("bye"))
        #expect(!screen.text.contains("[status]"))
    }

    @Test(arguments: [["LANG": "C.UTF-8"], ["LANG": "", "LC_ALL": "C"]])
    func nonASCIIInputSurvives(locale: [String: String]) throws {
        let probe = try ProbeSession.start(environment: locale)
        try probe.send("naïve Café ✓ 日本\r")
        try probe.waitFor("-> [naïve] [Café] [✓] [日本]")
        try probe.send("use project Ca", untilCursorLine: prompt + "use project Ca")
        try probe.send(Key.tab, untilCursorLine: prompt + "use project Café\\ Backend ")
        try probe.send(Key.enter)
        try probe.waitFor("-> [use] [project] [Café Backend]")
    }

    @Test func historyFileCarriesOverAndNeverHoldsFilteredLines() throws {
        let folder = ProbeSession.makeFolder()
        let file = folder + "/state/conductor/history"

        let first = try ProbeSession.start(["--history", file], home: folder)
        for line in ["find", " status hidden by the leading space", "set password hunter2", "use project Web\\ API"] {
            try first.send(line + "\r", untilCursorLine: prompt)
        }
        try first.send(Key.endOfFile)
        #expect(try first.waitForExit() == 0)

        let saved = try #require(Self.contents(of: file))
        #expect(saved.hasPrefix("_HiStOrY_V2_\n"))
        #expect(saved.contains("find"))
        #expect(saved.contains("Web"))
        #expect(!saved.contains("hidden"))
        #expect(!saved.contains("hunter2"))
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o077 == 0)

        let second = try ProbeSession.start(["--history", file], home: folder)
        try second.send(Key.up, untilCursorLine: prompt + "use project Web\\ API")
        try second.send(Key.up, untilCursorLine: prompt + "find")
        try second.send(Key.up)  // nothing older: stays
        try second.send(Key.enter)
        try second.waitFor("-> [find]")
        try second.send(Key.endOfFile)
        #expect(try second.waitForExit() == 0)
    }

    @Test func historyKeepsTheNewestEntriesUpToTheLimitAndSavesPeriodically() throws {
        let folder = ProbeSession.makeFolder()
        let file = folder + "/history"
        let probe = try ProbeSession.start(["--history", file, "--history-limit", "2", "--save-every", "1"], home: folder)
        for line in ["first", "second", "third"] {
            try probe.send(line + "\r", untilCursorLine: prompt)
        }
        // Saved after each entry, before the program ends.
        let saved = try #require(Self.contents(of: file))
        #expect(saved == "_HiStOrY_V2_\nsecond\nthird\n")
        try probe.send(Key.up, untilCursorLine: prompt + "third")
        try probe.send(Key.up, untilCursorLine: prompt + "second")
    }

    @Test func filteredLinesAlreadyInTheHistoryFileAreDroppedOnLoad() throws {
        let folder = ProbeSession.makeFolder()
        let file = folder + "/history"
        try #require(Self.write("_HiStOrY_V2_\nfind\nset\\040password\\040hunter2\nstatus\n", to: file))
        let probe = try ProbeSession.start(["--history", file], home: folder)
        try probe.send(Key.up, untilCursorLine: prompt + "status")
        try probe.send(Key.up, untilCursorLine: prompt + "find")
        try probe.send(Key.killLine, untilCursorLine: prompt)
        try probe.send("quit\r")
        #expect(try probe.waitForExit() == 0)
        #expect(Self.contents(of: file) == "_HiStOrY_V2_\nfind\nstatus\nquit\n")
    }

    @Test func aForeignHistoryFileIsReportedAndLeftAlone() throws {
        let folder = ProbeSession.makeFolder()
        let file = folder + "/history"
        let readlineHistory = "find\nstatus\n"  // GNU readline's format: no _HiStOrY_V2_ header
        try #require(Self.write(readlineHistory, to: file))
        let probe = try ProbeSession.start(["--history", file], home: folder, columns: 200, waitForPrompt: false)
        try probe.waitFor("error: History file '\(file)' is not a libedit history file.")
        #expect(try probe.waitForExit() == 1)
        #expect(Self.contents(of: file) == readlineHistory)
    }

    @Test func continuationPromptForOpenQuotesAndTrailingBackslashes() throws {
        let probe = try ProbeSession.start()
        try probe.send("deploy \\\r", untilCursorLine: "...> ")
        try probe.send("now\r")
        try probe.waitFor("-> [deploy] [now]")
        try probe.send("use project \"Web\r", untilCursorLine: "...> ")
        try probe.send("API\"\r")
        try probe.waitFor("-> [use] [project] [Web\nAPI]")
    }

    @Test func editrcLinesForConductorApply() throws {
        let folder = ProbeSession.makeFolder()
        let editrc = folder + "/.editrc"
        try #require(Self.write("conductor:bind -s ^X status\nother:bind -s ^Y ignored\n", to: editrc))
        let probe = try ProbeSession.start(home: folder)
        try probe.send("\u{18}", untilCursorLine: prompt + "status")
        try probe.send("\u{19}")
        try probe.send(Key.enter)
        let screen = try probe.waitFor("-> [status]")
        #expect(!screen.text.contains("ignored"))
    }

    @Test func tabStillCompletesAfterAnEditrcSwitchesToViMode() throws {
        let folder = ProbeSession.makeFolder()
        try #require(Self.write("conductor:bind -v\n", to: folder + "/.editrc"))
        let probe = try ProbeSession.start(home: folder)
        try probe.send("fi", untilCursorLine: prompt + "fi")
        try probe.send(Key.tab, untilCursorLine: prompt + "find ")
        try probe.send("\u{1B}0", untilCursorLine: prompt + "find")  // vi command mode, start of line
        try probe.send("ix", untilCursorLine: prompt + "xfind")
        try probe.send(Key.enter)
        try probe.waitFor("-> [xfind]")
    }

    @Test func colouredPromptKeepsTheCursorInPlace() throws {
        let probe = try ProbeSession.start(["--color-prompt"])
        try probe.send("fi", untilCursorLine: prompt + "fi")
        try probe.send(Key.tab)
        let screen = try probe.waitForCursorLine(prompt + "find ")
        #expect(screen.cursorColumn == (prompt + "find ").count)
        #expect(!screen.text.contains("[1;32m"))
    }

    @Test func windowResizeKeepsEditing() throws {
        let probe = try ProbeSession.start(columns: 60)
        let words = (1...8).map { "word\($0)x" }
        try probe.send("deploy " + words.joined(separator: " "))
        try probe.waitFor("word8x")
        probe.resize(columns: 30, rows: 40)
        try probe.send(" end")
        try probe.waitFor(" end")
        try probe.send("\u{01}X")  // Ctrl-A: to the start of the (now wrapped) line
        try probe.send(Key.enter)
        // The output wraps at the new width: compare it with the line breaks taken out.
        let expected = "-> [Xdeploy] " + words.map { "[\($0)]" }.joined(separator: " ") + " [end]"
        try probe.waitForScreen("'\(expected)'") { screen in
            screen.lines.joined().replacing(" ", with: "").contains(expected.replacing(" ", with: ""))
        }
    }

    static func contents(of path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "w") else { return false }
        defer { fclose(file) }
        return fputs(text, file) >= 0
    }
}
