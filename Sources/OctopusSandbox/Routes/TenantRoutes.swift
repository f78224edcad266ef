import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Tenants (by name): list (`name`, `partialName`, `ids`, `projectId`, `tags`, `clonedFromTenantId`),
/// `/all` (same filters), `{id}`; create (`?clone=`) and update.
enum TenantRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/tenants") { request, context in
            let space = try await services.authorize(context, .tenantView)
            return try ResourceListing.page(
                of: try await tenants(request: request, space: space, store: store), itemType: "Tenant", request: request,
                template: ResourceListing.collectionTemplate(SandboxLinks.spaceCollections(space)["Tenants"] ?? ""))
        }
        router.get("/api/{spaceId}/tenants/all") { request, context in
            let space = try await services.authorize(context, .tenantView)
            return try JSONResponse.ok(try await tenants(request: request, space: space, store: store))
        }
        router.get("/api/{spaceId}/tenants/{id}") { _, context in
            let space = try await services.authorize(context, .tenantView)
            let tenant = try await ResourceListing.one(
                Tenant.self, kind: "Tenant", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(tenant))
        }
        router.post("/api/{spaceId}/tenants") { request, context in
            let space = try await services.authorize(context, .tenantCreate)
            let user = try context.authenticatedUser().username
            let body = try await JSONRequestBody.decode(TenantRequest.self, from: request)
            let clone = QueryParameters(request).list("clone")?.first
            let now = services.clock.now
            let tenant = try await store.write { db in try db.createTenant(body, in: space, cloning: clone, by: user, now: now) }
            return try JSONResponse.created(SandboxLinks.linking(tenant))
        }
        router.put("/api/{spaceId}/tenants/{id}") { request, context in
            let space = try await services.authorize(context, .tenantEdit)
            let user = try context.authenticatedUser().username
            let id = try context.parameter("id")
            let body = try await JSONRequestBody.decode(TenantRequest.self, from: request)
            let now = services.clock.now
            let tenant = try await store.write { db in try db.updateTenant(id, with: body, in: space, by: user, now: now) }
            return try JSONResponse.ok(SandboxLinks.linking(tenant))
        }
    }

    /// The space's tenants matching the request's filters, by name, with links.
    static func tenants(request: Request, space: SpaceID, store: SandboxStore) async throws -> [Tenant] {
        let parameters = QueryParameters(request)
        var query = ResourceListing.standardQuery(parameters, space: space, order: .name)
        if let cloned = parameters.list("clonedFromTenantId") {
            query.add(.sql("json_extract(document, '$.ClonedFromTenantId') IN (\(cloned.map { _ in "?" }.joined(separator: ",")))", cloned.map(\.databaseValue)))
        }
        let project = parameters.list("projectId")?.first.map(ProjectID.init(rawValue:))
        let tags = TenantTagFilter(parameters.list("tags") ?? [])
        return try await store.all(Tenant.self, query).filter { tenant in
            (project.map { tenant.environments(for: $0) != nil } ?? true) && tags.matches(tenant.tenantTags)
        }.map(SandboxLinks.linking)
    }
}

/// Octopus's `tags=` filter: canonical tag names (`Tag Set/Tag`); a tenant matches when, for every tag
/// set named, it has at least one of the tags asked for in that set (OR within a set, AND across sets).
struct TenantTagFilter: Sendable, Equatable {
    /// Requested tags, lower-cased, grouped by lower-cased tag set name.
    let bySet: [String: Set<String>]

    init(_ canonicalNames: [String]) {
        var bySet: [String: Set<String>] = [:]
        for name in canonicalNames {
            let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard !lowered.isEmpty else { continue }
            let set = lowered.split(separator: "/", maxSplits: 1).first.map(String.init) ?? lowered
            bySet[set, default: []].insert(lowered)
        }
        self.bySet = bySet
    }

    func matches(_ tenantTags: [String]) -> Bool {
        let own = Set(tenantTags.map { $0.lowercased() })
        return bySet.values.allSatisfy { !$0.isDisjoint(with: own) }
    }
}
