import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PseudoTerminal
import Testing

/// Tab in the real `conductor` binary on a pseudo-terminal against the embedded sandbox, and the request counts
/// against a sandbox process. Every step waits on output (the screen, or the catalogue file the shell writes), never
/// on a fixed sleep.
@Suite(.serialized) struct CompletionTerminalTests {
    static func start(_ home: ShellHome, environment extra: [String: String] = [:]) throws -> PseudoTerminalProcess {
        var environment = home.environment(["TERM": "xterm", "LANG": "C.UTF-8"].merging(extra) { $1 })
        environment["NO_COLOR"] = "1"
        return try PseudoTerminalProcess(executable: try ConductorBinary.located().url.path, arguments: [], environment: environment, columns: 160, rows: 60)
    }

    /// The catalogue files the shell wrote, as text.
    static func catalogue(_ home: ShellHome) -> String {
        let folder = home.root.appendingPathComponent("cache/conductor")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("catalogue-") }.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    /// Whether the catalogue text holds `name` as a whole field (its lines are tab-separated).
    static func holds(_ catalogue: String, _ name: String) -> Bool {
        catalogue.contains("\t\(name)\t") || catalogue.contains("\t\(name)\n")
    }

    /// Waits until the catalogue on disk satisfies `condition` (the shell's background refresh wrote it).
    static func waitForCatalogue(_ home: ShellHome, _ description: String, timeout: Duration = .seconds(60), until condition: (String) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(catalogue(home)) {
            guard ContinuousClock.now < deadline else { throw EndToEndError.timedOut(description) }
            // The refresh runs in another process: poll the file it writes.
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    @Test func tabCompletesFromTheServersNames() throws {
        let home = try ShellHome()
        let shell = try Self.start(home)
        _ = try shell.waitFor("Default@sandbox", timeout: .seconds(60))
        try Self.waitForCatalogue(home, "the catalogue with Web API's releases") { Self.holds($0, "Web UI") && $0.contains("2021.1.0") }

        try shell.send("use projects We\t")
        _ = try shell.waitForCursorLine("conductor Default@sandbox> use projects Web\\ ")
        try shell.send("\t")
        let listing = try shell.waitFor("Web UI")
        #expect(listing.text.contains("Web API"))
        try shell.send(PseudoTerminalProcess.Key.killLine)
        try shell.send("find to St\t", untilCursorLine: "conductor Default@sandbox> find to Staging ")
        try shell.send(PseudoTerminalProcess.Key.killLine)

        try shell.send("set mode \t")
        try shell.send("\t")
        let modes = try shell.waitForScreen("the three modes") { screen in
            screen.lines.contains { $0.contains("promote") && $0.contains("redeploy") && $0.contains("always-latest") }
        }
        #expect(modes.text.contains("always-latest"))
        try shell.send(PseudoTerminalProcess.Key.killLine)

        // Versions newest first: the listing keeps the catalogue's order.
        let releasesCommand = Self.hasCommand("releases") ? "releases" : "deploy"
        try shell.send("\(releasesCommand) \"Web API\" 2021.1.0.1\t")
        try shell.send("\t")
        let versions = try shell.waitForScreen("the versions listed") { screen in
            screen.lines.contains { $0.hasPrefix("2021.1.0.") && $0.split(separator: " ").count >= 2 }
        }
        let row = try #require(versions.lines.last { $0.hasPrefix("2021.1.0.") })
        let listed = row.split(separator: " ").map(String.init)
        #expect(listed == listed.sorted { $0.compare($1, options: .numeric) == .orderedDescending }, "\(row)")
        try shell.send(PseudoTerminalProcess.Key.killLine)

        // A deployment's task reaches the catalogue after `deploy` (targeted refresh), without a restart.
        try shell.send("deploy Database 2021.1.0.10 to Staging --yes\r")
        let deployed = try shell.waitForScreen("the deployment's task", timeout: .seconds(60)) { $0.text.contains("ServerTasks-") }
        let task = try #require(deployed.text.firstMatch(of: /ServerTasks-[0-9]+/)).output
        try Self.waitForCatalogue(home, "the new task in the catalogue") { Self.holds($0, String(task)) }
        // The next status sees the deployment, and Tab lists its task first (newest first).
        try shell.send("status Database\r")
        _ = try shell.waitForScreen("status after the deploy") { screen in
            screen.lines.contains { $0.contains("Database") && $0.components(separatedBy: "2021.1.0.10").count > 2 }
        }
        try shell.send("log ServerTasks-\t")
        try shell.send("\t")
        let tasks = try shell.waitForScreen("the tasks listed") { $0.lines.contains { $0.hasPrefix("ServerTasks-") } }
        // Columns read top to bottom, so the first row starts with the first candidate.
        let taskRow = try #require(tasks.lines.first { $0.hasPrefix("ServerTasks-") })
        #expect(taskRow.split(separator: " ").first.map(String.init) == String(task), "\(taskRow)")

        try shell.send(PseudoTerminalProcess.Key.killLine)
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
    }

    @Test func aThousandTabsMakeNoRequestAndConnectingFillsTheCatalogueInFewRequests() async throws {
        let binary = try ConductorBinary.located()
        let sandbox = try await RunningSandbox.start(binary)
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let home = try ShellHome()
        let shell = try Self.start(home, environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        _ = try shell.waitFor("Default@", timeout: .seconds(60))
        try Self.waitForCatalogue(home, "the catalogue") { Self.holds($0, "Staging") }
        let afterConnect = try await Self.requests(sandbox, key: key)
        // Connecting: the space, the user, the root document (at most 4), then one listing per kind (9, the
        // space's releases among them); no application yet, so no per-project release listings.
        #expect(afterConnect.total <= 4 + 9, "\(afterConnect.routes)")

        _ = try await sandbox.delete("/api/sandbox/stats", apiKey: key)
        // Each Tab completes a name (`find to Sta` → `find to Staging `), then the line is cleared: 1,000 answers
        // without a listing each time, which would only make the terminal's output long.
        try shell.send(String(repeating: "find to Sta\t" + PseudoTerminalProcess.Key.killLine, count: 1000))
        try shell.send("echo tabs-done\r")
        try shell.waitForScreen("the echo after the Tabs", timeout: .seconds(60)) { $0.lines.contains("tabs-done") }
        let afterTabs = try await Self.requests(sandbox, key: key)
        #expect(afterTabs.total == 0, "\(afterTabs.routes)")
        try shell.send(PseudoTerminalProcess.Key.endOfFile)
        #expect(try shell.waitForExit(timeout: .seconds(30)) == 0)
    }

    static func requests(_ sandbox: RunningSandbox, key: String) async throws -> (total: Int, routes: String) {
        let (status, body) = try await sandbox.get("/api/sandbox/stats", apiKey: key)
        #expect(status == 200)
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        // The counter counts this very request too.
        let own = ((json?["Routes"] as? [String: Any])?["GET /api/sandbox/stats"] as? Int) ?? 0
        return (((json?["Total"] as? Int) ?? -1) - own, String(decoding: body, as: UTF8.self))
    }

    static func hasCommand(_ word: String) -> Bool {
        let help = (try? ConductorBinary.located().run(["-c", "help"], environment: (try? ShellHome())?.environment()))?.standardOutput ?? ""
        return help.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(word + " ") }
    }
}
