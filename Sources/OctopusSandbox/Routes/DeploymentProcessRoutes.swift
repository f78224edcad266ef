import GRDB
import Hummingbird
import OctopusModel

/// Deployment processes (including release snapshots): list (`ids`), `{id}`; and project variable
/// sets and snapshots at `/variables/{id}`.
enum DeploymentProcessRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/deploymentprocesses") { request, context in
            let space = try await services.authorize(context, .processView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .oldestFirst, byName: false)
            return try await ResourceListing.page(
                DeploymentProcess.self, itemType: "DeploymentProcess", request: request, store: store, query: query,
                template: "/api/\(space)/deploymentprocesses{?skip,take,ids}", linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/deploymentprocesses/{id}") { _, context in
            let space = try await services.authorize(context, .processView)
            let process = try await ResourceListing.one(
                DeploymentProcess.self, kind: "DeploymentProcess", id: try context.parameter("id"), space: space,
                store: store)
            return try JSONResponse.ok(SandboxLinks.linking(process))
        }
        router.get("/api/{spaceId}/variables/{id}") { _, context in
            let space = try await services.authorize(context, .variableView)
            let variables = try await ResourceListing.one(
                VariableSet.self, kind: "VariableSet", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(variables))
        }
    }
}
