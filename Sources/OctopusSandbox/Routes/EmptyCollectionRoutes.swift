import Hummingbird
import OctopusModel

/// Collections the sample space has nothing in and the sandbox offers no way to fill: accounts,
/// certificates, proxies, subscriptions, project triggers, runbooks (with their processes and
/// snapshots) and workers. Each answers as Octopus does for an empty collection (an empty page, an
/// empty `/all`, a 404 naming the kind for any id), so clients that enumerate them work, and none
/// invents data.
enum EmptyCollectionRoutes {
    /// A collection: path segment after `/api/{spaceId}`, `ItemType`, the kind a 404 names, and the
    /// permission to list it.
    struct Collection: Sendable {
        var path: String
        var itemType: String
        var permission: SandboxPermission
        var templateQuery = "{?skip,take,ids,partialName}"
    }

    static let collections: [Collection] = [
        Collection(path: "accounts", itemType: "Account", permission: .environmentView,
                   templateQuery: "{?skip,take,ids,partialName,accountType}"),
        Collection(path: "certificates", itemType: "Certificate", permission: .environmentView,
                   templateQuery: "{?skip,take,ids,partialName,firstResult,orderBy,tenant,archived}"),
        Collection(path: "proxies", itemType: "Proxy", permission: .environmentView),
        Collection(path: "subscriptions", itemType: "Subscription", permission: .eventView),
        Collection(path: "projecttriggers", itemType: "ProjectTrigger", permission: .projectView,
                   templateQuery: "{?skip,take,ids,runbooks}"),
        Collection(path: "runbooks", itemType: "Runbook", permission: .projectView,
                   templateQuery: "{?skip,take,ids,partialName,clone,projectIds}"),
        Collection(path: "runbookProcesses", itemType: "RunbookProcess", permission: .processView,
                   templateQuery: "{?skip,take,ids}"),
        Collection(path: "runbookSnapshots", itemType: "RunbookSnapshot", permission: .projectView,
                   templateQuery: "{?skip,take,ids,publish}"),
        Collection(path: "workers", itemType: "Worker", permission: .machineView,
                   templateQuery: "{?skip,take,name,ids,partialName,isDisabled,healthStatuses,commStyles,workerPoolIds,thumbprint}"),
    ]

    /// Per-resource lists that are empty for the same reasons: a project's triggers and runbooks,
    /// a worker pool's or machine policy's workers, a release's defects.
    static let ownedCollections: [(owner: String, path: String, itemType: String, permission: SandboxPermission)] = [
        ("projects", "triggers", "ProjectTrigger", .projectView),
        ("projects", "runbooks", "Runbook", .projectView),
        ("projects", "runbookSnapshots", "RunbookSnapshot", .projectView),
        ("projects", "runbookProcesses", "RunbookProcess", .processView),
        ("workerpools", "workers", "Worker", .machineView),
        ("machinepolicies", "workers", "Worker", .machineView),
        ("releases", "defects", "Defect", .releaseView),
    ]

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        for collection in collections {
            let base = "/api/{spaceId}/\(collection.path)"
            router.get(RouterPath(base)) { request, context in
                let space = try await services.authorize(context, collection.permission)
                return try emptyPage(
                    collection.itemType, request: request,
                    template: "/api/\(space)/\(collection.path){/id}\(collection.templateQuery)")
            }
            router.get(RouterPath("\(base)/all")) { _, context in
                _ = try await services.authorize(context, collection.permission)
                return try JSONResponse.ok([NamedItem]())
            }
            router.get(RouterPath("\(base)/{id}")) { _, context -> Response in
                _ = try await services.authorize(context, collection.permission)
                throw SandboxError.resourceNotFound(kind: collection.itemType, id: try context.parameter("id"))
            }
        }
        for owned in ownedCollections {
            router.get(RouterPath("/api/{spaceId}/\(owned.owner)/{id}/\(owned.path)")) { request, context in
                let space = try await services.authorize(context, owned.permission)
                let owner = try context.parameter("id")
                try await requireOwner(owned.owner, id: owner, space: space, store: services.store)
                return try emptyPage(
                    owned.itemType, request: request, template: "/api/\(space)/\(owned.owner)/\(owner)/\(owned.path){?skip,take}")
            }
        }
    }

    /// An empty page of `itemType`, with the usual `Page.*` links.
    static func emptyPage(_ itemType: String, request: Request, template: String) throws -> Response {
        try ResourceListing.page(of: [NamedItem](), itemType: itemType, request: request, template: template)
    }

    /// 404 unless the owning resource exists in the space (projects also by slug).
    private static func requireOwner(_ owner: String, id: String, space: SpaceID, store: SandboxStore) async throws {
        let exists: Bool
        switch owner {
        case "projects":
            exists = try await ProjectRoutes.project(id: id, space: space, store: store) != nil
        case "workerpools":
            exists = try await store.document(WorkerPool.self, id: id)?.spaceId == space
        case "machinepolicies":
            exists = try await store.document(MachinePolicy.self, id: id)?.spaceId == space
        default:
            exists = try await store.document(Release.self, id: id)?.spaceId == space
        }
        if !exists {
            let kind = ["projects": "Project", "workerpools": "WorkerPool", "machinepolicies": "MachinePolicy"][owner] ?? "Release"
            throw SandboxError.resourceNotFound(kind: kind, id: id)
        }
    }
}
