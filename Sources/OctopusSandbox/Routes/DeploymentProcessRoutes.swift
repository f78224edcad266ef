import GRDB
import Hummingbird
import OctopusModel

/// Deployment processes (including release snapshots): list (`ids`), `{id}`; and project variable
/// sets and snapshots at `/variables/{id}`.
enum DeploymentProcessRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<DeploymentProcess>(
            collection: "deploymentprocesses", itemType: "DeploymentProcess", kind: "DeploymentProcess",
            permission: .processView, order: .oldestFirst, templateQuery: "{?skip,take,ids}", includesAll: false,
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/variables/{id}") { _, context in
            let space = try await services.authorize(context, .variableView)
            let variables = try await ResourceListing.one(
                VariableSet.self, kind: "VariableSet", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(variables))
        }
    }
}
