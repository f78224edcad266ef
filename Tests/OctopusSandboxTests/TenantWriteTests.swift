import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Creating (optionally cloning) and updating tenants over HTTP, with Octopus-style validation and permissions.
@Suite("Tenant writes")
struct TenantWriteTests {
    func json(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func createCloneAndUpdate() async throws {
        try await withSampleSandbox { http in
            let created = try await http.send(
                "POST", "/api/Spaces-1/tenants",
                body: try json(["name": "Hooli", "tenantTags": ["Hosting/Cloud"], "projectEnvironments": ["Projects-3": ["Environments-3"]]]))
            #expect(created.status == 201)
            let hooli = try created.decode(Tenant.self)
            #expect(hooli.id == "Tenants-4")
            #expect(hooli.isConnected(to: SampleSeed.Projects.webAPI, in: SampleSeed.Environments.staging))
            #expect(hooli.links["Self"] == "/api/Spaces-1/tenants/Tenants-4")
            #expect(hooli.lastModifiedBy == "release-conductor")

            let clone = try await http.send("POST", "/api/Spaces-1/tenants?clone=Tenants-1", body: try json(["Name": "Acme Labs"]))
            #expect(clone.status == 201)
            let labs = try clone.decode(Tenant.self)
            #expect(labs.clonedFromTenantId == SampleTenants.acme)
            #expect(labs.tenantTags == ["Hosting/Cloud", "Tier/Gold"])
            #expect(labs.environments(for: SampleSeed.Projects.webUI) == [SampleSeed.Environments.test, SampleSeed.Environments.staging])
            let clones = try await http.get("/api/Spaces-1/tenants?clonedFromTenantId=Tenants-1").decode(ResourceCollection<Tenant>.self)
            #expect(clones.items.map(\.name) == ["Acme Labs"])

            let updated = try await http.send(
                "PUT", "/api/Spaces-1/tenants/Tenants-4", body: try json(["ProjectEnvironments": ["Projects-3": ["Environments-3", "Environments-5"]]]))
            #expect(updated.status == 200)
            #expect(try updated.decode(Tenant.self).name == "Hooli", "absent fields keep their values")
            let stored = try await http.get("/api/Spaces-1/tenants/Tenants-4").decode(Tenant.self)
            #expect(stored.environments(for: SampleSeed.Projects.webAPI) == [SampleSeed.Environments.staging, SampleSeed.Environments.production])
        }
    }

    @Test(arguments: [
        (["Name": " "], ["Please provide a Name for the tenant."]),
        (["Name": "globex"], ["A tenant named 'globex' already exists in Spaces-1; tenant names must be unique, so choose another name."]),
        (["Name": "Hooli", "TenantTags": ["Cloud"]], ["The tenant tag 'Cloud' is not a canonical tag name; write it as 'Tag Set/Tag'."]),
        (["Name": "Hooli", "ProjectEnvironments": ["Projects-99": ["Environments-2"], "Projects-3": ["Environments-42"]]], [
            "The environment 'Environments-42' was not found in Spaces-1. List /api/Spaces-1/environments to see which exist.",
            "The project 'Projects-99' was not found in Spaces-1. List /api/Spaces-1/projects to see which exist.",
        ]),
    ] as [([String: any Sendable], [String])])
    func createValidation(body: [String: any Sendable], errors: [String]) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send("POST", "/api/Spaces-1/tenants", body: try json(body))
            #expect(reply.status == 400)
            #expect(reply.error?.errors == errors)
        }
    }

    @Test func writesNeedTheirPermissionsAndKnownTenants() async throws {
        try await withSampleSandbox { http in
            let viewer = SandboxHTTP(server: http.server, apiKey: SampleSeed.qaAPIKey)
            let body = try json(["Name": "Nobody"])
            let refusedCreate = try await viewer.send("POST", "/api/Spaces-1/tenants", body: body)
            let refusedUpdate = try await viewer.send("PUT", "/api/Spaces-1/tenants/Tenants-1", body: body)
            let unknown = try await http.send("PUT", "/api/Spaces-1/tenants/Tenants-99", body: body)
            let unknownClone = try await http.send("POST", "/api/Spaces-1/tenants?clone=Tenants-99", body: body)
            #expect(refusedCreate.status == 403)
            #expect(refusedUpdate.status == 403)
            #expect(unknown.status == 404)
            #expect(unknownClone.status == 404)
        }
    }
}
