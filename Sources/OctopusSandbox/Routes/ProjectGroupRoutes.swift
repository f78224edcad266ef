import GRDB
import Hummingbird
import OctopusModel

/// Project groups: list, `/all`, `{id}`, `{id}/projects`.
enum ProjectGroupRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/projectgroups") { request, context in
            let space = try await services.authorize(context, .projectGroupView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name)
            return try await ResourceListing.page(
                ProjectGroup.self, itemType: "ProjectGroup", request: request, store: store, query: query,
                template: "/api/\(space)/projectgroups{?skip,take,ids,partialName}", linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/projectgroups/all") { request, context in
            let space = try await services.authorize(context, .projectGroupView)
            let query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name)
            return try await ResourceListing.all(
                ProjectGroup.self, store: store, query: query, linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/projectgroups/{id}") { _, context in
            let space = try await services.authorize(context, .projectGroupView)
            let group = try await ResourceListing.one(
                ProjectGroup.self, kind: "ProjectGroup", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(group))
        }
        router.get("/api/{spaceId}/projectgroups/{id}/projects") { request, context in
            let space = try await services.authorize(context, .projectView)
            let group = try await ResourceListing.one(
                ProjectGroup.self, kind: "ProjectGroup", id: try context.parameter("id"), space: space, store: store)
            var query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name)
            query.add(.equals("projectGroupId", group.id.databaseValue))
            return try await ResourceListing.page(
                Project.self, itemType: "Project", request: request, store: store, query: query,
                template: "/api/\(space)/projectgroups/\(group.id)/projects{?skip,take}", linking: SandboxLinks.linking)
        }
    }
}
