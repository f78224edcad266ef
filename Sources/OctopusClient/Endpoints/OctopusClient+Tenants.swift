import OctopusModel

/// Tenants.
extension OctopusClient {
    /// `GET /api/{space}/tenants/{id}` — one tenant. 1 request.
    public func tenant(_ id: TenantID) async throws -> Tenant {
        try await get(spacePath("tenants", id.rawValue))
    }

    /// The tenant with exactly this name (case-insensitive), or nil:
    /// `GET /api/{space}/tenants?partialName=` paged until the exact match.
    public func tenant(named name: String) async throws -> Tenant? {
        try await named(name, in: spacePath("tenants"), name: \Tenant.name)
    }

    /// `GET /api/{space}/tenants?ids=…&projectId=…&tags=…` — tenants, filtered.
    public func tenants(ids: [TenantID] = [], project: ProjectID? = nil, tags: [String] = []) -> Paged<Tenant> {
        Paged(client: self, path: spacePath("tenants").adding([
            ("ids", ids.isEmpty ? nil : ids.commaJoined),
            ("projectId", project?.rawValue),
            ("tags", tags.isEmpty ? nil : tags.joined(separator: ",")),
        ]))
    }
}
