import GRDB
import Hummingbird
import OctopusModel

/// Projects: list (`name`, `partialName`, `ids`), `/all`, `{idOrSlug}`, and the project's
/// channels, releases (by version too) and deployment process.
enum ProjectRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<Project>(
            collection: "projects", itemType: "Project", kind: "Project", permission: .projectView, order: .name,
            byName: true, templateQuery: "{?name,skip,ids,clone,take,partialName,clonedFromProjectId}",
            includesOne: false, linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/projects/{id}") { _, context in
            let space = try await services.authorize(context, .projectView)
            return try JSONResponse.ok(SandboxLinks.linking(try await project(context, space: space, store: store)))
        }
        router.get("/api/{spaceId}/projects/{id}/channels") { request, context in
            let space = try await services.authorize(context, .projectView)
            let project = try await project(context, space: space, store: store)
            var query = ResourceListing.standardQuery(QueryParameters(request), space: space, order: .name, byName: false)
            query.add(.equals("projectId", project.id.databaseValue))
            return try await ResourceListing.page(
                Channel.self, itemType: "Channel", request: request, store: store, query: query,
                template: "/api/\(space)/projects/\(project.id)/channels{?skip,take,partialName}",
                linking: SandboxLinks.linking)
        }
        router.get("/api/{spaceId}/projects/{id}/releases") { request, context in
            let space = try await services.authorize(context, .releaseView)
            let project = try await project(context, space: space, store: store)
            return try await ReleaseRoutes.list(
                request: request, store: store, space: space, column: "projectId", owner: project.id.rawValue,
                template: "/api/\(space)/projects/\(project.id)/releases{/version}{?skip,take,searchByVersion}")
        }
        router.get("/api/{spaceId}/projects/{id}/releases/{version}") { _, context in
            let space = try await services.authorize(context, .releaseView)
            let project = try await project(context, space: space, store: store)
            let version = try context.parameter("version")
            let query = DocumentQuery([
                .equals("spaceId", space.databaseValue), .equals("projectId", project.id.databaseValue),
                .textOneOf("version", [version]),
            ])
            guard let release = try await store.all(Release.self, query).first else {
                throw SandboxError.resourceNotFound(kind: "Release", id: "\(version)' of project '\(project.name)")
            }
            return try JSONResponse.ok(SandboxLinks.linking(release))
        }
        router.get("/api/{spaceId}/projects/{id}/deploymentprocesses") { _, context in
            let space = try await services.authorize(context, .processView)
            let project = try await project(context, space: space, store: store)
            let process = try await ResourceListing.one(
                DeploymentProcess.self, kind: "DeploymentProcess", id: project.deploymentProcessId.rawValue,
                space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(process))
        }
    }

    /// The `{id}` project of the route, by id or slug, in `space`; 404 otherwise.
    static func project(_ context: SandboxRequestContext, space: SpaceID, store: SandboxStore) async throws -> Project {
        let idOrSlug = try context.parameter("id")
        guard let found = try await project(id: idOrSlug, space: space, store: store) else {
            throw SandboxError.resourceNotFound(kind: "Project", id: idOrSlug)
        }
        return found
    }

    /// The project with this id or slug in `space`, or nil.
    static func project(id idOrSlug: String, space: SpaceID, store: SandboxStore) async throws -> Project? {
        try await store.read { db -> Project? in
            if let project = try db.document(Project.self, id: idOrSlug), project.spaceId == space { return project }
            return try db.documents(
                Project.self,
                DocumentQuery([.equals("spaceId", space.databaseValue), .textOneOf("slug", [idOrSlug])])
            ).first
        }
    }
}
