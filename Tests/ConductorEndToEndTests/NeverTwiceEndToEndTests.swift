import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TestSupport
import Testing

/// Issue 7's table, reproduced with the built binary against `conductor sandbox serve` (sample, `--speed 20`): each
/// row's reproduction now passes.
@Suite("never twice, never orphaned", .serialized)
struct NeverTwiceEndToEndTests {
    static let application = PromoteEndToEndTests.application

    static func stateDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("conductor-state-\(UUID().uuidString)").path
    }

    static func connection(_ sandbox: RunningSandbox, state: String) throws -> [String: String] {
        ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": try #require(sandbox.apiKeys.first), "XDG_STATE_HOME": state]
    }

    /// Deployments to an environment per project id.
    static func deployments(_ sandbox: RunningSandbox, environment: String) async throws -> [String: [String]] {
        let key = try #require(sandbox.apiKeys.first)
        let (_, body) = try await sandbox.get("/api/Spaces-1/deployments", apiKey: key, query: "environments=\(environment)&take=10000")
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let items = try #require(object["Items"] as? [[String: Any]])
        return Dictionary(grouping: items, by: { $0["ProjectId"] as? String ?? "" }).mapValues { $0.compactMap { $0["Id"] as? String } }
    }

    /// New deployments per project since `before`.
    static func added(_ before: [String: [String]], _ after: [String: [String]]) -> [String: Int] {
        after.mapValues { $0.count }.merging(before.mapValues { -$0.count }) { $0 + $1 }.filter { $0.value != 0 }
    }

    /// Deployments made since `before` whose task started, per project. A twin created in the same instant by a run
    /// without the shared ledger is cancelled before it starts, so it is not counted.
    static func ranPerProject(_ sandbox: RunningSandbox, before: [String: [String]], after: [String: [String]]) async throws -> [String: Int] {
        let key = try #require(sandbox.apiKeys.first)
        var ran: [String: Int] = [:]
        for (project, ids) in after {
            for id in ids where !(before[project] ?? []).contains(id) {
                let (_, body) = try await sandbox.get("/api/Spaces-1/deployments/\(id)", apiKey: key)
                let deployment = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
                let (_, taskBody) = try await sandbox.get("/api/tasks/\(deployment["TaskId"] as? String ?? "")", apiKey: key)
                let task = try #require(try JSONSerialization.jsonObject(with: taskBody) as? [String: Any])
                if task["StartTime"] as? String != nil { ran[project, default: 0] += 1 }
            }
        }
        return ran
    }

    /// Starts `conductor promote …`, kills it with SIGKILL after the `count`-th "created deployment" line.
    static func promoteKilled(after count: Int, arguments: [String], environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = try ConductorBinary.located().url
        process.arguments = ["promote"] + arguments
        var variables = ProcessInfo.processInfo.environment
        for name in ["OCTOPUS_URL", "OCTOPUS_API_KEY", "OCTOPUS_SPACE"] { variables[name] = nil }
        process.environment = variables.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var seen = 0
        var pending = ""
        while seen < count {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            pending += String(decoding: data, as: UTF8.self)
            seen = pending.components(separatedBy: "created deployment").count - 1
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("row 1: kill -9 after the first created deployment, run again: no second deployment", arguments: [1, 3])
    func killedThenRerun(createdBeforeKill: Int) async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "20"])
        defer { _ = sandbox.stop() }
        let state = Self.stateDirectory()
        let arguments = ["--projects", Self.application, "--from", "Test", "--to", "Staging", "--timeout", "120", "--approve-as-me"]
        let before = try await Self.deployments(sandbox, environment: "Environments-3")
        let connection = try Self.connection(sandbox, state: state)
        _ = try await offThePool { try Self.promoteKilled(after: createdBeforeKill, arguments: arguments, environment: connection) }
        let rerun = try await offThePool { try PromoteRun(arguments, environment: connection) }
        #expect(rerun.status == 0, "stderr: \(rerun.standardError)")
        // What the killed run created is followed ("… is already deploying to Staging …; following it") or, when it
        // finished meanwhile, is already current; either way nothing is created twice.
        let added = Self.added(before, try await Self.deployments(sandbox, environment: "Environments-3"))
        #expect(added.count == 4 && added.values.allSatisfy { $0 == 1 }, "new Staging deployments per project: \(added)")
    }

    @Test("row 7: two promotions started together, shared or separate state: each child deployed once", arguments: [true, false])
    func concurrentPromotions(sharedState: Bool) async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "20"])
        defer { _ = sandbox.stop() }
        let shared = Self.stateDirectory()
        let arguments = ["--projects", Self.application, "--from", "Test", "--to", "Staging", "--timeout", "120", "--approve-as-me"]
        let before = try await Self.deployments(sandbox, environment: "Environments-3")
        let environments = try [shared, sharedState ? shared : Self.stateDirectory()].map { try Self.connection(sandbox, state: $0) }
        let runs = try await withThrowingTaskGroup(of: PromoteRun.self) { group in
            for environment in environments {
                group.addTask { try await offThePool { try PromoteRun(arguments, environment: environment) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0, "stderr: \(run.standardError)") }
        let after = try await Self.deployments(sandbox, environment: "Environments-3")
        let ran = try await Self.ranPerProject(sandbox, before: before, after: after)
        #expect(ran.count == 4 && ran.values.allSatisfy { $0 == 1 }, "deployments that ran per project: \(ran)")
        if sharedState {
            #expect(Self.added(before, after).values.allSatisfy { $0 == 1 })
        }
    }

    @Test("row 7 in the shell: two shells deploying the same plan at once, shared or separate state: each child once", arguments: [true, false])
    func concurrentShells(sharedState: Bool) async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "20"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let homes = try sharedState ? [ShellHome()].flatMap { [$0, $0] } : [ShellHome(), ShellHome()]
        let script = "use projects \"\(Self.application)\"; find to Staging; approve as me; deploy --yes; wait --timeout 120"
        let before = try await Self.deployments(sandbox, environment: "Environments-3")
        let runs = try await withThrowingTaskGroup(of: ConductorBinary.Outcome.self) { group in
            for home in homes {
                group.addTask {
                    try await offThePool { try home.run(["-c", script], environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key]) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0, "stderr: \(run.standardError)") }
        let after = try await Self.deployments(sandbox, environment: "Environments-3")
        let ran = try await Self.ranPerProject(sandbox, before: before, after: after)
        #expect(ran.count == 4 && ran.values.allSatisfy { $0 == 1 }, "deployments that ran per project: \(ran)")
        if sharedState {
            #expect(Self.added(before, after).values.allSatisfy { $0 == 1 })
        }
    }

    @Test("row 6: a project named twice is a usage error, nothing deployed")
    func duplicateProject() throws {
        let run = try PromoteRun(["--projects", "Database, Database", "--to", "Staging"])
        #expect(run.status == 2, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("'Database' more than once"))
    }

    @Test("rows 8 and 14: bad URLs and numbers are usage errors that name the bound", arguments: [
        (["--server", "http://127.0.0.1:99999", "--api-key", "API-ABCDEFGHIJKLMNOP1234"], "1 to 65535"),
        (["--server", "https://ann:pw@octopus.example.com", "--api-key", "API-ABCDEFGHIJKLMNOP1234"], "user name or password"),
        (["--timeout", "-5"], "1 s to 7 days"),
        (["--timeout", "1e308h"], "1 s to 7 days"),
        (["--timeout", "0x10"], "1 s to 7 days"),
        (["--at", "+99999999999999999999d"], "--at"),
        (["--time-zone", "Europe/London"], "--time-zone only applies to --at"),
        (["--parent-release", "2021.1.0"], "--parent-release needs --parent"),
        (["--variable", "::"], "Name::Value"),
    ])
    func badInput(extra: [String], mention: String) throws {
        let run = try PromoteRun(["--project", "Database", "--to", "Staging"] + extra)
        #expect(run.status == 2, "stderr: \(run.standardError)")
        #expect(run.standardError.contains(mention), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("pw@"))
    }

    @Test("row 10: a key with CR, LF or DEL is refused before any request and never printed", arguments: ["API-MYSECRETKEY\n123", "API-MYSECRETKEY\r123", "API-MYSECRETKEY\u{7F}123"])
    func malformedKey(key: String) throws {
        let run = try PromoteRun(["--project", "Database", "--to", "Staging", "--server", "http://127.0.0.1:9"], environment: ["OCTOPUS_API_KEY": key])
        #expect(run.status == 2, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("not an Octopus API key"))
        #expect(!run.standardError.contains("MYSECRETKEY") && !run.standardOutput.contains("MYSECRETKEY"))
        #expect(!run.standardError.contains("attempts"), "no request was made")
    }

    @Test("row 12: plain http to another machine prints one warning")
    func plainHTTPWarning() throws {
        let run = try PromoteRun(["--project", "Database", "--to", "Staging", "--server", "http://192.0.2.1:9", "--api-key", "API-ABCDEFGHIJKLMNOP1234"])
        #expect(run.standardError.components(separatedBy: "travels unencrypted").count == 2, "stderr: \(run.standardError)")
    }

    @Test("row 12: the shell warns once, before connecting, about plain http to another machine")
    func shellPlainHTTPWarning() throws {
        let home = try ShellHome()
        let run = try home.run(["-c", "echo hi"], environment: ["OCTOPUS_URL": "http://192.0.2.1:9", "OCTOPUS_API_KEY": "API-ABCDEFGHIJKLMNOP1234"])
        #expect(run.standardError.components(separatedBy: "travels unencrypted").count == 2, "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("ABCDEFGHIJKLMNOP1234"))
        let loopback = try home.run(["-c", "echo hi"], environment: ["OCTOPUS_URL": "http://127.0.0.1:9", "OCTOPUS_API_KEY": "API-ABCDEFGHIJKLMNOP1234"])
        #expect(!loopback.standardError.contains("travels unencrypted"), "stderr: \(loopback.standardError)")
    }

    @Test("row 9: the sandbox refuses a latency it cannot apply", arguments: ["1e309", "2e13", "5±1e309"])
    func sandboxLatencyBounds(latency: String) throws {
        let outcome = try ConductorBinary.located().run(["sandbox", "serve", "--memory", "--port", "0", "--latency", latency])
        #expect(outcome.status != 0 && outcome.status != 4 && outcome.status < 128, "status \(outcome.status), stderr: \(outcome.standardError)")
        #expect(outcome.standardError.contains("--latency"))
    }

    @Test("row 15: sandbox serve prints its fault seed; --fault-seed sets it")
    func faultSeed() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--fail-rate", "0.01", "--fault-seed", "12345"])
        defer { _ = sandbox.stop() }
        #expect(sandbox.output.contains("--fault-seed 12345"))
    }
}
