import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Tenants over HTTP: the list filters and forms, and Octopus's tenant rules for deployments (messages), deployment
/// and task filters, `TenantPromotions` and per-tenant lifecycle progress.
@Suite("Tenants")
struct TenantTests {
    typealias Env = SampleSeed.Environments
    static let webAPI15: ReleaseID = "Releases-9"
    static let database10: ReleaseID = "Releases-3"

    func json(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    func names(_ reply: SandboxHTTP.Reply) throws -> [String] {
        try reply.decode(ResourceCollection<Tenant>.self).items.map(\.name)
    }

    @Test(arguments: [
        ("", ["Acme Corp", "Globex", "Initech"]),
        ("?name=GLOBEX", ["Globex"]),
        ("?partialName=corp", ["Acme Corp"]),
        ("?ids=Tenants-3,Tenants-1", ["Acme Corp", "Initech"]),
        ("?projectId=Projects-3", ["Acme Corp", "Globex"]),
        ("?tags=Hosting/Cloud", ["Acme Corp", "Initech"]),
        ("?tags=hosting/cloud,Tier/Silver", ["Initech"]),
        ("?tags=Hosting/Cloud,Hosting/On-premises", ["Acme Corp", "Globex", "Initech"]),
        ("?take=1&skip=1", ["Globex"]),
    ])
    func listFilters(query: String, expected: [String]) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get("/api/Spaces-1/tenants\(query)")
            #expect(reply.status == 200)
            #expect(try names(reply) == expected)
            #expect(reply.object["ItemType"] as? String == "Tenant")
        }
    }

    @Test func pathFormsAndOneTenant() async throws {
        try await withSampleSandbox { http in
            #expect(try names(try await http.get("/api/tenants")) == ["Acme Corp", "Globex", "Initech"])
            #expect(try names(try await http.get("/api/spaces/Spaces-1/tenants?name=Initech")) == ["Initech"])
            let all = try await http.get("/api/Spaces-1/tenants/all?projectId=Projects-3").decode([Tenant].self)
            #expect(all.map(\.id) == [SampleTenants.acme, SampleTenants.globex])
            let reply = try await http.get("/api/Spaces-1/tenants/Tenants-2")
            let globex = try reply.decode(Tenant.self)
            #expect(globex.environments(for: SampleSeed.Projects.webAPI) == [Env.test, Env.staging])
            #expect(globex.links["Self"] == "/api/Spaces-1/tenants/Tenants-2")
            // The wire form Octopus uses: an object keyed by project id, and null for unset values.
            let environments = reply.object["ProjectEnvironments"] as? [String: [String]]
            #expect(environments?["Projects-3"] == ["Environments-2", "Environments-3"])
            #expect(reply.object["ClonedFromTenantId"] is NSNull)
            let missing = try await http.get("/api/Spaces-1/tenants/Tenants-99")
            #expect(missing.status == 404)
        }
    }

    @Test(arguments: [
        (database10, Env.test, "Tenants-3",
         "Database does not allow tenanted deployments, so it cannot be deployed for the tenant Initech. Leave TenantId null, or configure the project to allow tenanted deployments."),
        (webAPI15, Env.staging, "Tenants-99",
         "The tenant 'Tenants-99' was not found in Spaces-1. List /api/Spaces-1/tenants to see which exist."),
        (webAPI15, Env.staging, "Tenants-3",
         "Tenant Initech is not connected to Staging for project Web API. Connect the tenant to the project in that environment, or deploy for another tenant."),
        (webAPI15, Env.development, "Tenants-1",
         "Tenant Acme Corp is not connected to Development for project Web API. Connect the tenant to the project in that environment, or deploy for another tenant."),
    ])
    func deploymentRules(release: ReleaseID, environment: EnvironmentID, tenant: String, message: String) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": release.rawValue, "EnvironmentId": environment.rawValue, "TenantId": tenant]))
            #expect(reply.status == 400)
            #expect(reply.error?.errors == [message])
        }
    }

    @Test func tenantedProjectRequiresATenant() async throws {
        try await withSampleSandbox { http in
            var webAPI = try #require(try await http.server.store.document(Project.self, id: "Projects-3"))
            webAPI.tenantedDeploymentMode = .tenanted
            try await http.server.store.save(webAPI)
            let reply = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": Self.webAPI15.rawValue, "EnvironmentId": Env.staging.rawValue]))
            #expect(reply.status == 400)
            #expect(reply.error?.errors == [
                "Web API can only be deployed to tenants. Either deploy this release to a tenant (TenantId), or configure this project to allow un-tenanted deployments."
            ])
        }
    }

    @Test func tenantedDeploymentIsFilteredAndProgressesPerTenant() async throws {
        try await withSampleSandbox { http in
            let clock = try #require(http.server.clock as? VirtualClock)
            let template = try await http.get("/api/Spaces-1/releases/\(Self.webAPI15)/deployments/template").decode(DeploymentTemplate.self)
            #expect(template.tenantPromotions.map(\.name) == ["Acme Corp", "Globex"])
            #expect(template.tenantPromotions.first?.promoteTo.map(\.id) == [Env.test, Env.staging])
            #expect(template.tenantPromotions.first?.promoteTo.last?.links["Preview"]?.hasSuffix("/preview/Environments-3/Tenants-1{?includeDisabledSteps}") == true)

            let created = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": Self.webAPI15.rawValue, "EnvironmentId": Env.staging.rawValue, "TenantId": "Tenants-2"]))
            #expect(created.status == 201)
            let deployment = try created.decode(Deployment.self)
            #expect(deployment.tenantId == SampleTenants.globex)
            // Staging asks a Web Admin first.
            clock.advance(by: 1)
            let admin = SandboxHTTP(server: http.server, apiKey: SampleSeed.webAdminAPIKey)
            let interruption = try #require(
                try await admin.get("/api/Spaces-1/interruptions?regarding=\(deployment.id)&pendingOnly=true")
                    .decode(ResourceCollection<Interruption>.self).items.first)
            #expect(try await admin.send("PUT", "/api/Spaces-1/interruptions/\(interruption.id)/responsible").status == 200)
            let submitted = try await admin.send(
                "POST", "/api/Spaces-1/interruptions/\(interruption.id)/submit", body: try json(["Result": "Proceed"]))
            #expect(submitted.status == 200)
            clock.advance(by: 3600)

            let forGlobex = try await http.get("/api/Spaces-1/deployments?tenants=Tenants-2").decode(ResourceCollection<Deployment>.self)
            #expect(forGlobex.items.map(\.id) == [deployment.id])
            #expect(try await http.get("/api/Spaces-1/deployments?tenants=Tenants-1").decode(ResourceCollection<Deployment>.self).totalResults == 0)
            let tasks = try await http.get("/api/tasks?tenant=Tenants-2&states=Success").decode(ResourceCollection<ServerTask>.self)
            #expect(tasks.items.map(\.id) == [deployment.taskId].compactMap { $0 })

            // Globex's success in Staging opens Production to nobody else: Acme's progress is its own.
            let after = try await http.get("/api/Spaces-1/releases/\(Self.webAPI15)/deployments/template").decode(DeploymentTemplate.self)
            #expect(after.tenantPromotions.first { $0.id == SampleTenants.acme }?.promoteTo.map(\.id) == [Env.test, Env.staging])
            let refused = try await http.send(
                "POST", "/api/Spaces-1/deployments",
                body: try json(["ReleaseId": Self.webAPI15.rawValue, "EnvironmentId": Env.production.rawValue, "TenantId": "Tenants-1"]))
            #expect(refused.status == 400)
            #expect(refused.error?.errors.first?.contains("cannot be deployed to environment 'Production' yet") == true)

            let preview = try await http.get("/api/Spaces-1/releases/\(Self.webAPI15)/deployments/preview/Environments-3/Tenants-1")
            #expect(preview.status == 200)
            #expect(try await http.get("/api/Spaces-1/releases/\(Self.webAPI15)/deployments/preview/Environments-3/Tenants-99").status == 404)
        }
    }
}
