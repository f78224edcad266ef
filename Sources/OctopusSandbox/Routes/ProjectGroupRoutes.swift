import GRDB
import Hummingbird
import OctopusModel

/// Project groups: list, `/all`, `{id}`, `{id}/projects`.
enum ProjectGroupRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<ProjectGroup>(
            collection: "projectgroups", itemType: "ProjectGroup", kind: "ProjectGroup", permission: .projectGroupView,
            order: .name, byName: true, linking: SandboxLinks.linking
        ).register(on: router, services: services)
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
