import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Issue 13's acceptance: the blog's "approve at 11 AM through Prod Approval, deploy at 7 PM" scenario through the
/// built binary, on a `conductor sandbox serve` child process arranged through its API as people would.
@Suite("conductor promote, approve today and deploy tonight", .serialized)
struct BlogApprovalEndToEndTests {
    static let application = "Database then Web API, Scheduling Service then Web UI"
    static let parentFlags = ["--parent", "Release Orchestration", "--parent-release", "2021.1.0", "--approval-environment", "Prod Approval"]

    @Test("approved through Prod Approval, promote --at +1m: nothing starts before the time, the stages run in order, every QA and Web Admin intervention is approved for the parent's approvers; Web Admins skipped and a later release are left to people")
    func approveTodayDeployTonight() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let keys = sandbox.apiKeys
        try #require(keys.count >= 5, "the sandbox prints the seeded keys: \(keys.count)")
        let (conductor, quinn, wes, olivia) = (keys[0], keys[2], keys[3], keys[4])
        let api = SandboxAPI(sandbox: sandbox, key: conductor)
        let connection = ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": conductor]

        // The children go to Staging (the service account approves the Web Admin step there, as asked).
        let staging = try PromoteRun(["--projects", Self.application, "--from", "Test", "--to", "Staging", "--approve-as-me", "--timeout", "5m"], environment: connection)
        try #require(staging.status == 0, "stderr: \(staging.standardError)")

        // The parent 2021.1.0 goes to Staging, then to Prod Approval with its Web Admins step skipped.
        let parent = try #require(try await api.object("GET", "/api/Spaces-1/projects/Projects-5/releases/2021.1.0")["Id"] as? String)
        try await api.deployToEnd(release: parent, environment: "Environments-3", approvers: [:])
        let process = try await api.object("GET", "/api/Spaces-1/projects/Projects-5/deploymentprocesses")
        let actions = (process["Steps"] as? [[String: Any]] ?? []).flatMap { $0["Actions"] as? [[String: Any]] ?? [] }
        let webAdminStep = try #require(actions.first { $0["Name"] as? String == "Web Admin Approval" }?["Id"] as? String)
        let approvers = ["Business Owner Approval": olivia, "QA Approval": quinn, "Web Admin Approval": wes]
        try await api.deployToEnd(release: parent, environment: "Environments-4", skip: [webAdminStep], approvers: approvers)

        // What-if with the Web Admins step skipped: the Web Admin interventions are left to people, QA's are covered.
        let skipped = try PromoteRun(["--projects", Self.application, "--to", "Production", "--what-if", "-o", "json"] + Self.parentFlags, environment: connection)
        try #require(skipped.status == 0, "stderr: \(skipped.standardError)")
        let interventions = try Self.interventions(skipped)
        #expect(interventions.count == 6)
        for row in interventions {
            if row["step"] as? String == "Web Admin Approval" {
                #expect(row["coverage"] as? String == "left to people")
                #expect((row["reason"] as? String)?.hasPrefix("none of the approvers (olivia, quinn) is in a responsible team (Web Admins") == true, "\(row)")
            } else {
                #expect(row["summary"] as? String == "auto-approved as quinn (QA)", "\(row)")
            }
        }

        // Approved in full at "11 AM" (the latest successful deployment to Prod Approval counts), deployed at "+1m".
        try await api.deployToEnd(release: parent, environment: "Environments-4", approvers: approvers)
        let requested = Date()
        let promotion = Task.detached {
            try PromoteRun(["--projects", Self.application, "--to", "Production", "--at", "+1m", "--time-zone", "UTC", "--timeout", "10m"] + Self.parentFlags, environment: connection)
        }
        try await Task.sleep(for: .seconds(25))
        let early = try await api.productionDeployments()
        #expect(early.map(\.project) == ["Projects-1"], "before the time only the first stage exists")
        for deployment in early {
            #expect(try await api.object("GET", "/api/Spaces-1/tasks/\(deployment.taskId)")["State"] as? String == "Queued")
        }
        let run = try await promotion.value
        #expect(run.status == 0, "stdout: \(run.standardOutput) stderr: \(run.standardError)")
        let coverageAt = run.standardError.range(of: "Manual interventions before deploying:")
        let firstStageAt = run.standardError.range(of: "Stage 1: deploying")
        #expect(coverageAt != nil && firstStageAt != nil && coverageAt!.lowerBound < firstStageAt!.lowerBound, "coverage comes first: \(run.standardError)")
        for child in ["Database", "Web API", "Scheduling Service", "Web UI"] {
            #expect(run.standardError.contains("\(child): approved 'QA Approval' on behalf of Quinn Tester (quinn)"), "stderr: \(run.standardError)")
        }
        for child in ["Web API", "Web UI"] {
            #expect(run.standardError.contains("\(child): approved 'Web Admin Approval' on behalf of Wes Admin (wes)"), "stderr: \(run.standardError)")
        }

