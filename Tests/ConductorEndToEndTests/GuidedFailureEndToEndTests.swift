import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `conductor promote` when a child's deployment stops on guided failure (§5.21, B16): the binary never answers the
/// prompt; a person answers it with Fail, the task fails and the exit status is 4.
@Suite("conductor promote, guided failure", .serialized)
struct GuidedFailureEndToEndTests {
    @Test("a child that hits guided failure, failed by a person, exits 4")
    func guidedFailureFailedByAPersonExits4() async throws {
        let sandbox = try await RunningSandbox.start(try ConductorBinary.located(), extra: ["--speed", "50"])
        defer { _ = sandbox.stop() }
        let key = try #require(sandbox.apiKeys.first)
        // Staging uses guided failure (the sample's projects follow the environment), and Database's deploy step fails.
        let staging = "/api/Spaces-1/environments/Environments-3"
        var environment = try #require(try JSONSerialization.jsonObject(with: try await sandbox.get(staging, apiKey: key).body) as? [String: Any])
        #expect(environment["Name"] as? String == "Staging")
        environment["UseGuidedFailure"] = true
        let edited = try await PromoteEndToEndTests.send(sandbox, "PUT", staging, key: key, body: try JSONSerialization.data(withJSONObject: environment))
        #expect(edited.status == 200, "\(String(decoding: edited.body, as: UTF8.self))")
        let arranged = try await PromoteEndToEndTests.post(sandbox, "/api/sandbox/failures", key: key,
                                                           json: #"{"ProjectId": "Projects-1", "Step": "Deploy Database", "Message": "Disk full"}"#)
        #expect((200..<300).contains(arranged))

        let connection = ["OCTOPUS_URL": sandbox.baseURL.absoluteString, "OCTOPUS_API_KEY": key]
        let promotion = Task.detached {
            try PromoteRun(["--project", "Database", "--from", "Test", "--to", "Staging", "--timeout", "2m"], environment: connection)
        }
        // The person: waits for the guided-failure prompt, takes it and answers Fail.
        var answered: String?
        for _ in 0..<300 where answered == nil {
            try await Task.sleep(for: .milliseconds(100))
            let listed = try await sandbox.get("/api/Spaces-1/interruptions", apiKey: key)
            let items = (try JSONSerialization.jsonObject(with: listed.body) as? [String: Any])?["Items"] as? [[String: Any]] ?? []
            guard let prompt = items.first(where: { item in
                item["IsPending"] as? Bool == true
                    && ((item["Form"] as? [String: Any])?["Elements"] as? [[String: Any]])?.contains { $0["Name"] as? String == "Guidance" } == true
            }), let id = prompt["Id"] as? String else { continue }
            let taken = try await PromoteEndToEndTests.send(sandbox, "PUT", "/api/Spaces-1/interruptions/\(id)/responsible", key: key, body: Data())
            #expect(taken.status == 200, "\(String(decoding: taken.body, as: UTF8.self))")
            let submitted = try await PromoteEndToEndTests.post(sandbox, "/api/Spaces-1/interruptions/\(id)/submit", key: key,
                                                                json: #"{"Notes": "Disk full; failing it.", "Guidance": "Fail"}"#)
            #expect(submitted == 200)
            answered = id
        }
        let run = try await promotion.value
        #expect(answered != nil, "no guided-failure prompt appeared; stderr: \(run.standardError)")
        #expect(run.status == 4, "stdout: \(run.standardOutput) stderr: \(run.standardError)")
        #expect(!run.standardError.contains("approved"), "guided failure is never auto-submitted: \(run.standardError)")
        // The failed task is the promoted deployment's, and it stopped on the prompt the person answered.
        let taskId = try #require(run.standardOutput.firstMatch(of: #/failed \((ServerTasks-\d+)\)/#).map { String($0.1) }, "table: \(run.standardOutput)")
        let task = try JSONSerialization.jsonObject(with: try await sandbox.get("/api/Spaces-1/tasks/\(taskId)", apiKey: key).body) as? [String: Any]
        #expect(task?["State"] as? String == "Failed")
        let prompt = try JSONSerialization.jsonObject(with: try await sandbox.get("/api/Spaces-1/interruptions/\(try #require(answered))", apiKey: key).body) as? [String: Any]
        #expect(prompt?["TaskId"] as? String == taskId)
        #expect((prompt?["Form"] as? [String: Any]).flatMap { $0["Values"] as? [String: Any] }?["Guidance"] as? String == "Fail")
    }
}
