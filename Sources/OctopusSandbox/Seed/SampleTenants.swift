import Foundation
import GRDB
import OctopusModel

/// The sample seed's tenants. Web API allows tenanted and untenanted deployments (its untenanted
/// history is unchanged); the other projects stay untenanted. Each tenant is connected differently so
/// every tenant rule of a deployment has a case:
/// - Acme Corp: Web API in Test, Staging and Production; Web UI (untenanted) in Test and Staging;
/// - Globex: Web API in Test and Staging only (not Production);
/// - Initech: Database only (not Web API).
public enum SampleTenants {
    public static let acme: TenantID = "Tenants-1"
    public static let globex: TenantID = "Tenants-2"
    public static let initech: TenantID = "Tenants-3"

    /// Adds the tenants and opens Web API to tenanted deployments (after ``SampleSeed``).
    static func apply(to db: Database, now: Date) throws {
        let space = SampleSeed.spaceID
        let environments = SampleSeed.Environments.self
        let projects = SampleSeed.Projects.self
        let tenants = [
            Tenant(
                id: acme, spaceId: space, name: "Acme Corp", description: "A cloud-hosted customer.",
                tenantTags: ["Hosting/Cloud", "Tier/Gold"],
                projectEnvironments: [
                    projects.webAPI: [environments.test, environments.staging, environments.production],
                    projects.webUI: [environments.test, environments.staging],
                ]),
            Tenant(
                id: globex, spaceId: space, name: "Globex", description: "An on-premises customer still in trials.",
                tenantTags: ["Hosting/On-premises", "Tier/Silver"],
                projectEnvironments: [projects.webAPI: [environments.test, environments.staging]]),
            Tenant(
                id: initech, spaceId: space, name: "Initech", description: "A customer of the database only.",
                tenantTags: ["Hosting/Cloud", "Tier/Silver"],
                projectEnvironments: [projects.database: [environments.test, environments.staging, environments.production]]),
        ]
        for var tenant in tenants {
            tenant.lastModifiedOn = now
            tenant.lastModifiedBy = "system"
            try db.insert(tenant)
        }
        try db.reserveIDs(OctopusIDKinds.Tenant.self, through: tenants.count)
        if var webAPI = try db.document(Project.self, id: projects.webAPI.rawValue) {
            webAPI.tenantedDeploymentMode = .tenantedOrUntenanted
            try db.save(webAPI)
        }
    }
}
