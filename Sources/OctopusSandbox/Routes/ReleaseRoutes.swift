import GRDB
import Hummingbird
import OctopusModel

/// Releases: list (`ids`), create (`POST`, `?ignoreChannelRules`; and the Executions API's
/// `create/v1`), `{id}`, `{id}/snapshot-variables` (GET, and POST to refresh); project and channel release lists
/// share ``list(request:store:space:column:owner:template:)``.
enum ReleaseRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<Release>(
            collection: "releases", itemType: "Release", kind: "Release", permission: .releaseView,
            order: .newestFirst, templateQuery: "{?skip,ignoreChannelRules,take,ids}", includesAll: false,
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.post("/api/{spaceId}/releases") { request, context in
            let space = try await services.authorize(context, .releaseCreate)
            let command = try await JSONRequestBody.decode(CreateReleaseCommand.self, from: request)
            let ignoreRules = try QueryParameters(request).boolean("ignoreChannelRules") ?? false
            let now = services.clock.now
            let release = try await store.write { db in
                try db.createRelease(command, in: space, now: now, ignoreChannelRules: ignoreRules)
            }
            return try JSONResponse.created(SandboxLinks.linking(release))
        }
        router.post("/api/{spaceId}/releases/create/v1") { request, context in
            let space = try await services.authorize(context, .releaseCreate)
            let command = try await JSONRequestBody.decode(CreateReleaseV1Command.self, from: request)
            let now = services.clock.now
            let (release, created) = try await store.write { db in try db.createReleaseV1(command, in: space, now: now) }
            return try JSONResponse.make(
                CreateReleaseV1Response(releaseId: release.id, releaseVersion: release.version),
                status: created ? .created : .ok)
        }
        router.post("/api/{spaceId}/releases/{id}/snapshot-variables") { _, context in
            let space = try await services.authorize(context, .releaseCreate)
            let release = try await ResourceListing.one(
                Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: store)
            let now = services.clock.now
            let refreshed = try await store.write { db in try db.refreshVariableSnapshot(of: release, now: now) }
            return try JSONResponse.ok(SandboxLinks.linking(refreshed))
        }
        router.get("/api/{spaceId}/releases/{id}/snapshot-variables") { _, context in
            let space = try await services.authorize(context, .variableView)
            let release = try await ResourceListing.one(
                Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: store)
            let snapshotID = release.projectVariableSetSnapshotId ?? VariableSetID(project: release.projectId).rawValue
            let variables = try await ResourceListing.one(
                VariableSet.self, kind: "VariableSet", id: snapshotID, space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(variables))
        }
    }

    /// Releases of one project or channel (`column` = `projectId`/`channelId`), newest first,
    /// filtered by `searchByVersion` (substring of the version).
    static func list(
        request: Request, store: SandboxStore, space: SpaceID, column: String, owner: String, template: String
    ) async throws -> Response {
        let parameters = QueryParameters(request)
        var query = ResourceListing.standardQuery(parameters, space: space, order: .newestFirst, byName: false)
        query.add(.equals(column, owner.databaseValue))
        if let search = parameters.string("searchByVersion") { query.add(.containsText("version", [search])) }
        return try await ResourceListing.page(
            Release.self, itemType: "Release", request: request, store: store, query: query, template: template,
            linking: SandboxLinks.linking)
    }
}
