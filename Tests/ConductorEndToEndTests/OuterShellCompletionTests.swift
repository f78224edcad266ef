import Foundation
import PseudoTerminal
import Testing

/// `conductor completion bash|zsh|fish` equals the committed scripts, and bash, zsh and fish — the real shells,
/// on a pseudo-terminal where they take keys — complete `conductor promote --to St` and `--project We` from the
/// disk catalogue with the sandbox stopped.
@Suite(.serialized) struct OuterShellCompletionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [("bash", "conductor.bash"), ("zsh", "_conductor"), ("fish", "conductor.fish")])
    func theCommittedScriptIsWhatTheBinaryPrints(_ shell: String, _ file: String) throws {
        let home = try ShellHome()
        let printed = try home.run(["completion", shell])
        #expect(printed.status == 0)
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(printed.standardOutput == committed, "completions/\(file) is stale: run 'make completions'")
    }

    /// A home whose disk catalogue was written by a shell session that has ended (its embedded sandbox stopped).
    static func homeWithCatalogue() throws -> ShellHome {
        let home = try ShellHome()
        let shell = try CompletionTerminalTests.start(home)
        _ = try shell.waitFor("Default@sandbox", timeout: .seconds(60))
        try CompletionTerminalTests.waitForCatalogue(home, "the catalogue") { $0.contains("\"Staging\"") && $0.contains("\"Web UI\"") }
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
        return home
    }

    static func environment(_ home: ShellHome) throws -> [String: String] {
        let binaryFolder = try ConductorBinary.located().url.deletingLastPathComponent().path
        var environment = home.environment(["TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"])
        environment["PATH"] = binaryFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    static func which(_ program: String) -> String? {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func protocolAnswersFromTheDiskWithTheSandboxStopped() throws {
        let home = try Self.homeWithCatalogue()
        let to = try home.run(["__complete", "promote", "--to", "St"])
        #expect(to.standardOutput.hasPrefix("Staging\t"), "\(to.standardOutput)")
        #expect(to.standardOutput.hasSuffix(":4\n"))
        let projects = try home.run(["__complete", "promote", "--project", "We"])
        #expect(projects.standardOutput.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" } == ["Web API", "Web UI", ":4"])
        let inside = try home.run(["__complete", "-c", "find to St"])
        #expect(inside.standardOutput.hasPrefix("find to Staging"), "\(inside.standardOutput)")
    }

    @Test func bashZshAndFishComplete() throws {
        let home = try Self.homeWithCatalogue()
        let environment = try Self.environment(home)
        let scripts = Self.repository.appendingPathComponent("completions")

        let bash = try #require(Self.which("bash"), "bash is installed by 'make system'")
        let bashShell = try PseudoTerminalProcess(executable: bash, arguments: ["--norc", "--noprofile", "-i"], environment: environment.merging(["PS1": "bash$ "]) { $1 }, columns: 160, rows: 40)
        // Each shell reads the script before the next keys: typed ahead, they would be echoed by the kernel.
        try bashShell.send("source \(scripts.appendingPathComponent("conductor.bash").path)\r", untilCursorLine: "bash$ ")
        try bashShell.send("conductor promote --to St\t", untilCursorLine: "bash$ conductor promote --to Staging ")
        try bashShell.send(PseudoTerminalProcess.Key.killLine)
        try bashShell.send("conductor promote --project We\t", untilCursorLine: "bash$ conductor promote --project Web\\ ")
        // As with file names (`ls We<Tab>` for `Web API` and `Web UI`), readline takes the Tab after it inserted the
        // common part as a first Tab again: the listing comes on the one after.
        try bashShell.send("\t\t")
        let bashListing = try bashShell.waitForScreen("bash's listing") { $0.text.contains("Web\\ API") && $0.text.contains("Web\\ UI") }
        #expect(bashListing.text.contains("Web\\ UI"))
        try bashShell.send(PseudoTerminalProcess.Key.killLine)
        try bashShell.send("exit\r")
        _ = try bashShell.waitForExit()

        let zsh = try #require(Self.which("zsh"), "zsh is installed by 'make system'")
        let zshShell = try PseudoTerminalProcess(executable: zsh, arguments: ["-f", "-i"], environment: environment.merging(["PS1": "zsh$ "]) { $1 }, columns: 160, rows: 40)
        try zshShell.send("autoload -U compinit; compinit -u; source \(scripts.appendingPathComponent("_conductor").path)\r", untilCursorLine: "zsh$ ")
        try zshShell.send("conductor promote --to St\t", untilCursorLine: "zsh$ conductor promote --to Staging ")
        try zshShell.send(PseudoTerminalProcess.Key.killLine)
        // zsh inserts the common part first (LIST_AMBIGUOUS) and lists on the next Tab.
        try zshShell.send("conductor promote --project We\t", untilCursorLine: "zsh$ conductor promote --project Web\\ ")
        try zshShell.send("\t")
        let zshListing = try zshShell.waitForScreen("zsh's listing") { $0.text.contains("Web API") && $0.text.contains("Web UI") }
        #expect(zshListing.text.contains("Sample Application"), "the descriptions: \(zshListing.text)")
        try zshShell.send(PseudoTerminalProcess.Key.killLine)
        try zshShell.send("exit\r")
        _ = try zshShell.waitForExit()

        let fish = try #require(Self.which("fish"), "fish is installed by 'make system'")
        let fishShell = try PseudoTerminalProcess(executable: fish, arguments: ["--no-config", "-i"], environment: environment, columns: 160, rows: 40)
        try fishShell.send("source \(scripts.appendingPathComponent("conductor.fish").path); function fish_prompt; echo -n 'fish$ '; end\r", untilCursorLine: "fish$ ")
        try fishShell.send("conductor promote --to St\t")
        _ = try fishShell.waitForScreen("fish's completion") { $0.cursorLine.contains("conductor promote --to Staging ") }
        try fishShell.send(PseudoTerminalProcess.Key.killLine)
        try fishShell.send("conductor promote --project We\t")
        let fishListing = try fishShell.waitForScreen("fish's listing") { $0.text.contains("Web API") && $0.text.contains("Web UI") }
        #expect(fishListing.text.contains("Web UI"))
        try fishShell.send(PseudoTerminalProcess.Key.killLine)
        try fishShell.send("exit\r")
        _ = try fishShell.waitForExit()
    }
}
