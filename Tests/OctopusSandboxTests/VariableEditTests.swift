import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// `PUT /variables/{id}` and the variable lists: an edit bumps the version, leaves the releases'
/// snapshots as they were (so their deployment templates say the variables changed), and bad edits
/// are refused with what to fix.
@Suite("Variable edits")
struct VariableEditTests {
    private let webAPIVariables = "/api/Spaces-1/variables/\(VariableSetID(project: SampleSeed.Projects.webAPI).rawValue)"

    private func body(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func anEditMakesTheReleasesSnapshotStale() async throws {
        try await withSampleSandbox { http in
            let release = try #require(SampleSeed.releaseID(project: SampleSeed.Projects.webAPI, version: "2021.1.0.15"))
            let template = "/api/Spaces-1/releases/\(release)/deployments/template"
            #expect(try await http.get(template).object["IsVariableSetModified"] as? Bool == false)
            var set = try await http.get(webAPIVariables).object
            var variables = set["Variables"] as? [[String: Any]] ?? []
            variables[0]["Value"] = "Web API (edited)"
            variables.append(["Name": "WebAPI.Replicas", "Value": "3", "Scope": ["Environment": [SampleSeed.Environments.production.rawValue]]])
            set["Variables"] = variables
            let reply = try await http.send("PUT", webAPIVariables, body: try body(set))
            #expect(reply.status == 200)
            #expect(reply.object["Version"] as? Int == 2)
            let saved = reply.object["Variables"] as? [[String: Any]] ?? []
            #expect(saved.count == 2 && (saved[1]["Id"] as? String)?.isEmpty == false)
            #expect(try await http.get(template).object["IsVariableSetModified"] as? Bool == true)
            let names = try await http.get("/api/Spaces-1/variables/names?project=\(SampleSeed.Projects.webAPI)").json as? [String]
            #expect(names == ["App.Name", "WebAPI.Replicas"])
            let all = try await http.get("/api/variables/all").json as? [[String: Any]] ?? []
            #expect(all.count == 5 && all.allSatisfy { !(($0["Id"] as? String) ?? "").contains("-s-") })

            // Refreshing the snapshot makes the release current again.
            #expect(try await http.send("POST", "/api/Spaces-1/releases/\(release)/snapshot-variables").status == 200)
            #expect(try await http.get(template).object["IsVariableSetModified"] as? Bool == false)
        }
    }

    @Test func refusesStaleVersionsSnapshotsBadScopesAndViewers() async throws {
        try await withSampleSandbox { http in
            let set = try await http.get(webAPIVariables).object
            var stale = set
            stale["Version"] = 0
            let conflict = try await http.send("PUT", webAPIVariables, body: try body(stale))
            #expect(conflict.status == 400)
            #expect(conflict.error?.errors.first?.contains("GET it again") == true)

            let bad: [String: Any] = ["Version": 1, "Variables": [["Name": " "], ["Name": "X", "Scope": ["Environment": ["Environments-99"], "Planet": ["Mars"]]]]]
            let refused = try await http.send("PUT", webAPIVariables, body: try body(bad))
            #expect(Set(refused.error?.errors ?? []) == [
                "Variable 1 has no Name; every variable needs one.",
                "The variable 'X' is scoped to the environment 'Environments-99', which does not exist in Spaces-1.",
                "The variable 'X' is scoped by 'Planet', which is not a scope; use one of Action, Channel, Environment, Machine, ProcessOwner, Role, Tenant, TenantTag.",
            ])

            let release = try #require(try await http.get("/api/Spaces-1/releases/Releases-7").object["ProjectVariableSetSnapshotId"] as? String)
            let snapshot = try await http.send("PUT", "/api/Spaces-1/variables/\(release)", body: try body(["Variables": []]))
            #expect(snapshot.status == 400)
            #expect(snapshot.error?.errors.first?.contains("is a release's snapshot") == true)

            let viewer = SandboxHTTP(server: http.server, apiKey: SampleSeed.qaAPIKey)
            #expect(try await viewer.send("PUT", webAPIVariables, body: try body(set)).status == 403)
            #expect(try await http.send("PUT", "/api/Spaces-1/variables/variableset-Projects-99", body: try body(set)).status == 404)
        }
    }
}