        // On the server: every stage started after the time and after the stage before it; every intervention was
        // submitted with notes naming the parent deployment.
        let deployments = try await api.productionDeployments()
        #expect(Set(deployments.map(\.project)) == ["Projects-1", "Projects-2", "Projects-3", "Projects-4"])
        let stageOf = ["Projects-1": 0, "Projects-3": 1, "Projects-2": 1, "Projects-4": 2]
        var timings: [(stage: Int, start: Date, end: Date)] = []
        for deployment in deployments {
            let task = try await api.object("GET", "/api/Spaces-1/tasks/\(deployment.taskId)")
            #expect(task["State"] as? String == "Success")
            let start = try #require(Self.date(task["StartTime"]))
            let end = try #require(Self.date(task["CompletedTime"]))
            #expect(start >= requested.addingTimeInterval(59), "\(deployment.project) started before the time")
            timings.append((try #require(stageOf[deployment.project]), start, end))
            let items = try await api.object("GET", "/api/Spaces-1/interruptions?regarding=\(deployment.taskId)")["Items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty)
            for item in items {
                #expect(item["IsPending"] as? Bool == false)
                let notes = ((item["Form"] as? [String: Any])?["Values"] as? [String: Any])?["Notes"] as? String ?? ""
                #expect(notes.contains("Parent project Release Orchestration release 2021.1.0 to Prod Approval"), "\(notes)")
            }
        }
        for later in timings {
            for earlier in timings where earlier.stage < later.stage {
                #expect(later.start >= earlier.end, "stage \(later.stage + 1) started before stage \(earlier.stage + 1) ended")
            }
        }

        // A Web API release created after the approval is not covered by it, and the run says why before deploying.
        let fix = try #require(try await api.object("POST", "/api/Spaces-1/releases", json: ["ProjectId": "Projects-3", "Version": "2021.1.1.1"])["Id"] as? String)
        for environment in ["Environments-1", "Environments-2", "Environments-3"] {
            try await api.deployToEnd(release: fix, environment: environment, approvers: ["Web Admin Approval": wes])
        }
        let late = try PromoteRun(["--project", "Web API", "--to", "Production", "--timeout", "12s"] + Self.parentFlags, environment: connection)
        #expect(late.status == 124, "stderr: \(late.standardError)")
        #expect(late.standardError.contains("'Web Admin Approval' (Web Admins, Release Management): left to people: approval of 2021.1.0 (given "), "stderr: \(late.standardError)")
        #expect(late.standardError.contains("predates Web API 2021.1.1.1 (created "), "stderr: \(late.standardError)")
        #expect(!late.standardError.contains("approved '"), "nothing is approved on the old approval's strength: \(late.standardError)")
    }

    @Test("a misspelled parent, parent release or approval environment fails --what-if with exit 1 and the closest name", arguments: [
        (["--parent", "Release Orchestraton", "--parent-release", "2021.1.0", "--approval-environment", "Prod Approval"], "No parent project named 'Release Orchestraton'. Did you mean 'Release Orchestration'?"),
        (["--parent", "Release Orchestration", "--parent-release", "2021.1.9", "--approval-environment", "Prod Approval"], "No release of Release Orchestration named '2021.1.9'. Did you mean '2021.1.0'?"),
        (["--parent", "Release Orchestration", "--parent-release", "2021.1.0", "--approval-environment", "Prod Aproval"], "No approval environment named 'Prod Aproval'. Did you mean 'Prod Approval'?"),
    ])
    func misspelledParent(flags: [String], message: String) throws {
        let run = try PromoteRun(["--project", "Database", "--to", "Production", "--what-if"] + flags)
        #expect(run.status == 1, "stderr: \(run.standardError)")
        #expect(run.standardError.contains(message), "stderr: \(run.standardError)")
    }

    @Test("without a parent and without --approve-as-me, the tool submits no intervention")
    func noSelfApproval() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        let run = try PromoteRun(["--project", "Web API", "--from", "Test", "--to", "Staging", "--timeout", "12s"],
                                 environment: ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key])
        #expect(run.status == 124, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("'Web Admin Approval' (Web Admins, Release Management): left to people: no parent release is named"), "stderr: \(run.standardError)")
        let items = try await SandboxAPI(sandbox: sandbox, key: key).object("GET", "/api/Spaces-1/interruptions")["Items"] as? [[String: Any]] ?? []
        let webAdmin = items.filter { $0["Title"] as? String == "Web Admin Approval" }
        #expect(!webAdmin.isEmpty)
        for item in webAdmin {
            let result = ((item["Form"] as? [String: Any])?["Values"] as? [String: Any])?["Result"] as? String
            #expect(result == nil, "nobody submitted it: \(item)")
        }
    }

