import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Editing an environment over HTTP (`PUT /environments/{id}`): the editable fields change, validation and
/// permissions as Octopus has them.
@Suite("Environment writes")
struct EnvironmentWriteTests {
    @Test func turnsOnGuidedFailureAndKeepsIdSpaceAndOrder() async throws {
        try await withSampleSandbox { http in
            let path = "/api/Spaces-1/environments/\(SampleSeed.Environments.staging.rawValue)"
            let before = try await http.get(path).decode(DeploymentEnvironment.self)
            #expect(!before.useGuidedFailure)
            var edited = before
            edited.useGuidedFailure = true
            edited.sortOrder = 99
            let reply = try await http.send("PUT", path, body: try OctopusJSON.makeEncoder().encode(edited))
            #expect(reply.status == 200)
            let stored = try await http.get(path).decode(DeploymentEnvironment.self)
            #expect(stored.useGuidedFailure && stored.name == "Staging")
            #expect(stored.sortOrder == before.sortOrder && stored.spaceId == before.spaceId)
            #expect(stored.lastModifiedBy == "release-conductor")
        }
    }

    @Test func refusesBadNamesUnknownIdsAndViewers() async throws {
        try await withSampleSandbox { http in
            let path = "/api/Spaces-1/environments/\(SampleSeed.Environments.staging.rawValue)"
            var environment = try await http.get(path).decode(DeploymentEnvironment.self)
            environment.name = "production"
            let clash = try await http.send("PUT", path, body: try OctopusJSON.makeEncoder().encode(environment))
            #expect(clash.status == 400)
            #expect(clash.error?.errors == ["An environment named 'production' already exists in Spaces-1; environment names must be unique, so choose another name."])
            environment.name = " "
            #expect(try await http.send("PUT", path, body: try OctopusJSON.makeEncoder().encode(environment)).error?.errors == ["Please provide a Name for the environment."])
            environment.name = "Staging"
            #expect(try await http.send("PUT", "/api/Spaces-1/environments/Environments-42", body: try OctopusJSON.makeEncoder().encode(environment)).status == 404)
            let viewer = SandboxHTTP(server: http.server, apiKey: SampleSeed.qaAPIKey)
            #expect(try await viewer.send("PUT", path, body: try OctopusJSON.makeEncoder().encode(environment)).status == 403)
        }
    }
}
