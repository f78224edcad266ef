import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// §5.27 end to end over HTTP: someone edits a child project's variables through
/// `PUT /variables/{id}` after its release was made; whatif reports the release's snapshot stale,
/// and a promotion with refreshSnapshots refreshes it, after which the release is current again.
@Suite(.serialized)
struct VariableEditSnapshotTests {
    /// Changes the first variable of a project's set through the sandbox's HTTP API, as a person would.
    private func editVariables(of project: ProjectID, on sandbox: SandboxHarness) async throws {
        let path = "/api/Spaces-1/variables/\(VariableSetID(project: project).rawValue)"
        let url = try #require(URL(string: sandbox.server.baseURL.absoluteString + path))
        var read = URLRequest(url: url)
        read.setValue(SampleSeed.releaseManagerAPIKey, forHTTPHeaderField: "X-Octopus-ApiKey")
        let (data, _) = try await URLSession.shared.data(for: read)
        var set = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var variables = try #require(set["Variables"] as? [[String: Any]])
        variables[0]["Value"] = "edited after the release"
        set["Variables"] = variables
        var write = read
        write.httpMethod = "PUT"
        write.httpBody = try JSONSerialization.data(withJSONObject: set)
        write.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (_, response) = try await URLSession.shared.data(for: write)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }

    @Test(arguments: [false, true])
    func anEditThroughTheAPIMakesTheSnapshotStaleUntilRefreshed(refresh: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let options = PromotionOptions(
                application: Application(sequential: ["Scheduling Service"]), destination: "Staging", refreshSnapshots: refresh)
            let before = try await engine.whatIf(try await engine.find(options))
            #expect(before.child("Scheduling Service")?.preview?.snapshotIsStale == false)

            try await editVariables(of: SampleSeed.Projects.schedulingService, on: sandbox)
            let plan = try await engine.whatIf(try await engine.find(options))
            let child = try #require(plan.child("Scheduling Service"))
            #expect(child.preview?.snapshotIsStale == true)
            let releaseID = try #require(child.release?.id)

            let deployed = try await engine.deploy(plan)
            #expect(deployed.child("Scheduling Service")?.preview?.snapshotRefreshed == refresh)
            #expect(try await engine.wait(deployed).child("Scheduling Service")?.outcome == .success)

            let again = try await engine.whatIf(try await engine.find(PromotionOptions(
                application: Application(sequential: ["Scheduling Service"]), destination: "Staging", mode: .redeploy)))
            #expect(again.child("Scheduling Service")?.release?.id == releaseID)
            #expect(again.child("Scheduling Service")?.preview?.snapshotIsStale == !refresh)
        }
    }
}
