import Hummingbird
import OctopusModel

/// `/api/spaces` (paged, `name`/`partialName`/`ids`), `/api/spaces/all`, `/api/spaces/{id}`.
enum SpaceRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        CollectionRoutes<Space>(
            collection: "spaces", itemType: "Space", kind: "Space", permission: .spaceView, order: .name, byName: true,
            templateQuery: "{?name,skip,ids,take,partialName}", scoped: false, linking: SandboxLinks.linking
        ).register(on: router, services: services)
    }
}
