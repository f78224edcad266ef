import Foundation
import OctopusClient
import OctopusModel

/// The lookups a run shares between all its children, each made once (§7.3: the template repeated them per child
/// and fetched environments again only to print names). Every step of the plan reuses them.
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
    /// Every channel of the space (one request instead of one per child project).
    let channels: [Channel]
    /// Lifecycle previews, each fetched once by the first child that needs it.
    let lifecycles: SharedRequests<LifecycleID, Lifecycle>

    /// Makes the shared lookups, concurrently: 3 requests (environments, projects, channels), 4 with a tenant.
    static func load(_ options: PromotionOptions, client: OctopusClient) async throws -> RunLookups {
        async let environmentsRequest = client.allEnvironments()
        async let projectsRequest = client.allProjects()
        async let channelsRequest = client.allChannels()
        async let tenantRequest = tenant(named: options.tenant, client: client)
        let environments = try await environmentsRequest
        let projects = try await projectsRequest
        let channels = try await channelsRequest
        let tenant = try await tenantRequest

        let destination = try named(options.destination, in: environments, kind: "environment")
        let source = try options.source.map { try named($0, in: environments, kind: "environment") }

        return RunLookups(
            environments: environments, projects: projects, destination: destination, source: source, tenant: tenant,
            channels: channels, lifecycles: SharedRequests())
    }

    /// The channels of a project, in the server's order.
    func channels(of project: ProjectID) -> [Channel] {
        channels.filter { $0.projectId == project }
    }

    /// The lifecycle preview (§5.11), 1 request per distinct lifecycle of the run.
    func lifecycle(_ id: LifecycleID, client: OctopusClient) async throws -> Lifecycle {
        try await lifecycles.value(for: id) { try await client.lifecyclePreview(id) }
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
