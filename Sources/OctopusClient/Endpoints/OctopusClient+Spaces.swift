import OctopusModel

/// Root document and spaces.
extension OctopusClient {
    /// `GET /api` — the root document (server version, API version, link templates). 1 request.
    public func rootDocument() async throws -> RootDocument {
        try await get(systemPath())
    }

    /// `GET /api/spaces/{id}` — one space. 1 request.
    public func space(_ id: SpaceID) async throws -> Space {
        try await get(systemPath("spaces", id.rawValue))
    }

    /// `GET /api/spaces/all` — every space (bare array). 1 request.
    public func allSpaces() async throws -> [Space] {
        try await array(systemPath("spaces", "all"))
    }

    /// The space with exactly this name (case-insensitive), through
    /// `GET /api/spaces?partialName=` paged until found. 1 request in practice.
    public func space(named name: String) async throws -> Space? {
        try await named(name, in: systemPath("spaces"), name: \Space.name)
    }

    /// Resolves a selector to a space id: an id costs nothing, a name one search, the default
    /// space one `/spaces/all`.
    func resolveSpace(_ selector: SpaceSelector) async throws -> SpaceID {
        switch selector {
        case .id(let id):
            return SpaceID(id)
        case .name(let name):
            if let space = try await space(named: name) { return space.id }
            throw OctopusClientError.spaceNotFound(selector, available: try await allSpaces().map(\.name))
        case .default:
            let spaces = try await allSpaces()
            if let space = spaces.first(where: \.isDefault) { return space.id }
            throw OctopusClientError.spaceNotFound(selector, available: spaces.map(\.name))
        }
    }
}
