import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// The routes behind the links space-scoped resources advertise beyond their collections: logos,
/// space search, a project's deployment settings and summary, an environment's metadata, the
/// variables scoped to just one environment or machine, and a machine's connection status and tasks.
enum AdvertisedLinkRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        // Logos: nothing in the sandbox uploads one, so each answers with the default image.
        // A space's own links (`/api/spaces/{id}/logo`) reach these through the request rewriter.
        router.get("/api/{spaceId}/logo") { _, context in
            _ = try await services.authorize(context, .spaceView)
            return DefaultLogo.response()
        }
        router.get("/api/{spaceId}/projects/{id}/logo") { _, context in
            let space = try await services.authorize(context, .projectView)
            _ = try await ProjectRoutes.project(context, space: space, store: store)
            return DefaultLogo.response()
        }
        router.get("/api/{spaceId}/tenants/{id}/logo") { _, context in
            let space = try await services.authorize(context, .tenantView)
            _ = try await ResourceListing.one(Tenant.self, kind: "Tenant", id: try context.parameter("id"), space: space, store: store)
            return DefaultLogo.response()
        }
        router.get("/api/{spaceId}/actiontemplates/{id}/logo") { _, context in
            let space = try await services.authorize(context, .processView)
            _ = try await ResourceListing.one(
                ActionTemplate.self, kind: "ActionTemplate", id: try context.parameter("id"), space: space, store: store)
            return DefaultLogo.response()
        }
        router.get("/api/{spaceId}/search") { request, context in
            let space = try await services.authorize(context, .spaceView)
            return try JSONResponse.ok(try await search(QueryParameters(request).string("keyword"), space: space, store: store))
        }
        router.get("/api/{spaceId}/projects/{id}/deploymentsettings") { _, context in
            let space = try await services.authorize(context, .projectView)
            return try JSONResponse.ok(DeploymentSettings(try await ProjectRoutes.project(context, space: space, store: store)))
        }
        router.get("/api/{spaceId}/projects/{id}/summary") { _, context in
            let space = try await services.authorize(context, .projectView)
            let project = try await ProjectRoutes.project(context, space: space, store: store)
            let process = try await store.document(DeploymentProcess.self, id: project.deploymentProcessId.rawValue)
            return try JSONResponse.ok(
                ProjectSummary(hasDeploymentProcess: !(process?.steps.isEmpty ?? true), hasRunbooks: false))
        }
        router.get("/api/{spaceId}/environments/{id}/metadata") { _, context in
            let space = try await services.authorize(context, .environmentView)
            _ = try await environment(context, space: space, store: store)
            // Settings metadata comes from server extensions, which the sandbox has none of.
            return try JSONResponse.ok([NamedItem]())
        }
        router.get("/api/{spaceId}/environments/{id}/singlyScopedVariableDetails") { _, context in
            let space = try await services.authorize(context, .variableView)
            let environment = try await environment(context, space: space, store: store)
            return try JSONResponse.ok(try await singlyScoped(to: "Environment", environment.id.rawValue, space: space, store: store))
        }
        router.get("/api/{spaceId}/machines/{id}/singlyScopedVariableDetails") { _, context in
            let space = try await services.authorize(context, .variableView)
            let machine = try await ResourceListing.one(
                Machine.self, kind: "Machine", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(try await singlyScoped(to: "Machine", machine.id.rawValue, space: space, store: store))
        }
        router.get("/api/{spaceId}/machines/{id}/connection") { _, context in
            let space = try await services.authorize(context, .machineView)
            let machine = try await ResourceListing.one(
                Machine.self, kind: "Machine", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(MachineConnectionStatus(machine))
        }
        router.get("/api/{spaceId}/machines/{id}/tasks") { request, context in
            let space = try await services.authorize(context, .taskView)
            let machine = try await ResourceListing.one(
                Machine.self, kind: "Machine", id: try context.parameter("id"), space: space, store: store)
            try await services.catchUp()
            let now = services.clock.now
            let tasks = try await store.read { db -> [ServerTask] in
                let deployments = try db.documents(
                    Deployment.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .newestFirst))
                let ids = deployments.filter { $0.deployedToMachineIds.contains(machine.id) }.compactMap(\.taskId?.rawValue)
                return try db.documents(ServerTask.self, DocumentQuery([.oneOf("id", ids.map(\.databaseValue))], order: .newestFirst))
            }
            return try ResourceListing.page(
                of: tasks.map { $0.refreshed(now: now) }, itemType: "Task", request: request,
                template: "/api/\(space)/machines/\(machine.id)/tasks{?skip,take,type}")
        }
    }

    /// The projects' variables scoped to exactly one value of one scope (`Environment` = id), by project.
    private static func singlyScoped(to scope: String, _ value: String, space: SpaceID, store: SandboxStore) async throws
        -> EnvironmentScopedVariables
    {
        try await store.read { db in
            let projects = try db.documents(Project.self, DocumentQuery([.equals("spaceId", space.databaseValue)]))
            var map: [String: [Variable]] = [:]
            for project in projects {
                guard let set = try db.document(VariableSet.self, id: project.variableSetId.rawValue) else { continue }
                let scoped = set.variables.filter { $0.scope[scope] == [value] }
                if !scoped.isEmpty { map[project.id.rawValue] = scoped }
            }
            return EnvironmentScopedVariables(variableMap: map)
        }
    }

    private static func environment(_ context: SandboxRequestContext, space: SpaceID, store: SandboxStore) async throws
        -> DeploymentEnvironment
    {
        try await ResourceListing.one(
            DeploymentEnvironment.self, kind: "DeploymentEnvironment", id: try context.parameter("id"), space: space,
            store: store)
    }

    /// Names in the space containing `keyword` (case-insensitive): projects, project groups,
    /// environments, lifecycles, tenants, deployment targets and step templates. No keyword, no results.
    private static func search(_ keyword: String?, space: SpaceID, store: SandboxStore) async throws -> [SpaceSearchResult] {
        guard let keyword, !keyword.isEmpty else { return [] }
        return try await store.read { db in
            var query = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
            query.add(.containsText("name", [keyword]))
            func results<T: StoredDocument>(_ type: T.Type, _ kind: String) throws -> [SpaceSearchResult] {
                try db.documents(type, query).map { SpaceSearchResult(id: $0.storageID, name: $0.storageName ?? "", type: kind) }
            }
            return try results(Project.self, "Project") + results(ProjectGroup.self, "ProjectGroup")
                + results(DeploymentEnvironment.self, "Environment") + results(Lifecycle.self, "Lifecycle")
                + results(Tenant.self, "Tenant") + results(Machine.self, "Machine")
                + results(ActionTemplate.self, "ActionTemplate")
        }
    }
}
