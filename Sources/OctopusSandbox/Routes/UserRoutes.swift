import GRDB
import Hummingbird
import OctopusModel

/// Users and team membership: `/api/users` (+`all`, `me`, `{id}`, `{id}/teams`, `{id}/spaces`) and
/// `/api/teammembership?userId=`.
enum UserRoutes {
    static let template = "/api/users{?skip,take,ids,filter}"

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/users") { request, context in
            _ = try services.authenticate(context)
            let parameters = QueryParameters(request)
            var query = DocumentQuery(order: .name)
            query.add("id", oneOf: parameters.list("ids"))
            if let filter = parameters.string("filter") {
                query.add(.sql("instr(lower(name), lower(?)) > 0 OR instr(lower(username), lower(?)) > 0",
                               [filter.databaseValue, filter.databaseValue]))
            }
            return try await ResourceListing.page(
                User.self, itemType: "User", request: request, store: store, query: query, template: template,
                linking: SandboxLinks.linking)
        }
        router.get("/api/users/all") { request, context in
            _ = try services.authenticate(context)
            var query = DocumentQuery(order: .name)
            query.add("id", oneOf: QueryParameters(request).list("ids"))
            return try await ResourceListing.all(User.self, store: store, query: query, linking: SandboxLinks.linking)
        }
        router.get("/api/users/me") { _, context in
            try JSONResponse.ok(SandboxLinks.linking(try services.authenticate(context)))
        }
        router.get("/api/users/{id}") { _, context in
            _ = try services.authenticate(context)
            return try JSONResponse.ok(SandboxLinks.linking(try await user(context, store)))
        }
        router.get("/api/users/{id}/teams") { request, context in
            _ = try services.authenticate(context)
            let user = try await user(context, store)
            let memberships = try await memberships(of: user.id, request: request, store: store)
            return try JSONResponse.ok(
                memberships.map {
                    UserTeam(
                        id: $0.teamId, name: $0.teamName, spaceId: $0.spaceId,
                        isDirectlyAssigned: $0.isDirectlyAssigned)
                })
        }
        router.get("/api/users/{id}/spaces") { _, context in
            _ = try services.authenticate(context)
            let user = try await user(context, store)
            let spaces = try await store.read { db -> [Space] in
                let teamSpaces = Set(
                    try db.documents(Team.self).filter { $0.memberUserIds.contains(user.id) }.compactMap(\.spaceId))
                return try db.documents(Space.self, DocumentQuery(order: .name)).filter { teamSpaces.contains($0.id) }
            }
            return try JSONResponse.ok(spaces.map(SandboxLinks.linking))
        }
        router.get("/api/{spaceId}/teammembership") { request, context in
            let space = try await services.authorize(context, .teamView)
            return try JSONResponse.ok(try await teamMembership(request, store: store).filter { $0.spaceId == space })
        }
        router.get("/api/teammembership") { request, context in
            _ = try services.authenticate(context)
            return try JSONResponse.ok(try await teamMembership(request, store: store))
        }
    }

    /// `teammembership?userId=`: 400 without a user id, 404 for an unknown user (Octopus's messages).
    private static func teamMembership(_ request: Request, store: SandboxStore) async throws -> [TeamMembership] {
        guard let userID = QueryParameters(request).string("userId") else {
            throw SandboxError.badRequest(message: "No userId parameter was provided.")
        }
        guard try await store.document(User.self, id: userID) != nil else {
            throw SandboxError.notFound(message: "User was not found.", detail: "No user has the id '\(userID)'.")
        }
        return try await memberships(of: UserID(userID), request: request, store: store)
    }

    private static func user(_ context: SandboxRequestContext, _ store: SandboxStore) async throws -> User {
        try await ResourceListing.one(User.self, kind: "User", id: try context.parameter("id"), space: nil, store: store)
    }

    /// The user's teams, filtered by `spaces` and (unless `includeSystem=true`) without system teams.
    static func memberships(of user: UserID, request: Request, store: SandboxStore) async throws -> [TeamMembership] {
        let parameters = QueryParameters(request)
        let spaces = parameters.list("spaces").map { Set($0) }
        let includeSystem = try parameters.boolean("includeSystem") ?? true
        let teams = try await store.all(Team.self, DocumentQuery(order: .name))
        return teams.filter { team in
            guard team.memberUserIds.contains(user) else { return false }
            if let spaceID = team.spaceId {
                return spaces?.contains(spaceID.rawValue) ?? true
            }
            return includeSystem
        }.map {
            TeamMembership(userId: user, teamId: $0.id, teamName: $0.name, spaceId: $0.spaceId, isDirectlyAssigned: true)
        }
    }
}
