import Foundation
import OctopusClient
import OctopusModel

/// The lookups a run shares between all its children, each made once (§7.3: the template repeated them per child
/// and fetched environments again only to print names).
struct RunLookups: Sendable {
    /// Every environment of the space, in sort order: destination, source and approval names, and id → name.
    let environments: [DeploymentEnvironment]
    /// Every project of the space.
    let projects: [Project]
    /// The destination.
    let destination: DeploymentEnvironment
    /// The explicit source, if given.
    let source: DeploymentEnvironment?
    /// The tenant to deploy for (§5.8), if given.
    let tenant: Tenant?

    /// Makes the shared lookups: 2 requests, 3 with a tenant.
    static func load(_ options: PromotionOptions, client: OctopusClient) async throws -> RunLookups {
        async let environmentsRequest = client.allEnvironments()
        async let projectsRequest = client.allProjects()
        async let tenantRequest = tenant(named: options.tenant, client: client)
        let environments = try await environmentsRequest
        let projects = try await projectsRequest
        let tenant = try await tenantRequest

        let destination = try named(options.destination, in: environments, kind: "environment")
        let source = try options.source.map { try named($0, in: environments, kind: "environment") }

        return RunLookups(
            environments: environments, projects: projects, destination: destination, source: source, tenant: tenant)
    }

    /// The project with this name (trimmed, case-insensitive).
    func project(named name: String) throws -> Project {
        try Self.named(name, in: projects, kind: "project")
    }

    /// The name of an environment id (the id itself when unknown).
    func environmentName(_ id: EnvironmentID) -> String {
        environments.first { $0.id == id }?.name ?? id.rawValue
    }

    /// References for environment ids.
    func environmentReferences(_ ids: [EnvironmentID]) -> [NamedReference<EnvironmentID>] {
        ids.map { NamedReference(id: $0, name: environmentName($0)) }
    }

    /// The environment with this name.
    func environment(named name: String) throws -> DeploymentEnvironment {
        try Self.named(name, in: environments, kind: "environment")
    }

    private static func named<T: NamedResource>(_ name: String, in items: [T], kind: String) throws -> T {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        if let match = items.first(where: { $0.name.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(wanted) == .orderedSame }) {
            return match
        }
        throw OrchestrationError.notFound(kind: kind, name: wanted, suggestions: NameSuggestions.closest(to: wanted, among: items.map(\.name)))
    }
}

/// A resource found by name.
protocol NamedResource {
    var name: String { get }
}

extension Project: NamedResource {}
extension DeploymentEnvironment: NamedResource {}
