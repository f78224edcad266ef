import GRDB
import Hummingbird
import OctopusModel

/// Lifecycles: list, `/all`, `{id}`, `{id}/preview` (phases generated from environment order when
/// the lifecycle has none, "any environment" phases made explicit), `{id}/projects`.
enum LifecycleRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<Lifecycle>(
            collection: "lifecycles", itemType: "Lifecycle", kind: "Lifecycle", permission: .lifecycleView,
            order: .name, linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/lifecycles/{id}/preview") { _, context in
            let space = try await services.authorize(context, .lifecycleView)
            let lifecycle = try await lifecycle(context, space: space, store: store)
            let environments = try await store.all(
                DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", space.databaseValue)]))
            return try JSONResponse.ok(
                SandboxLinks.linking(LifecycleRules.preview(of: lifecycle, environments: environments)))
        }
        router.get("/api/{spaceId}/lifecycles/{id}/projects") { _, context in
            let space = try await services.authorize(context, .projectView)
            let lifecycle = try await lifecycle(context, space: space, store: store)
            // Projects using it directly or through one of their channels.
            let projects = try await store.read { db -> [Project] in
                let viaChannels = try String.fetchAll(
                    db, sql: "SELECT DISTINCT projectId FROM channels WHERE lifecycleId = ?",
                    arguments: [lifecycle.id.rawValue])
                var query = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
                query.add(
                    .sql(
                        "lifecycleId = ? OR id IN (SELECT value FROM json_each(?))",
                        [lifecycle.id.databaseValue, String(decoding: try OctopusJSON.encode(viaChannels), as: UTF8.self).databaseValue]))
                return try db.documents(Project.self, query)
            }
            return try JSONResponse.ok(projects.map(SandboxLinks.linking))
        }
    }

    private static func lifecycle(_ context: SandboxRequestContext, space: SpaceID, store: SandboxStore) async throws
        -> Lifecycle
    {
        try await ResourceListing.one(
            Lifecycle.self, kind: "Lifecycle", id: try context.parameter("id"), space: space, store: store)
    }
}
