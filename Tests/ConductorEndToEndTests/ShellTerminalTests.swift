import Foundation
import PseudoTerminal
import Testing

/// The interactive shell on a real pseudo-terminal: the blog's stepwise promotion typed at the prompt, the
/// confirmation answered, Ctrl-C during `wait` back to the prompt with the tasks still running, `wait` again, and
/// Ctrl-D to leave. Waits on output, never on fixed sleeps.
@Suite(.serialized) struct ShellTerminalTests {
    static func start(_ home: ShellHome, columns: Int = 160) throws -> PseudoTerminalProcess {
        var environment = home.environment(["TERM": "xterm", "LANG": "C.UTF-8"])
        environment["NO_COLOR"] = "1"
        return try PseudoTerminalProcess(
            executable: try ConductorBinary.located().url.path, arguments: [], environment: environment, columns: columns, rows: 60)
    }

    /// Ctrl-C at a continuation prompt drops the unfinished statement, every time: the embedded sandbox's threads
    /// share the process, and a Ctrl-C the kernel handed to one of them once left the read going and the typed text
    /// in the next statement.
    @Test func ctrlCAtAContinuationPromptDropsTheUnfinishedStatement() throws {
        let home = try ShellHome()
        let shell = try Self.start(home)
        let prompt = "conductor Default@sandbox> "
        _ = try shell.waitForCursorLine(prompt, timeout: .seconds(60))
        for _ in 1...8 {
            try shell.send("status \"Web\r", untilCursorLine: "... ")
            try shell.send("abc", untilCursorLine: "... abc")
            try shell.send(PseudoTerminalProcess.Key.interrupt, untilCursorLine: prompt)
        }
        try shell.send("status Database\r")
        let screen = try shell.waitFor("Database  ✓", timeout: .seconds(30))
        #expect(!screen.text.contains("No project named"), "\(screen.text)")
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
    }

    /// At 80 columns a long message breaks between words, not where the terminal runs out ("relea" / "se").
    @Test func aLongMessageBreaksBetweenWordsAt80Columns() throws {
        let home = try ShellHome()
        let shell = try Self.start(home, columns: 80)
        _ = try shell.waitForCursorLine("conductor Default@sandbox> ", timeout: .seconds(60))
        try shell.send("use parent \"Release Orchestration\"\r")
        let screen = try shell.waitFor("2021.1.0.*).", timeout: .seconds(30))
        #expect(screen.lines.contains("Approvals come from 'Release Orchestration': 'approve' takes them from its"), "\(screen.text)")
        #expect(screen.lines.contains("release ('set parent-release VERSION', or implied by a pattern such as"), "\(screen.text)")
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
    }

    @Test func theBlogsStepwisePromotionRunsAtThePrompt() throws {
        let home = try ShellHome()
        let shell = try Self.start(home)
        _ = try shell.waitFor("Default@sandbox", timeout: .seconds(60))
        try shell.send("use parent \"Release Orchestration\"\r")
        _ = try shell.waitFor("Application: Database then Web API, Scheduling Service then Web UI")
        try shell.send("set pattern 2021.1.0.*\r")
        _ = try shell.waitFor("2021.1.0.*>")
        try shell.send("find to Staging\r")
        _ = try shell.waitFor("[plan: found]>", timeout: .seconds(60))
        try shell.send("whatif\r")
        _ = try shell.waitFor("[plan: previewed]>", timeout: .seconds(60))
        try shell.send("approve as me\r")
        _ = try shell.waitFor("[plan: approved]>", timeout: .seconds(60))
        try shell.send("deploy\r")
        _ = try shell.waitFor("Deploy to Staging? [y/N]", timeout: .seconds(60))
        try shell.send("y\r")
        _ = try shell.waitFor("Follow them with 'wait'.", timeout: .seconds(60))
        try shell.send("wait\r")
        // The live view's Database line, below the 'wait' just typed ("Database" alone is on the screen already, and
        // a Ctrl-C sent before 'wait' runs would only clear the prompt).
        _ = try shell.waitForScreen("the live wait view", timeout: .seconds(60)) { screen in
            guard let typed = screen.text.range(of: "> wait", options: .backwards) else { return false }
            return screen.text[typed.upperBound...].contains("Database")
        }
        // Ctrl-C while waiting: back to the prompt, the tasks keep running on the server.
        try shell.send(PseudoTerminalProcess.Key.interrupt, waitForRawMode: false)
        _ = try shell.waitFor("Interrupted. Server tasks keep running; 'wait' follows them again.", timeout: .seconds(30))
        try shell.send("wait\r")
        let screen = try shell.waitForScreen("four children succeeded", timeout: .seconds(120)) { screen in
            screen.text.components(separatedBy: "succeeded (ServerTasks-").count - 1 >= 4
        }
        #expect(!screen.text.contains("failed ("), "\(screen.text)")
        _ = try shell.waitForCursorLine("conductor Default@sandbox 2021.1.0.*> ", timeout: .seconds(30))
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
        // History holds the commands, not the answer to the confirmation.
        // libedit's file format writes a space as \040.
        let history = try String(contentsOf: home.root.appendingPathComponent("state/conductor/history"), encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("find to Staging"), "\(history)")
        #expect(!history.split(separator: "\n").contains("y"))
    }
}
