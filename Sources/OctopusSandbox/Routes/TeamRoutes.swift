import Hummingbird
import OctopusModel

/// Teams, system-wide (`/api/teams`, filters `ids`, `partialName`, `spaces`, `includeSystem`) and
/// space-scoped (`/api/{spaceId}/teams`: the space's teams plus system teams).
enum TeamRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        for prefix in ["/api", "/api/{spaceId}"] {
            let scoped = prefix != "/api"
            router.get("\(prefix)/teams") { request, context in
                let teams = try await teams(request, context, services: services, scoped: scoped)
                let base = scoped ? "/api/\(try context.spaceID().rawValue)" : "/api"
                return try ResourceListing.page(
                    of: teams, itemType: "Team", request: request,
                    template: "\(base)/teams{?skip,take,ids,partialName,spaces,includeSystem}")
            }
            router.get("\(prefix)/teams/all") { request, context in
                try JSONResponse.ok(try await teams(request, context, services: services, scoped: scoped))
            }
            router.get("\(prefix)/teams/{id}") { _, context in
                let space = scoped ? try await services.authorize(context, .teamView) : nil
                if !scoped { _ = try services.authenticate(context) }
                let id = try context.parameter("id")
                let team = try await ResourceListing.one(Team.self, kind: "Team", id: id, space: nil, store: store)
                // A space sees its own teams and the system ones.
                if let space, let owner = team.spaceId, owner != space {
                    throw SandboxError.resourceNotFound(kind: "Team", id: id)
                }
                return try JSONResponse.ok(SandboxLinks.linking(team))
            }
        }
    }

    private static func teams(
        _ request: Request, _ context: SandboxRequestContext, services: SandboxServices, scoped: Bool
    ) async throws -> [Team] {
        let parameters = QueryParameters(request)
        var spaces = parameters.list("spaces").map { Set($0) }
        if scoped {
            spaces = [try await services.authorize(context, .teamView).rawValue]
        } else {
            _ = try services.authenticate(context)
        }
        let includeSystem = try parameters.boolean("includeSystem") ?? true
        let query = ResourceListing.standardQuery(parameters, space: nil, order: .name, byName: false)
        return try await services.store.all(Team.self, query).filter { team in
            if let spaceID = team.spaceId { return spaces?.contains(spaceID.rawValue) ?? true }
            return includeSystem
        }.map(SandboxLinks.linking)
    }
}
