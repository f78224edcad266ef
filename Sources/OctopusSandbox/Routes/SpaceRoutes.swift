import Hummingbird
import OctopusModel

/// `/api/spaces` (paged, `name`/`partialName`/`ids`), `/api/spaces/all`, `/api/spaces/{id}`.
enum SpaceRoutes {
    static let template = "/api/spaces{?name,skip,ids,take,partialName}"

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/spaces") { request, context in
            _ = try services.authenticate(context)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: nil, order: .name)
            return try await ResourceListing.page(
                Space.self, itemType: "Space", request: request, store: store, query: query, template: template,
                linking: SandboxLinks.linking)
        }
        router.get("/api/spaces/all") { request, context in
            _ = try services.authenticate(context)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: nil, order: .name)
            return try await ResourceListing.all(Space.self, store: store, query: query, linking: SandboxLinks.linking)
        }
        router.get("/api/spaces/{id}") { _, context in
            _ = try services.authenticate(context)
            let space = try await ResourceListing.one(
                Space.self, kind: "Space", id: try context.parameter("id"), space: nil, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(space))
        }
    }
}
