import Foundation
import OctopusClient
import OctopusModel

/// What §5.9 decides for one child.
enum ChildTenancy: Sendable, Equatable {
    /// Deploy untenanted: no tenant given, or the project is untenanted.
    case untenanted
    /// Deploy for the tenant.
    case tenant(Tenant)
    /// Skip: the tenant is not connected to the project, or not to the destination.
    case notConnected
}

extension RunLookups {
    /// The run's tenant by name (§5.8 #3): nil when the option is blank or an unresolved `#{Octopus…}` variable
    /// (§2.2). 1 request, shared by every child.
    /// - Throws: `OrchestrationError.notFound` naming the tenant and the closest names.
    static func tenant(named name: String?, client: OctopusClient) async throws -> Tenant? {
        guard let name, !PromotionOptions.isUnset(name) else { return nil }
        let wanted = name.trimmingCharacters(in: .whitespaces)
        if let tenant = try await client.tenant(named: wanted) { return tenant }
        throw OrchestrationError.notFound(
            kind: "tenant", name: wanted,
            suggestions: NameSuggestions.closest(to: wanted, among: try await client.tenants().all().map(\.name)))
    }
}

extension PromotionEngine {
    /// §5.9 for one child, logging as the template does (truthfully worded). Departure: a `Tenanted` project without a
    /// tenant stops `find`, before anything is deployed (the template failed at its POST, after earlier children ran).
    func tenancy(of project: Project, tenant: Tenant?, destination: DeploymentEnvironment, log: inout ChildLog) throws -> ChildTenancy {
        guard let tenant else {
            if project.tenantedDeploymentMode == .tenanted { throw OrchestrationError.tenantRequired(project: project.name) }
            log.info("Not doing a tenanted deployment of \(project.name).")
            return .untenanted
        }
        guard project.tenantedDeploymentMode != .untenanted else {
            log.info("\(project.name) is not tenanted, so it is deployed untenanted although the tenant \(tenant.name) was given.")
            return .untenanted
        }
        guard let environments = tenant.environments(for: project.id) else {
            log.highlight("The tenant \(tenant.name) is not connected to \(project.name). Skipping \(project.name).")
            return .notConnected
        }
        guard environments.contains(destination.id) else {
            log.highlight("The tenant \(tenant.name) is connected to \(project.name), but not in the environment \(destination.name). Skipping \(project.name).")
            return .notConnected
        }
        return .tenant(tenant)
    }

    /// §5.13.2 step 1: whether successful deployments to the source environments are read for the tenant only. In
    /// Promote mode only when the tenant is connected to one of them; otherwise the latest release there is taken
    /// regardless of tenant.
    static func filtersSourcesByTenant(_ tenant: Tenant?, project: ProjectID, sourceIds: [EnvironmentID], mode: DeploymentMode) -> Bool {
        guard let tenant else { return false }
        guard mode == .promote else { return true }
        return !(tenant.environments(for: project) ?? []).filter(sourceIds.contains).isEmpty
    }

    /// §5.13.4: whether the deployment template lets the release go to the destination — for the tenant when one is in
    /// play and the template lists tenant promotions.
    static func canPromote(_ template: DeploymentTemplate, to destination: EnvironmentID, tenant: TenantID?) -> Bool {
        if let tenant, !template.tenantPromotions.isEmpty {
            return template.tenantPromotions.first { $0.id == tenant }?.promoteTo.contains { $0.id == destination } ?? false
        }
        return template.promoteTo.contains { $0.id == destination }
    }

    /// §5.29: the tenant whose parent deployment supplies approvers — none for an untenanted run; the deployment
    /// tenant when the option is blank, an unresolved `#{Octopus…}` variable or the same name; otherwise the tenant
    /// of that name. Looked up in the parent's space when it is another one (departure B8). 0 or 1 request.
    func approvalTenant(_ name: String?, deploymentTenant: NamedReference<TenantID>?, parent: OctopusClient) async throws -> TenantID? {
        guard let deploymentTenant else { return nil }
        let wanted = name.flatMap { PromotionOptions.isUnset($0) ? nil : $0.trimmingCharacters(in: .whitespaces) }
        let isDeploymentTenant = wanted.map { $0.caseInsensitiveCompare(deploymentTenant.name) == .orderedSame } ?? true
        if isDeploymentTenant, parent.spaceID == client.spaceID { return deploymentTenant.id }
        return try await RunLookups.tenant(named: wanted ?? deploymentTenant.name, client: parent)?.id
    }
}
