import PseudoTerminal
import Testing

/// Job control needs a shell that owns the terminal: run the probe under an interactive bash.
@Suite("LibEditLineEditor under job control")
struct LineEditorJobControlTests {
    typealias Key = PseudoTerminalProcess.Key

    @Test func ctrlZAndFgRestoreTheTerminalAndTheLine() throws {
        let folder = ProbeSession.makeFolder()
        let bash = try PseudoTerminalProcess(
            executable: "/bin/bash",
            arguments: ["--norc", "--noprofile", "-i"],
            environment: ["TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder, "PS1": "sh$ ", "PATH": "/usr/bin:/bin"],
            rows: 40
        )
        try bash.waitForCursorLine("sh$ ")
        try bash.send(ProbeSession.probePath + "\r", untilCursorLine: ProbeSession.prompt)
        try bash.send("deploy half", untilCursorLine: ProbeSession.prompt + "deploy half")

        try bash.send(Key.suspend)
        try bash.waitFor("Stopped")
        try bash.waitForCursorLine("sh$ ")
        // While the probe is stopped the shell has a cooked terminal: a plain command runs.
        try bash.send("stty -a | grep -o -- '-\\?icanon' | head -1; echo shell-ok\r")
        let stopped = try bash.waitFor("\nshell-ok")
        #expect(stopped.lines.contains("icanon"))

        try bash.send("fg\r", untilCursorLine: ProbeSession.prompt + "deploy half")
        try bash.send(" typed\r")
        try bash.waitFor("-> [deploy] [half] [typed]")
        try bash.send(Key.endOfFile)
        try bash.waitFor("bye")
        try bash.waitForCursorLine("sh$ ")
        try bash.send("exit\r")
        #expect(try bash.waitForExit() == 0)
    }
}
