import GRDB
import Hummingbird
import OctopusModel

/// Channels: list, `/all` (`ids`), `{id}`, `{id}/releases` (`searchByVersion`).
enum ChannelRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<Channel>(
            collection: "channels", itemType: "Channel", kind: "Channel", permission: .projectView, order: .name,
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
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
