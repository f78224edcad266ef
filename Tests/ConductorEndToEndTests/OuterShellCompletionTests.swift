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
        try CompletionTerminalTests.waitForCatalogue(home, "the catalogue") { CompletionTerminalTests.holds($0, "Staging") && CompletionTerminalTests.holds($0, "Web UI") }
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

    /// Every option ArgumentParser declares for a subcommand completes after `--` (none is listed by hand), and
    /// choices and positional values come from the declarations too.
    @Test func theOptionsAreTheDeclaredOnes() throws {
        let home = try ShellHome()
        let dump = try home.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any])
        let subcommands = try #require((root["command"] as? [String: Any])?["subcommands"] as? [[String: Any]])
        for name in ["shell", "promote"] {
            let command = try #require(subcommands.first { $0["commandName"] as? String == name })
            let declared = Set(((command["arguments"] as? [[String: Any]]) ?? []).compactMap { argument -> String? in
                let names = (argument["names"] as? [[String: String]]) ?? []
                guard let long = names.first(where: { $0["kind"] == "long" })?["name"] ?? names.first?["name"] else { return nil }
                return ["help", "version"].contains(long) ? nil : (long.count == 1 ? "-" : "--") + long
            })
            let words = name == "shell" ? ["-"] : [name, "-"]
            let completed = Set(try home.run(["__complete"] + words).standardOutput.split(separator: "\n").compactMap { line in
                line.hasPrefix("-") ? line.split(separator: "\t").first.map(String.init) : nil
            })
            #expect(completed == declared, "\(name): completed \(completed.subtracting(declared)), missing \(declared.subtracting(completed))")
        }
        #expect(try home.run(["__complete", "promote", "--mode", ""]).standardOutput == "promote\nredeploy\nalways-latest\n:4\n")
        #expect(try home.run(["__complete", "completion", ""]).standardOutput == "bash\nzsh\nfish\n:4\n")
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

    /// One outer shell as the test drives it.
    struct OuterShell: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var prompt: String
        /// What the shell runs first (the script from `completions/`, then its prompt); `SCRIPTS` is the folder.
        var setup: String
        /// The keys that list the candidates once the common part `Web\ ` is on the line.
        var listingKeys: String
        /// What the listing shows.
        var listed: [String]
        var testDescription: String { name }
    }

    static let shells = [
        // As with file names (`ls We<Tab>` for `Web API` and `Web UI`), readline takes the Tab after it inserted the
        // common part as a first Tab again: the listing comes on the one after.
        OuterShell(name: "bash", arguments: ["--norc", "--noprofile", "-i"], prompt: "bash$ ",
                   setup: "PS1='bash$ '; source SCRIPTS/conductor.bash", listingKeys: "\t\t", listed: ["Web\\ API", "Web\\ UI"]),
        // zsh inserts the common part first (LIST_AMBIGUOUS) and lists on the next Tab, with the descriptions.
        OuterShell(name: "zsh", arguments: ["-f", "-i"], prompt: "zsh$ ",
                   setup: "PS1='zsh$ '; autoload -U compinit; compinit -u; source SCRIPTS/_conductor", listingKeys: "\t",
                   listed: ["Web API", "Web UI", "Sample Application"]),
        // fish shows its pager with the first Tab.
        OuterShell(name: "fish", arguments: ["--no-config", "-i"], prompt: "fish$ ",
                   setup: "source SCRIPTS/conductor.fish; function fish_prompt; echo -n 'fish$ '; end", listingKeys: "",
                   listed: ["Web API", "Web UI"]),
    ]

    @Test(arguments: shells)
    func theOuterShellCompletesFromTheDisk(_ outer: OuterShell) throws {
        let home = try Self.homeWithCatalogue()
        let program = try #require(Self.which(outer.name), "\(outer.name) is installed by 'make system'")
        let shell = try PseudoTerminalProcess(executable: program, arguments: outer.arguments, environment: try Self.environment(home), columns: 160, rows: 40)
        // The shell reads the script before the next keys: typed ahead, they would be echoed by the kernel.
        let scripts = Self.repository.appendingPathComponent("completions").path
        try shell.send(outer.setup.replacingOccurrences(of: "SCRIPTS", with: scripts) + "\r", untilCursorLine: outer.prompt)
        try shell.send("conductor promote --to St\t")
        try shell.waitForScreen("\(outer.name) completing --to St") { $0.cursorLine.hasPrefix(outer.prompt + "conductor promote --to Staging ") }
        try shell.send(PseudoTerminalProcess.Key.killLine)
        try shell.send("conductor promote --project We\t")
        try shell.waitForScreen("\(outer.name) completing --project We") { $0.cursorLine.hasPrefix(outer.prompt + "conductor promote --project Web\\ ") }
        if !outer.listingKeys.isEmpty { try shell.send(outer.listingKeys) }
        let listing = try shell.waitForScreen("\(outer.name)'s listing") { screen in outer.listed.allSatisfy { screen.text.contains($0) } }
        #expect(!listing.text.contains("Release Orchestration"), "only the Web projects: \(listing.text)")
        try shell.send(PseudoTerminalProcess.Key.killLine)
        try shell.send("exit\r")
        _ = try shell.waitForExit()
    }
}
