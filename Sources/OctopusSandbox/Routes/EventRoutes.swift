import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Audit events: list with Octopus's filters (newest first), get, and the category list.
enum EventRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        for prefix in ["/api", "/api/{spaceId}"] {
            let scoped = prefix != "/api"
            router.get("\(prefix)/events") { request, context in
                let parameters = QueryParameters(request)
                let spaces = try await services.listedSpaces(context, scoped: scoped, .eventView, parameters: parameters)
                let query = try eventQuery(parameters, spaces: spaces)
                return try await services.cachedPage(
                    Event.self, itemType: "Event", request: request, query: query,
                    template: "\(scoped ? "/api/\(spaces.first?.rawValue ?? "")" : "/api")/events{?skip,regarding,regardingAny,user,users,projects,environments,eventCategories,from,to,take,ids,spaces}")
            }
            router.get("\(prefix)/events/categories") { _, context in
                _ = try context.authenticatedUser()
                return try JSONResponse.ok(EventCategoryName.all.map { EventCategory(id: $0.id, name: $0.name) })
            }
            router.get("\(prefix)/events/{id}") { _, context in
                let space = scoped ? try await services.authorize(context, .eventView) : nil
                try await services.catchUp()
                let event = try await ResourceListing.one(
                    Event.self, kind: "Event", id: try context.parameter("id"), space: space, store: services.store)
                if !scoped { _ = try await services.authorize(context, .eventView, in: event.spaceId) }
                return try JSONResponse.ok(event)
            }
        }
    }

    /// The filters of `GET /events`: `regarding` (all of the ids), `regardingAny` (any), `users`,
    /// `projects`/`environments` (related documents), `eventCategories`, `from` (inclusive) and
    /// `to` (exclusive), `ids`, `spaces`.
    static func eventQuery(_ parameters: QueryParameters, spaces: [SpaceID]) throws -> DocumentQuery {
        var query = DocumentQuery()
        query.add("spaceId", oneOf: spaces.map(\.rawValue))
        query.add("id", oneOf: parameters.list("ids"))
        if let all = parameters.list("regarding") { query.add(InterruptionRoutes.relatedCondition(all, all: true)) }
        if let any = parameters.list("regardingAny") { query.add(InterruptionRoutes.relatedCondition(any, all: false)) }
        if let projects = parameters.list("projects") { query.add(InterruptionRoutes.relatedCondition(projects, all: false)) }
        if let environments = parameters.list("environments") {
            query.add(InterruptionRoutes.relatedCondition(environments, all: false))
        }
        let users = (parameters.list("users") ?? []) + (parameters.list("user") ?? [])
        if !users.isEmpty { query.add("userId", oneOf: users) }
        if let categories = parameters.list("eventCategories") { query.add("category", oneOf: categories) }
        for (name, comparison) in [("from", ">="), ("to", "<")] {
            guard let text = parameters.string(name) else { continue }
            guard let date = OctopusDateFormat.date(from: text) else {
                throw SandboxError.badRequest(
                    message: "The '\(name)' parameter must be an ISO-8601 date such as 2021-06-01T09:00:00+00:00, but was '\(text)'.")
            }
            query.add(.sql("occurred \(comparison) ?", [OctopusDateFormat.string(from: date).databaseValue]))
        }
        return query
    }
}
