import Hummingbird
import OctopusModel

/// The three routes most collections share: a page (`ids`, `partialName`, optionally `name`), the
/// bare `/all` array, and one resource by id. Space-scoped collections check `permission` in the
/// space; system collections (`scoped: false`) only need a valid key.
struct CollectionRoutes<T: StoredDocument & Equatable>: Sendable {
    /// Path segment after `/api/{spaceId}` (or `/api`), e.g. `lifecycles`.
    var collection: String
    /// `ItemType` of the pages, e.g. `Lifecycle`.
    var itemType: String
    /// What a 404 calls the resource.
    var kind: String
    var permission: SandboxPermission
    var order: DocumentQuery.Order
    /// Whether the collection offers the exact `name=` filter.
    var byName: Bool = false
    /// Query part of the collection's URI template, e.g. `{?skip,take,ids,partialName}`.
    var templateQuery: String = "{?skip,take,ids,partialName}"
    var scoped: Bool = true
    var includesAll: Bool = true
    /// Whether to register `{id}` (false when the collection looks resources up its own way).
    var includesOne: Bool = true
    /// Filters of the collection's own (`feedType=`, `contentType=`), added to the standard ones.
    var filters: @Sendable (QueryParameters) -> [DocumentQuery.Condition] = { _ in [] }
    var linking: @Sendable (T) -> T

    func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        let prefix = scoped ? "/api/{spaceId}/\(collection)" : "/api/\(collection)"
        router.get(RouterPath(prefix)) { request, context in
            let space = try await access(context, services)
            let query = self.query(request, space: space)
            return try await ResourceListing.page(
                T.self, itemType: itemType, request: request, store: store, query: query,
                template: "\(base(space))\(templateQuery)", linking: linking)
        }
        if includesAll {
            router.get(RouterPath("\(prefix)/all")) { request, context in
                let space = try await access(context, services)
                return try await ResourceListing.all(T.self, store: store, query: query(request, space: space), linking: linking)
            }
        }
        guard includesOne else { return }
        router.get(RouterPath("\(prefix)/{id}")) { _, context in
            let space = try await access(context, services)
            let document = try await ResourceListing.one(
                T.self, kind: kind, id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(linking(document))
        }
    }

    private func query(_ request: Request, space: SpaceID?) -> DocumentQuery {
        let parameters = QueryParameters(request)
        var query = ResourceListing.standardQuery(parameters, space: space, order: order, byName: byName)
        for condition in filters(parameters) { query.add(condition) }
        return query
    }

    /// The space of a scoped request after the permission check; nil for system collections.
    private func access(_ context: SandboxRequestContext, _ services: SandboxServices) async throws -> SpaceID? {
        if scoped { return try await services.authorize(context, permission) }
        _ = try services.authenticate(context)
        return nil
    }

    private func base(_ space: SpaceID?) -> String {
        space.map { "/api/\($0.rawValue)/\(collection)" } ?? "/api/\(collection)"
    }
}
