import GRDB
import Hummingbird
import OctopusModel

/// Variable sets: `{id}` (projects', library sets' and releases' snapshots), `PUT {id}` (owners'
/// sets only), `/all` (owners' sets, `ids`), `/names` (the names a project's steps can use), and a
/// release's snapshot (`releases/{id}/variables`).
enum VariableRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/variables/{id}") { _, context in
            let space = try await services.authorize(context, .variableView)
            let variables = try await ResourceListing.one(
                VariableSet.self, kind: "VariableSet", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(variables))
        }
        router.put("/api/{spaceId}/variables/{id}") { request, context in
            let space = try await services.authorize(context, .variableEdit)
            let user = try context.authenticatedUser().username
            let id = try context.parameter("id")
            let edit = try await JSONRequestBody.decode(VariableSetEdit.self, from: request)
            let now = services.clock.now
            let saved = try await store.write { db in try db.editVariables(id, with: edit, in: space, by: user, now: now) }
            return try JSONResponse.ok(SandboxLinks.linking(saved))
        }
        // The space root's `Variables` link (`variables{?ids}`) lists the same sets as `/all`.
        for path in ["/api/{spaceId}/variables/all", "/api/{spaceId}/variables"] {
            router.get(RouterPath(path)) { request, context in
                let space = try await services.authorize(context, .variableView)
                let ids = QueryParameters(request).list("ids")
                let sets = try await store.read { db in
                    var query = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .oldestFirst)
                    query.add("id", oneOf: ids)
                    return try db.documents(VariableSet.self, query).filter { try !db.isReleaseSnapshot($0) }
                }
                return try JSONResponse.ok(sets.map(SandboxLinks.linking))
            }
        }
        router.get("/api/{spaceId}/releases/{id}/variables") { _, context in
            let space = try await services.authorize(context, .variableView)
            let release = try await ResourceListing.one(
                Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: store)
            guard let snapshot = release.projectVariableSetSnapshotId else {
                throw SandboxError.notFound(
                    message: "The resource you requested was not found.",
                    detail: "The release '\(release.id)' has no variable snapshot.")
            }
            return try JSONResponse.ok(
                SandboxLinks.linking(
                    try await ResourceListing.one(VariableSet.self, kind: "VariableSet", id: snapshot, space: space, store: store)))
        }
        router.get("/api/{spaceId}/variables/names") { request, context in
            let space = try await services.authorize(context, .variableView)
            let project = QueryParameters(request).string("project")
            let names = try await store.read { db -> [String] in
                var owners: [VariableSet] = []
                if let project {
                    guard let found = try db.document(Project.self, id: project), found.spaceId == space else {
                        throw SandboxError.resourceNotFound(kind: "Project", id: project)
                    }
                    let setIDs = [found.variableSetId.rawValue]
                        + (try found.includedLibraryVariableSetIds.compactMap { try db.document(LibraryVariableSet.self, id: $0)?.variableSetId })
                    owners = try setIDs.compactMap { try db.document(VariableSet.self, id: $0) }
                } else {
                    owners = try db.documents(VariableSet.self, DocumentQuery([.equals("spaceId", space.databaseValue)]))
                        .filter { try !db.isReleaseSnapshot($0) }
                }
                return Array(Set(owners.flatMap { $0.variables.map(\.name) })).sorted()
            }
            return try JSONResponse.ok(names)
        }
    }
}
