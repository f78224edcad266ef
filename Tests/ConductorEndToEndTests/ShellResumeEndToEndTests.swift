import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `kill -9` during `wait`, then a new shell: it says `Resuming plan …`, `wait` finishes the promotion, and the
/// server holds exactly one deployment per child and environment.
@Suite(.serialized) struct ShellResumeEndToEndTests {
    static let script = """
        use parent "Release Orchestration"
        set pattern 2021.1.0.*
        find to Staging
        approve as me
        deploy --yes
        wait

        """

    /// Staging deployments per project id, read from the server.
    static func stagingDeployments(_ sandbox: RunningSandbox, key: String) async throws -> [String: Int] {
        let url = try #require(URL(string: sandbox.baseURL.absoluteString + "/api/Spaces-1/deployments?environments=Environments-3&take=1000"))
        var request = URLRequest(url: url)
        request.setValue(key, forHTTPHeaderField: "X-Octopus-ApiKey")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let page = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        var counts: [String: Int] = [:]
        for item in page["Items"] as? [[String: Any]] ?? [] {
            counts[item["ProjectId"] as? String ?? "", default: 0] += 1
        }
        return counts
    }

    @Test func killedDuringWaitResumesWithoutDeployingTwice() async throws {
        let binary = try ConductorBinary.located()
        let sandbox = try await RunningSandbox.start(binary, extra: ["--speed", "10"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let before = try await Self.stagingDeployments(sandbox, key: key)
        let home = try ShellHome()
        let environment = home.environment(["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])

        // First shell: killed as soon as the first stage's deployment exists.
        let process = Process()
        process.executableURL = binary.url
        process.environment = environment
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(Self.script.utf8))
        try input.fileHandleForWriting.close()
        let collected = CollectedOutput()
        let reader = errors.fileHandleForReading
        let pid = process.processIdentifier
        // The reader thread kills the shell the moment the line arrives: a test task polling for it could be
        // resumed too late on a loaded machine (a starved pool), after the whole promotion had finished.
        Thread.detachNewThread {
            while case let data = reader.availableData, !data.isEmpty {
                collected.store(data, isError: true)
                if collected.text(isError: true).contains("Database: created deployment") { kill(pid, SIGKILL) }
            }
        }
        process.waitUntilExit()  // killed by the reader; should the line never come, the shell finishes by itself
        #expect(collected.text(isError: true).contains("Database: created deployment"), "stderr: \(collected.text(isError: true))")
        #expect(process.terminationReason == .uncaughtSignal, "the first shell was killed, not finished")

        // Second shell: resumes and finishes.
        let stateFiles = (FileManager.default.subpaths(atPath: home.root.appendingPathComponent("state").path) ?? []).sorted()
        let planFile = (try? String(contentsOf: home.root.appendingPathComponent("state/conductor/plans/current.json"), encoding: .utf8)) ?? "(none)"
        let resumed = try home.run(["-c", "wait"], environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        #expect(resumed.status == 0, "stderr: \(resumed.standardError)\nfirst shell: \(collected.text(isError: true))\nstate: \(stateFiles)\nplan: \(planFile.prefix(400))")
        #expect(resumed.standardError.contains("Resuming plan "), "stderr: \(resumed.standardError)")
        #expect(resumed.standardOutput.components(separatedBy: "succeeded (ServerTasks-").count - 1 == 4, "stdout: \(resumed.standardOutput)")

        let after = try await Self.stagingDeployments(sandbox, key: key)
        for project in ["Projects-1", "Projects-2", "Projects-3", "Projects-4"] {
            #expect(after[project, default: 0] - before[project, default: 0] == 1, "\(project): before \(before), after \(after)")
        }
        // And the key is in no file the shell wrote (plan, ledger, history).
        #expect(!home.allFileContents().contains(key))
    }
}
