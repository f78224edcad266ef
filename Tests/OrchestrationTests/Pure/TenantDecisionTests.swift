import Foundation
import OctopusModel
@testable import Orchestration
import Testing

/// The pure tenant decisions: §5.13.2 step 1 (whether sources are read for the tenant) and §5.13.4 (the template's
/// tenant promotions).
struct TenantDecisionTests {
    static let project: ProjectID = "Projects-3"
    static let test: EnvironmentID = "Environments-2"
    static let staging: EnvironmentID = "Environments-3"
    static let production: EnvironmentID = "Environments-5"
    static let acme = Tenant(id: "Tenants-1", spaceId: "Spaces-1", name: "Acme", projectEnvironments: [project: [test, staging]])

    @Test(arguments: [
        (nil, DeploymentMode.promote, [test], false),
        (acme, .promote, [test], true),
        (acme, .promote, [production], false),
        (acme, .redeploy, [production], true),
        (acme, .alwaysLatest, [production], true),
    ] as [(Tenant?, DeploymentMode, [EnvironmentID], Bool)])
    func sourcesAreReadForTheTenant(tenant: Tenant?, mode: DeploymentMode, sources: [EnvironmentID], expected: Bool) {
        #expect(PromotionEngine.filtersSourcesByTenant(tenant, project: Self.project, sourceIds: sources, mode: mode) == expected)
    }

    static let template = DeploymentTemplate(
        promoteTo: [DeploymentPromotionTarget(id: test), DeploymentPromotionTarget(id: staging)],
        tenantPromotions: [DeploymentPromotionTenant(id: "Tenants-1", name: "Acme", promoteTo: [DeploymentPromotionTarget(id: test)])])

    @Test(arguments: [
        (template, nil, staging, true),
        (template, "Tenants-1", staging, false),
        (template, "Tenants-1", test, true),
        (template, "Tenants-2", test, false),
        (DeploymentTemplate(promoteTo: [DeploymentPromotionTarget(id: staging)]), "Tenants-1", staging, true),
    ] as [(DeploymentTemplate, TenantID?, EnvironmentID, Bool)])
    func tenantPromotionsDecideForTheTenant(template: DeploymentTemplate, tenant: TenantID?, destination: EnvironmentID, expected: Bool) {
        #expect(PromotionEngine.canPromote(template, to: destination, tenant: tenant) == expected)
    }
}
