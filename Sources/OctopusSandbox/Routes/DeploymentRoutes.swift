import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Deployments: create (lifecycle-checked), list with Octopus's filters, get, and a release's
/// deployments, deployment template (`PromoteTo`) and preview.
enum DeploymentRoutes {
    static let template = "/api/{spaceId}/deployments{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}"

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api/{spaceId}/deployments") { request, context in
            let space = try await services.authorize(context, .deploymentView)
            try await services.catchUp()
            let parameters = QueryParameters(request)
            var query = DocumentQuery([.equals("spaceId", space.databaseValue)])
            query.add("id", oneOf: parameters.list("ids"))
            query.add("projectId", oneOf: parameters.list("projects"))
            query.add("environmentId", oneOf: parameters.list("environments"))
            query.add("channelId", oneOf: parameters.list("channels"))
            query.add("tenantId", oneOf: parameters.list("tenants"))
            if let partial = parameters.list("partialName") { query.add(.containsText("name", partial)) }
            if let states = try TaskRoutes.states(parameters, name: "taskState") {
                query.add(taskStateCondition(states))
            }
            return try await services.cachedPage(
                Deployment.self, itemType: "Deployment", request: request, query: query, template: template)
        }
        router.get("/api/{spaceId}/deployments/{id}") { _, context in
            let space = try await services.authorize(context, .deploymentView)
            let id = try context.parameter("id")
            return try JSONResponse.ok(try await ResourceListing.one(Deployment.self, kind: "Deployment", id: id, space: space, store: services.store))
        }
        router.post("/api/{spaceId}/deployments") { request, context in
            let space = try await services.authorize(context, .deploymentCreate)
            let user = try context.authenticatedUser()
            let buffer = try await JSONRequestBody.collect(request)
            let data = Data(buffer.readableBytesView)
            guard !data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
                throw SandboxError.unsupportedMediaType(message: "No Deployment resource provided")
            }
            let body = try JSONRequestBody.decode(Deployment.self, from: data)
            let requester = DeploymentRequester(user: user, identityEstablishedWith: context.identityEstablishedWith)
            let now = services.clock.now
            let speed = services.configuration.speed
            let deployment = try await services.store.write { db in
                try db.createDeployment(body, in: space, by: requester, now: now, speed: speed)
            }
            services.simulator.invalidate()
            return try JSONResponse.created(deployment)
        }
        router.get("/api/{spaceId}/releases/{id}/deployments") { request, context in
            let space = try await services.authorize(context, .deploymentView)
            let release = try await ResourceListing.one(Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: services.store)
            try await services.catchUp()
            let query = DocumentQuery([.equals("releaseId", release.id.databaseValue)])
            return try await services.cachedPage(
                Deployment.self, itemType: "Deployment", request: request, query: query,
                template: "/api/\(space)/releases/\(release.id)/deployments{?skip,take}")
        }
        router.get("/api/{spaceId}/releases/{id}/deployments/template") { _, context in
            let space = try await services.authorize(context, .deploymentView)
            let release = try await ResourceListing.one(Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: services.store)
            try await services.catchUp()
            let template = try await services.store.read { db in try db.deploymentTemplate(for: release) }
            return try JSONResponse.ok(template)
        }
        router.get("/api/{spaceId}/releases/{id}/deployments/preview/{environmentId}") { request, context in
            try await preview(request, context, tenant: nil, services: services)
        }
        router.get("/api/{spaceId}/releases/{id}/deployments/preview/{environmentId}/{tenantId}") { request, context in
            try await preview(request, context, tenant: try context.parameter("tenantId"), services: services)
        }
        router.post("/api/{spaceId}/releases/{id}/deployments/previews") { request, context in
            let space = try await services.authorize(context, .deploymentView)
            let release = try await ResourceListing.one(Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: services.store)
            let body = try await JSONRequestBody.decode(PreviewRequests.self, from: request)
            try await services.catchUp()
            let previews = try await services.store.read { db in
                try body.deploymentPreviews.map { item in
                    if let tenant = item.tenantId { _ = try db.tenant(tenant, in: space) }
                    return try db.deploymentPreview(of: release, environment: EnvironmentID(item.environmentId), includeDisabled: body.includeDisabledSteps)
                }
            }
            return try JSONResponse.ok(previews)
        }
    }

    private static func preview(
        _ request: Request, _ context: SandboxRequestContext, tenant: String?, services: SandboxServices
    ) async throws -> Response {
        let space = try await services.authorize(context, .deploymentView)
        let release = try await ResourceListing.one(Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: services.store)
        let environment = EnvironmentID(try context.parameter("environmentId"))
        if let tenant { _ = try await services.store.read { db in try db.tenant(tenant, in: space) } }
        let includeDisabled = try QueryParameters(request).boolean("includeDisabledSteps") ?? false
        try await services.catchUp()
        let preview = try await services.store.read { db in
            try db.deploymentPreview(of: release, environment: environment, includeDisabled: includeDisabled)
        }
        return try JSONResponse.ok(preview)
    }

    /// Deployments whose task is in one of `states`.
    static func taskStateCondition(_ states: [TaskState]) -> DocumentQuery.Condition {
        let placeholders = Array(repeating: "?", count: states.count).joined(separator: ",")
        return .sql(
            "EXISTS (SELECT 1 FROM tasks t WHERE t.id = deployments.taskId AND t.state IN (\(placeholders)))",
            states.map(\.rawValue.databaseValue))
    }
}

/// The body of `POST /releases/{id}/deployments/previews`.
struct PreviewRequests: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        var environmentId: String
        var tenantId: String?
        enum CodingKeys: String, PascalCaseCodingKey {
            case environmentId, tenantId
        }
    }

    var deploymentPreviews: [Item]
    var includeDisabledSteps: Bool

    enum CodingKeys: String, PascalCaseCodingKey {
        case deploymentPreviews, includeDisabledSteps
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        deploymentPreviews = try c.decodeIfPresent([Item].self, forKey: .deploymentPreviews) ?? []
        includeDisabledSteps = try c.decodeIfPresent(Bool.self, forKey: .includeDisabledSteps) ?? false
    }
}
