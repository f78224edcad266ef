import GRDB
import Hummingbird
import OctopusModel

/// Deployment targets: list (`name`, `partialName`, `ids`, `roles`, `environmentIds`,
/// `isDisabled`, `healthStatuses`, `commStyles`), `/all`, `{id}`, and `/machineroles/all`.
enum MachineRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/machines") { request, context in
            let space = try await services.authorize(context, .machineView)
            let machines = try await machines(request: request, space: space, store: store, environment: nil)
            return try ResourceListing.page(
                of: machines, itemType: "Machine", request: request,
                template: ResourceListing.collectionTemplate(SandboxLinks.spaceCollections(space)["Machines"] ?? ""))
        }
        router.get("/api/{spaceId}/machines/all") { request, context in
            let space = try await services.authorize(context, .machineView)
            return try JSONResponse.ok(try await machines(request: request, space: space, store: store, environment: nil))
        }
        router.get("/api/{spaceId}/machines/{id}") { _, context in
            let space = try await services.authorize(context, .machineView)
            let machine = try await ResourceListing.one(
                Machine.self, kind: "Machine", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(machine))
        }
        router.get("/api/{spaceId}/machineroles/all") { _, context in
            let space = try await services.authorize(context, .machineView)
            let machines = try await store.all(Machine.self, DocumentQuery([.equals("spaceId", space.databaseValue)]))
            return try JSONResponse.ok(Set(machines.flatMap(\.roles)).sorted())
        }
    }

    /// The space's machines matching the request's filters, by name, with links.
    static func machines(request: Request, space: SpaceID, store: SandboxStore, environment: EnvironmentID?)
        async throws -> [Machine]
    {
        let parameters = QueryParameters(request)
        let query = ResourceListing.standardQuery(parameters, space: space, order: .name)
        var environments = parameters.list("environmentIds").map { Set($0.map(EnvironmentID.init(rawValue:))) }
        if let environment { environments = [environment] }
        let roles = parameters.list("roles").map { Set($0.map { $0.lowercased() }) }
        let healthStatuses = parameters.list("healthStatuses").map { Set($0.map { $0.lowercased() }) }
        let styles = parameters.list("commStyles").map { Set($0.map { $0.lowercased() }) }
        let isDisabled = try parameters.boolean("isDisabled")
        return try await store.all(Machine.self, query).filter { machine in
            (environments.map { !$0.isDisjoint(with: machine.environmentIds) } ?? true)
                && (roles.map { !$0.isDisjoint(with: machine.roles.map { $0.lowercased() }) } ?? true)
                && (healthStatuses.map { $0.contains(machine.healthStatus.rawValue.lowercased()) } ?? true)
                && (styles.map { $0.contains(machine.endpoint.communicationStyle.lowercased()) } ?? true)
                && (isDisabled.map { $0 == machine.isDisabled } ?? true)
        }.map(SandboxLinks.linking)
    }
}
