import OctopusModel

/// The API key's user and teams (who may approve).
extension OctopusClient {
    /// `GET /api/users/me` — the API key's user. 1 request.
    public func currentUser() async throws -> User {
        try await get(systemPath("users", "me"))
    }

    /// `GET /api/users/{id}` — one user. 1 request.
    public func user(_ id: UserID) async throws -> User {
        try await get(systemPath("users", id.rawValue))
    }

    /// `GET /api/users/{id}/teams?spaces={space}&includeSystem=true` — the teams a user belongs
    /// to in the client's space, system teams included (bare array). 1 request.
    public func teams(ofUser id: UserID) async throws -> [UserTeam] {
        try await array(systemPath("users", id.rawValue, "teams", query: [
            .init("spaces", spaceID.rawValue), .init("includeSystem", "true"),
        ]))
    }

    /// `GET /api/teammembership?userId={id}&spaces={space}&includeSystem=true` — a user's team
    /// memberships (bare array; Octopus 2020+). 1 request.
    public func teamMemberships(ofUser id: UserID) async throws -> [TeamMembership] {
        try await array(systemPath("teammembership", query: [
            .init("userId", id.rawValue), .init("spaces", spaceID.rawValue), .init("includeSystem", "true"),
        ]))
    }

    /// `GET /api/teams?ids=…&spaces={space}&includeSystem=true` — teams by id (names for messages).
    /// Empty `ids` lists every team. ⌈n / page⌉ requests.
    public func teams(ids: [TeamID] = []) -> Paged<Team> {
        Paged(client: self, path: systemPath("teams", query: [
            .init("spaces", spaceID.rawValue), .init("includeSystem", "true"),
        ]).adding([("ids", ids.isEmpty ? nil : ids.commaJoined)]))
    }
}

extension Array where Element: RawRepresentable, Element.RawValue == String {
    /// Octopus's list filter form: ids joined by commas.
    var commaJoined: String { map(\.rawValue).joined(separator: ",") }
}
