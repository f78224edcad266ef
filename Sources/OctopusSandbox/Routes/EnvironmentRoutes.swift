import GRDB
import Hummingbird
import OctopusModel

/// Environments (ordered by `SortOrder`): list (`name`, `partialName`, `ids`), `/all` (`ids`),
/// `{id}`, `{id}/machines`.
enum EnvironmentRoutes {
    static let order = DocumentQuery.Order.column("sortOrder", descending: false)

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/environments") { request, context in
            let space = try await services.authorize(context, .environmentView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: order)
            return try await ResourceListing.page(
                DeploymentEnvironment.self, itemType: "Environment", request: request, store: store, query: query,
                template: "/api/\(space)/environments{?name,skip,ids,take,partialName}", linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/environments/all") { request, context in
            let space = try await services.authorize(context, .environmentView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: order)
            return try await ResourceListing.all(
                DeploymentEnvironment.self, store: store, query: query, linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/environments/{id}") { _, context in
            let space = try await services.authorize(context, .environmentView)
            let environment = try await ResourceListing.one(
                DeploymentEnvironment.self, kind: "Environment", id: try context.parameter("id"), space: space,
                store: store)
            return try JSONResponse.ok(SandboxLinks.linking(environment))
        }
        router.get("/api/{spaceId}/environments/{id}/machines") { request, context in
            let space = try await services.authorize(context, .machineView)
            let environment = try await ResourceListing.one(
                DeploymentEnvironment.self, kind: "Environment", id: try context.parameter("id"), space: space,
                store: store)
            let machines = try await MachineRoutes.machines(
                request: request, space: space, store: store, environment: environment.id)
            return try ResourceListing.page(
                of: machines, itemType: "Machine", request: request,
                template: "/api/\(space)/environments/\(environment.id)/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,shellNames}")
        }
    }
}
