import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Testing

/// The tenant endpoints against the sample sandbox: exact names, ids and filters, one request each.
@Suite struct TenantEndpointTests {
    @Test func tenantByExactNameIdAndFilters() async throws {
        try await SandboxClientTests.withClient { client, transport, _ in
            let acme = try #require(try await client.tenant(named: "  acme corp "))
            #expect(acme.id == SampleTenants.acme)
            #expect(try await client.tenant(named: "Acme") == nil, "a partial name is not a match")
            let globex = try await client.tenant(SampleTenants.globex)
            #expect(globex.name == "Globex")
            #expect(globex.isConnected(to: SampleSeed.Projects.webAPI, in: SampleSeed.Environments.staging))
            #expect(!globex.isConnected(to: SampleSeed.Projects.webAPI, in: SampleSeed.Environments.production))
            let before = await transport.requests.count
            let forWebAPI = try await client.tenants(project: SampleSeed.Projects.webAPI).all()
            #expect(forWebAPI.map(\.name) == ["Acme Corp", "Globex"])
            let cloud = try await client.tenants(tags: ["Hosting/Cloud", "Tier/Silver"]).all()
            #expect(cloud.map(\.id) == [SampleTenants.initech])
            #expect(await transport.requests.count == before + 2)
            await #expect {
                _ = try await client.tenant("Tenants-99")
            } throws: { error in
                (error as? OctopusClientError)?.status == 404
            }
        }
    }
}
