import GRDB
import OctopusModel

extension Database {
    /// Octopus's tenant rules for a deployment: the tenant exists in the project's space; a `Tenanted`
    /// project needs one; an `Untenanted` project takes none; the tenant is connected to the project in
    /// the environment. Empty when the deployment may go ahead.
    func tenantProblems(_ tenantID: TenantID?, project: Project, environment: DeploymentEnvironment) throws -> [String] {
        guard let tenantID, !tenantID.rawValue.isEmpty else {
            guard project.tenantedDeploymentMode != .tenanted else {
                return [
                    "\(project.name) can only be deployed to tenants. Either deploy this release to a tenant (TenantId), or configure this project to allow un-tenanted deployments."
                ]
            }
            return []
        }
        guard let tenant = try document(Tenant.self, id: tenantID.rawValue), tenant.spaceId == project.spaceId else {
            return ["The tenant '\(tenantID)' was not found in \(project.spaceId). List /api/\(project.spaceId)/tenants to see which exist."]
        }
        guard project.tenantedDeploymentMode != .untenanted else {
            return [
                "\(project.name) does not allow tenanted deployments, so it cannot be deployed for the tenant \(tenant.name). Leave TenantId null, or configure the project to allow tenanted deployments."
            ]
        }
        guard tenant.isConnected(to: project.id, in: environment.id) else {
            return [
                "Tenant \(tenant.name) is not connected to \(environment.name) for project \(project.name). Connect the tenant to the project in that environment, or deploy for another tenant."
            ]
        }
        return []
    }

    /// The tenant with `id` in `space`, or a 404 naming it.
    func tenant(_ id: String, in space: SpaceID) throws -> Tenant {
        guard let tenant = try document(Tenant.self, id: id), tenant.spaceId == space else {
            throw SandboxError.resourceNotFound(kind: "Tenant", id: id)
        }
        return tenant
    }

    /// The template's `TenantPromotions`: for a project that allows tenants, every tenant connected to it
    /// with the environments the release may go to now for that tenant (among the tenant's environments).
    func tenantPromotions(for release: Release, project: Project?) throws -> [DeploymentPromotionTenant] {
        guard let project, project.tenantedDeploymentMode != .untenanted else { return [] }
        let tenants = try documents(
            Tenant.self, DocumentQuery([.equals("spaceId", release.spaceId.databaseValue)], order: .name))
        return try tenants.compactMap { tenant in
            guard let connected = tenant.environments(for: project.id) else { return nil }
            let allowed = try promotion(of: release, tenant: tenant.id).allowed.filter(connected.contains)
            let targets = try promotionTargets(allowed, release: release, tenant: tenant.id)
            return DeploymentPromotionTenant(id: tenant.id, name: tenant.name, promoteTo: targets)
        }
    }

    /// `PromoteTo` entries for environment ids, in the given order, with their preview links.
    func promotionTargets(_ ids: [EnvironmentID], release: Release, tenant: TenantID?) throws -> [DeploymentPromotionTarget] {
        let environments = try documents(DeploymentEnvironment.self, DocumentQuery([.oneOf("id", ids.map(\.databaseValue))]))
        let byID = Dictionary(environments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let base = "/api/\(release.spaceId.rawValue)/releases/\(release.id)/deployments/preview"
        return ids.compactMap { id in
            byID[id].map { environment in
                DeploymentPromotionTarget(
                    id: environment.id, name: environment.name,
                    links: ["Preview": "\(base)/\(environment.id)\(tenant.map { "/\($0)" } ?? ""){?includeDisabledSteps}"])
            }
        }
    }
}
