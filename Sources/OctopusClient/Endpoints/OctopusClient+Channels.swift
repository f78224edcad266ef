import OctopusModel

/// Channels and lifecycles.
extension OctopusClient {
    /// `GET /api/{space}/projects/{id}/channels` — a project's channels, every page.
    public func channels(ofProject id: ProjectID) async throws -> [Channel] {
        try await all(spacePath("projects", id.rawValue, "channels"), of: Channel.self)
    }

    /// `GET /api/{space}/channels/all` — every channel of the space, one request (so a run with many
    /// children reads channels once instead of once per project).
    public func allChannels() async throws -> [Channel] {
        try await array(spacePath("channels", "all"))
    }

    /// `GET /api/{space}/channels/{id}` — one channel. 1 request.
    public func channel(_ id: ChannelID) async throws -> Channel {
        try await get(spacePath("channels", id.rawValue))
    }

    /// `GET /api/{space}/channels/{id}/releases?searchByVersion=` — a channel's releases, newest
    /// first. `searchByVersion` is a server-side "contains" filter: pass only the literal prefix
    /// of a wildcard pattern and match the rest client-side.
    public func channelReleases(_ id: ChannelID, searchByVersion: String? = nil) -> Paged<Release> {
        Paged(client: self, path: spacePath("channels", id.rawValue, "releases")
            .adding([("searchByVersion", searchByVersion.flatMap { $0.isEmpty ? nil : $0 })]))
    }

    /// `GET /api/{space}/lifecycles/{id}` — a lifecycle as configured. 1 request.
    public func lifecycle(_ id: LifecycleID) async throws -> Lifecycle {
        try await get(spacePath("lifecycles", id.rawValue))
    }

    /// `GET /api/{space}/lifecycles/{id}/preview` — the lifecycle with implicit phases
    /// materialised (one per environment when it has none). 1 request.
    public func lifecyclePreview(_ id: LifecycleID) async throws -> Lifecycle {
        try await get(spacePath("lifecycles", id.rawValue, "preview"))
    }
}
