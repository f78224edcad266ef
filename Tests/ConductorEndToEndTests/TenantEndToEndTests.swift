import Foundation
import Testing

/// `conductor promote --tenant` against the embedded sample sandbox (tenants Acme Corp, Globex, Initech).
@Suite("conductor promote --tenant", .serialized)
struct TenantEndToEndTests {
    static func children(_ run: PromoteRun) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        return try #require(object["children"] as? [[String: Any]])
    }

    @Test("an untenanted project drops the tenant; a project the tenant is not connected to is skipped with N/A outputs")
    func tenantChecks() throws {
        let run = try PromoteRun([
            "--projects", "Database then Web API", "--from", "Test", "--to", "Staging", "--tenant", "Initech", "--what-if", "-o", "json",
        ])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let children = try Self.children(run)
        let database = try #require(children.first { $0["project"] as? String == "Database" })
        #expect(database["tenant"] == nil, "Database is untenanted: deployed without the tenant")
        #expect(database["action"] as? String == "deploy")
        let webAPI = try #require(children.first { $0["project"] as? String == "Web API" })
        #expect(webAPI["action"] as? String == "skip")
        #expect(webAPI["skipReason"] as? String == "tenantNotConnected")
        #expect(webAPI["outputs"] as? [String: String] == ["ReleaseToPromote": "N/A", "ReleaseNotes": "No release found", "ChildReleaseToDeploy": "False"])
    }

    @Test("an unknown tenant fails before anything is deployed and names the closest tenant")
    func unknownTenant() throws {
        let run = try PromoteRun(["--project", "Web API", "--from", "Test", "--to", "Staging", "--tenant", "Globx", "--what-if"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("No tenant named 'Globx'. Did you mean 'Globex'?"), "stderr: \(run.standardError)")
    }
}
