import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `conductor promote` as a user runs it: the built binary, its embedded sandbox (or a
/// `conductor sandbox serve` child process), flags, output formats, service messages, exit codes.
@Suite("conductor promote", .serialized)
struct PromoteEndToEndTests {
    static let application = "Database then Web API, Scheduling Service then Web UI"

    @Test("--what-if -o json reports every child with the template's outputs and deploys nothing")
    func whatIfJSON() throws {
        let run = try PromoteRun(["--projects", Self.application, "--from", "Test", "--to", "Staging", "--what-if", "-o", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(object["destination"] as? String == "Staging")
        let children = try #require(object["children"] as? [[String: Any]])
        #expect(children.compactMap { $0["project"] as? String } == ["Database", "Web API", "Scheduling Service", "Web UI"])
        #expect(children.map { $0["stage"] as? Int } == [1, 2, 2, 3])
        for child in children {
            #expect(child["deploymentId"] == nil, "what-if creates no deployment")
            let outputs = try #require(child["outputs"] as? [String: String])
            #expect(Set(outputs.keys) == ["ReleaseToPromote", "ReleaseNotes", "ChildReleaseToDeploy"])
        }
        let webAPI = try #require(children.first { $0["project"] as? String == "Web API" })
        #expect(webAPI["release"] as? String == "2021.1.0.14", "the last *successful* release in Test, not .15")
    }

    @Test("--octopus-service-messages writes the three outputs base64-encoded, bare names for one child")
    func serviceMessages() throws {
        let run = try PromoteRun(["--project", "Web API", "--from", "Test", "--to", "Staging", "--what-if", "--octopus-service-messages", "-o", "basic"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let variables = Self.serviceVariables(in: run.standardOutput)
        #expect(variables["ReleaseToPromote"] == "2021.1.0.14")
        #expect(variables["Web API.ReleaseToPromote"] == "2021.1.0.14")
        #expect(variables["ChildReleaseToDeploy"] == "True")
        #expect(variables["ReleaseNotes"]?.isEmpty == false)
        let basic = run.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("##octopus[") }
        #expect(basic.count == 1 && basic[0].hasPrefix("Releases-"), "basic prints the release that would deploy: \(basic)")
    }

    /// The key's user and the space are read beside find (issue 10): a key or space the server refuses still stops a
    /// real promotion with the connection's own error, before anything is created.
    @Test("a refused key or a missing space reports the connection's error and deploys nothing")
    func refusedConnectionDeploysNothing() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let api = SandboxAPI(sandbox: sandbox, key: key)
        let before = try #require(try await api.object("GET", "/api/Spaces-1/deployments?take=1")["TotalResults"] as? Int)
        let server = ["--server", sandbox.baseURL.absoluteString]
        let refused = try PromoteRun(["--projects", Self.application, "--to", "Staging", "--api-key", "API-WRONGWRONGWRONGWRONGWRONGWRONG1", "--space", "Spaces-1"] + server)
        #expect(refused.status == 5, "stderr: \(refused.standardError)")
        #expect(refused.standardError.contains("401 Unauthorized"), "stderr: \(refused.standardError)")
        #expect(!refused.standardError.contains("WRONGWRONG"), "the key is never printed")
        let missing = try PromoteRun(["--projects", Self.application, "--to", "Staging", "--api-key", key, "--space", "Spaces-99"] + server)
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("The Space 'Spaces-99' was not found"), "stderr: \(missing.standardError)")
        let after = try #require(try await api.object("GET", "/api/Spaces-1/deployments?take=1")["TotalResults"] as? Int)
        #expect(after == before, "nothing was deployed")
    }

    @Test("a real promotion deploys, waits and reports success")
    func deployAndWait() throws {
        let run = try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging", "--timeout", "10m"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.contains("Promotion to Staging"))
        #expect(run.standardOutput.contains("succeeded (ServerTasks-"), "table: \(run.standardOutput)")
        #expect(run.standardError.contains("Database: "), "progress goes to stderr")
    }

    /// `make run`'s promotion (the Makefile's RUN_ARGS): the sample application, Test to Staging, `--approve-as-me`.
    /// The Web Admins' interventions in Staging also name Release Management (the blog's scaffolding), so the service
    /// account, asked to, approves them as itself.
    @Test("make run's promotion of the sample application finishes, auto-approving as the service account because it is asked to")
    func sampleApplicationToStaging() throws {
        let run = try PromoteRun(["--projects", "Database then Web API, Scheduling Service then Web UI", "--from", "Test", "--to", "Staging", "--approve-as-me", "--timeout", "10m"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        for child in ["Web API", "Web UI"] {
            #expect(run.standardError.contains("\(child): approved 'Web Admin Approval' on behalf of Release Conductor (release-conductor)"), "stderr: \(run.standardError)")
        }
        for child in ["Database", "Web API", "Scheduling Service", "Web UI"] {
            #expect(run.standardOutput.contains(child), "table: \(run.standardOutput)")
        }
        #expect(!run.standardOutput.contains("cancelled"), "table: \(run.standardOutput)")
    }

    @Test("a child still waiting on an intervention at --timeout is cancelled and the exit status is 124")
    func waitTimeout() throws {
        let run = try PromoteRun(["--project", "Web API", "--from", "Test", "--to", "Staging", "--timeout", "2s", "--no-auto-approve"])
        #expect(run.status == 124, "stderr: \(run.standardError)")
        #expect(run.standardOutput.contains("cancelled after wait timeout"))
        #expect(run.standardError.contains("waiting on manual intervention 'Web Admin Approval'"))
    }

    @Test("--no-wait (with or without --at) returns once the deployments exist; -o basic prints their task ids")
    func noWaitAndSchedule() throws {
        let now = try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging", "--no-wait", "-o", "basic"])
        #expect(now.status == 0, "stderr: \(now.standardError)")
        #expect(now.standardOutput.range(of: #"^ServerTasks-\d+\n$"#, options: .regularExpression) != nil, "basic: \(now.standardOutput)")

        // With a start time, waiting would sleep until it (issue 13); --no-wait queues it and returns.
        let later = try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging", "--at", "+2h", "--time-zone", "UTC", "--no-wait"])
        #expect(later.status == 0, "stderr: \(later.standardError)")
        #expect(later.standardOutput.contains("starting "), "the table echoes the start: \(later.standardOutput)")
        #expect(later.standardOutput.contains("+00:00"))
        #expect(later.standardOutput.contains("queued, not waited for"))
    }

    @Test("--save-notes writes the notes file and announces it as an artifact")
    func saveNotes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("promote-notes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try PromoteRun(["--project", "Web API", "--from", "Test", "--to", "Staging", "--what-if", "--save-notes", "--octopus-service-messages"], directory: directory)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let notes = try #require(files.first { $0.contains(".ReleaseNotes_") }, "files: \(files)")
        #expect(notes.hasPrefix("Web API 2021.1.0.14 Staging.ReleaseNotes_"))
        let artifact = try #require(run.standardOutput.split(separator: "\n").first { $0.hasPrefix("##octopus[createArtifact ") })
        #expect(artifact.contains("name='\(Data(notes.utf8).base64EncodedString())'"))
    }

    @Test("bad usage exits 2 and names the fix", arguments: [
        (["--project", "Web API"], "--to"),
        (["--to", "Staging"], "--project"),
        (["--project", "A", "--projects", "B then C", "--to", "Staging"], "either --project or --projects"),
        (["--project", "A", "--to", "Staging", "--timeout", "soon"], "'soon'"),
        (["--project", "A", "--to", "Staging", "--release", "2021.[1"], "2021.[1"),
        (["--project", "A", "--to", "Staging", "--variable", "NoSeparator"], "NoSeparator"),
        (["--project", "A", "--to", "Staging", "--api-key", "API-ABCDEFGHIJKLMNOP1234"], "--server"),
        (["--project", "A", "--to", "Staging", "--server", "octopus.example.com", "--api-key", "API-ABCDEFGHIJKLMNOP1234"], "octopus.example.com"),
        (["--project", "A", "--to", "Staging", "--mode", "sideways"], "sideways"),
        (["--project", "A", "--to", "Staging", "--on-missing", "shrug"], "shrug"),
        (["--project", "A", "--to", "Staging", "-o", "yaml"], "yaml"),
        (["--project", "A", "--to", "Staging", "--at", "yesterday at noon"], "yesterday at noon"),
        (["--project", "A", "--to", "Staging", "--at", "19:00", "--time-zone", "Mars/Olympus"], "Mars/Olympus"),
    ])
    func usageErrors(arguments: [String], mention: String) throws {
        let run = try PromoteRun(arguments)
        #expect(run.status == 2, "exit status; stderr: \(run.standardError)")
        #expect(run.standardError.contains(mention), "stderr mentions \(mention): \(run.standardError)")
        #expect(!run.standardError.contains("ABCDEFGHIJKLMNOP"), "the key never prints")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("an unknown project fails with exit 1 and suggests names")
    func unknownProject() throws {
        let run = try PromoteRun(["--project", "Web APX", "--to", "Staging", "--what-if"])
        #expect(run.status == 1, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("Web APX"))
        #expect(run.standardError.contains("Web API"), "closest name suggested: \(run.standardError)")
    }

    @Test("a wrong API key exits 5 and never prints the key")
    func wrongKey() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located())
        defer { _ = sandbox.stop() }
        let key = "API-NOTAREALKEYNOTAREALKEY00001"
        let run = try PromoteRun(["--project", "Database", "--to", "Staging", "--what-if"],
                                 environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        #expect(run.status == 5, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("401"))
        #expect(!run.standardError.contains("NOTAREALKEY") && !run.standardOutput.contains("NOTAREALKEY"))
    }

    @Test("a server from flags, a space by name: works, and the key never prints")
    func explicitServer() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located())
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let run = try PromoteRun(["--server", sandbox.baseURL.absoluteString + "/api", "--api-key", key, "--space", "Default",
                                  "--project", "Database", "--from", "Test", "--to", "Staging", "--what-if", "-o", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(!run.standardOutput.contains(key) && !run.standardError.contains(key))
        #expect(!run.standardError.contains("embedded sandbox"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect((object["children"] as? [[String: Any]])?.count == 1)
    }

    @Test("a child deployment that fails exits 4")
    func failedDeployment() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let arranged = try await Self.post(sandbox, "/api/sandbox/failures", key: key,
                                           json: #"{"ProjectId": "Projects-1", "Step": "Deploy Database", "Message": "Disk full"}"#)
        #expect((200..<300).contains(arranged))
        let run = try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging"],
                                 environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        #expect(run.status == 4, "stdout: \(run.standardOutput) stderr: \(run.standardError)")
        #expect(run.standardOutput.contains("failed (ServerTasks-"))
    }

    @Test("under injected 503s and dropped connections a promotion succeeds and deploys once")
    func promotionUnderFaults() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50", "--fail-rate", "0.2", "--reset-rate", "0.1"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let run = try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging", "-o", "json"],
                                 environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let child = try #require((object["children"] as? [[String: Any]])?.first)
        #expect(child["outcome"] as? String == "Success")
        let releaseId = try #require(child["releaseId"] as? String)
        // Read back through the same faults, retrying like a client would.
        var deployments: [[String: Any]]?
        for _ in 0..<30 where deployments == nil {
            if let reply = try? await sandbox.get("api/Spaces-1/releases/\(releaseId)/deployments", apiKey: key), reply.status == 200 {
                deployments = (try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["Items"] as? [[String: Any]]
            }
        }
        let toStaging = try #require(deployments).filter { $0["EnvironmentId"] as? String == "Environments-3" }
        #expect(toStaging.count == 1, "exactly one deployment of \(releaseId) to Staging")
    }

    /// POSTs JSON to the sandbox; returns the status.
    static func post(_ sandbox: RunningSandbox, _ path: String, key: String, json: String) async throws -> Int {
        try await send(sandbox, "POST", path, key: key, body: Data(json.utf8)).status
    }

    /// Sends a JSON body with `method` to the sandbox; returns the status and the response body.
    static func send(_ sandbox: RunningSandbox, _ method: String, _ path: String, key: String, body: Data) async throws -> (status: Int, body: Data) {
        guard let url = URL(string: sandbox.baseURL.absoluteString + path) else { throw EndToEndError.badResponse(path: path) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(key, forHTTPHeaderField: "X-Octopus-ApiKey")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test("an unreachable server fails with exit 1 and says so")
    func unreachableServer() throws {
        let run = try PromoteRun(["--project", "Database", "--to", "Staging", "--server", "http://127.0.0.1:9", "--api-key", "API-ABCDEFGHIJKLMNOP1234"])
        #expect(run.status == 1, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("reachable"))
        #expect(!run.standardError.contains("ABCDEFGHIJKLMNOP"))
    }

    /// `##octopus[setVariable name='…' value='…']` lines, decoded.
    static func serviceVariables(in output: String) -> [String: String] {
        var variables: [String: String] = [:]
        let pattern = #/##octopus\[setVariable name='([^']*)' value='([^']*)'\]/#
        for line in output.split(separator: "\n") {
            guard let match = line.firstMatch(of: pattern),
                  let name = Data(base64Encoded: String(match.1)), let value = Data(base64Encoded: String(match.2)) else { continue }
            variables[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
        }
        return variables
    }
}

/// One `conductor promote …` run with a chosen environment and working directory. The
/// connection variables of the test's own environment are removed, so the embedded sandbox is
/// used unless the test names a server, and the ledger goes to a fresh `XDG_STATE_HOME` unless
/// the test names one (never the machine's own state directory).
struct PromoteRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws {
        var variables = ProcessInfo.processInfo.environment
        for name in ["OCTOPUS_URL", "OCTOPUS_API_KEY", "OCTOPUS_SPACE"] { variables[name] = nil }
        variables["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-state-\(UUID().uuidString)").path
        variables.merge(environment) { $1 }
        let outcome = try ConductorBinary.located().run(
            ["promote"] + arguments, environment: variables, directory: directory ?? FileManager.default.temporaryDirectory)
        status = outcome.status
        standardOutput = outcome.standardOutput
        standardError = outcome.standardError
    }
}