    static func interventions(_ run: PromoteRun) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let children = try #require(object["children"] as? [[String: Any]])
        return children.flatMap { $0["interventions"] as? [[String: Any]] ?? [] }
    }

    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// The sandbox's REST API as a person or build server uses it.
struct SandboxAPI {
    let sandbox: RunningSandbox
    let key: String

    /// Sends a request and decodes the JSON object it answers (status must be 2xx).
    func object(_ method: String, _ path: String, json: [String: Any]? = nil, key: String? = nil) async throws -> [String: Any] {
        // The URL is built from the text, so a query string stays a query string.
        guard let url = URL(string: sandbox.baseURL.absoluteString + path) else { throw EndToEndError.badResponse(path: path) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue(key ?? self.key, forHTTPHeaderField: "X-Octopus-ApiKey")
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let reply = ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        guard (200..<300).contains(reply.0) else {
            throw EndToEndError.unexpected("\(method) \(path): \(reply.0) \(String(decoding: reply.1, as: UTF8.self))")
        }
        return ((try? JSONSerialization.jsonObject(with: reply.1)) as? [String: Any]) ?? [:]
    }

    /// Deploys a release, skipping `skip` actions, and follows its task to success; the person whose key
    /// `approvers` gives for an intervention's title takes and proceeds it.
    func deployToEnd(release: String, environment: String, skip: [String] = [], approvers: [String: String]) async throws {
        let deployment = try await object("POST", "/api/Spaces-1/deployments", json: ["ReleaseId": release, "EnvironmentId": environment, "SkipActions": skip])
        let taskId = try #require(deployment["TaskId"] as? String)
        for _ in 0..<600 {
            let task = try await object("GET", "/api/Spaces-1/tasks/\(taskId)")
            if task["IsCompleted"] as? Bool == true {
                try #require(task["State"] as? String == "Success", "\(release) to \(environment): \(task["State"] ?? "?")")
                return
            }
            if task["HasPendingInterruptions"] as? Bool == true {
                let items = try await object("GET", "/api/Spaces-1/interruptions?regarding=\(taskId)&pendingOnly=true")["Items"] as? [[String: Any]] ?? []
                for item in items where item["IsPending"] as? Bool == true {
                    guard let id = item["Id"] as? String, let title = item["Title"] as? String, let person = approvers[title] else { continue }
                    _ = try await object("PUT", "/api/Spaces-1/interruptions/\(id)/responsible", key: person)
                    _ = try await object("POST", "/api/Spaces-1/interruptions/\(id)/submit", json: ["Notes": "Approved for tonight.", "Result": "Proceed"], key: person)
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EndToEndError.unexpected("task \(taskId) of \(release) to \(environment) did not finish")
    }

    /// The deployments to Production: project and task id.
    func productionDeployments() async throws -> [(project: String, taskId: String)] {
        let items = try await object("GET", "/api/Spaces-1/deployments?environments=Environments-5")["Items"] as? [[String: Any]] ?? []
        return items.compactMap { item in
            guard let project = item["ProjectId"] as? String, let task = item["TaskId"] as? String else { return nil }
            return (project, task)
        }.reversed()
    }
}
