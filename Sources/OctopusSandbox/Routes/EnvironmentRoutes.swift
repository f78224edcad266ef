import GRDB
import Hummingbird
import OctopusModel

/// Environments (ordered by `SortOrder`): list (`name`, `partialName`, `ids`), `/all` (`ids`),
/// `{id}` (GET, and PUT to edit), `{id}/machines`.
enum EnvironmentRoutes {
    static let order = DocumentQuery.Order.column("sortOrder", descending: false)

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<DeploymentEnvironment>(
            collection: "environments", itemType: "Environment", kind: "Environment", permission: .environmentView,
            order: order, byName: true, templateQuery: "{?name,skip,ids,take,partialName}", linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.put("/api/{spaceId}/environments/{id}") { request, context in
            let space = try await services.authorize(context, .environmentEdit)
            let user = try context.authenticatedUser().username
            let id = try context.parameter("id")
            let body = try await JSONRequestBody.decode(DeploymentEnvironment.self, from: request)
            let now = services.clock.now
            let environment = try await store.write { db in try db.updateEnvironment(id, with: body, in: space, by: user, now: now) }
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
