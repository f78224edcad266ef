import GRDB
import Hummingbird
import OctopusModel

/// Channels: list, `/all` (`ids`), `{id}`, `{id}/releases` (`searchByVersion`).
enum ChannelRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/channels") { request, context in
            let space = try await services.authorize(context, .projectView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name, byName: false)
            return try await ResourceListing.page(
                Channel.self, itemType: "Channel", request: request, store: store, query: query,
                template: "/api/\(space)/channels{?skip,take,ids,partialName}", linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/channels/all") { request, context in
            let space = try await services.authorize(context, .projectView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name, byName: false)
            return try await ResourceListing.all(Channel.self, store: store, query: query, linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/channels/{id}") { _, context in
            let space = try await services.authorize(context, .projectView)
            let channel = try await ResourceListing.one(
                Channel.self, kind: "Channel", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(channel))
        }
        router.get("/api/{spaceId}/channels/{id}/releases") { request, context in
            let space = try await services.authorize(context, .releaseView)
            let channel = try await ResourceListing.one(
                Channel.self, kind: "Channel", id: try context.parameter("id"), space: space, store: store)
            return try await ReleaseRoutes.list(
                request: request, store: store, space: space, column: "channelId", owner: channel.id.rawValue,
                template: "/api/\(space)/channels/\(channel.id)/releases{?skip,take,searchByVersion}")
        }
    }
}
