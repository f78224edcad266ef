import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Interruptions: list (`regarding`, `pendingOnly`, newest first), get, responsible (GET/PUT) and
/// submit, with `CanTakeResponsibility`/`HasResponsibility` computed for the caller.
enum InterruptionRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api/{spaceId}/interruptions") { request, context in
            let space = try await services.authorize(context, .interruptionView)
            try await services.catchUp()
            let parameters = QueryParameters(request)
            var query = DocumentQuery([.equals("spaceId", space.databaseValue)])
            query.add("id", oneOf: parameters.list("ids"))
            if let regarding = parameters.list("regarding") {
                query.add(relatedCondition(regarding, all: false))
            }
            if try parameters.boolean("pendingOnly") == true {
                query.add(.equals("isPending", true.databaseValue))
            }
            let caller = try await caller(context, space: space, services: services)
            return try await ResourceListing.page(
                Interruption.self, itemType: "Interruption", request: request, store: services.store, query: query,
                template: "/api/\(space)/interruptions{?skip,take,regarding,pendingOnly,ids}", linking: { caller.view($0) })
        }
        router.get("/api/{spaceId}/interruptions/{id}") { _, context in
            let space = try await services.authorize(context, .interruptionView)
            try await services.catchUp()
            let interruption = try await ResourceListing.one(
                Interruption.self, kind: "Interruption", id: try context.parameter("id"), space: space, store: services.store)
            return try JSONResponse.ok(try await caller(context, space: space, services: services).view(interruption))
        }
        router.get("/api/{spaceId}/interruptions/{id}/responsible") { _, context in
            let space = try await services.authorize(context, .interruptionView)
            let interruption = try await ResourceListing.one(
                Interruption.self, kind: "Interruption", id: try context.parameter("id"), space: space, store: services.store)
            guard let userID = interruption.responsibleUserId,
                let user = try await services.store.document(User.self, id: userID.rawValue)
            else {
                throw SandboxError.resourceNotFound(kind: "responsible user of interruption", id: interruption.id.rawValue)
            }
            return try JSONResponse.ok(user)
        }
        router.put("/api/{spaceId}/interruptions/{id}/responsible") { _, context in
            let space = try await services.authorize(context, .interruptionView)
            try await services.catchUp()
            let id = InterruptionID(try context.parameter("id"))
            _ = try await ResourceListing.one(Interruption.self, kind: "Interruption", id: id.rawValue, space: space, store: services.store)
            let caller = try await caller(context, space: space, services: services)
            let now = services.clock.now
            _ = try await services.store.write { db in try db.takeResponsibility(id, caller: caller, now: now) }
            return try JSONResponse.ok(caller.user)
        }
        router.post("/api/{spaceId}/interruptions/{id}/submit") { request, context in
            let space = try await services.authorize(context, .interruptionView)
            let id = InterruptionID(try context.parameter("id"))
            _ = try await ResourceListing.one(Interruption.self, kind: "Interruption", id: id.rawValue, space: space, store: services.store)
            let values = try await JSONRequestBody.decode(SubmittedValues.self, from: request).values
            let caller = try await caller(context, space: space, services: services)
            let now = services.clock.now
            let interruption = try await services.store.write { db in
                try db.submitInterruption(id, values: values, caller: caller, now: now)
            }
            services.simulator.invalidate()
            return try JSONResponse.ok(caller.view(interruption))
        }
    }

    private static func caller(_ context: SandboxRequestContext, space: SpaceID, services: SandboxServices) async throws -> InterruptionCaller {
        let user = try context.authenticatedUser()
        let identity = context.identityEstablishedWith
        return try await services.store.read { db in try db.interruptionCaller(user, in: space, identity: identity) }
    }

    /// Documents whose `related` column holds any (or, with `all`, every) of the ids.
    static func relatedCondition(_ ids: [String], all: Bool) -> DocumentQuery.Condition {
        let terms = ids.map { _ in "instr(related, ?) > 0" }.joined(separator: all ? " AND " : " OR ")
        return .sql(terms, ids.map { ",\($0),".databaseValue })
    }
}

/// A submission body: the form values by element name (strings or null; other JSON types are
/// turned into their text).
struct SubmittedValues: Decodable, Sendable {
    var values: [String: String?]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var values: [String: String?] = [:]
        for key in container.allKeys {
            if try container.decodeNil(forKey: key) {
                values[key.stringValue] = .some(nil)
            } else if let text = try? container.decode(String.self, forKey: key) {
                values[key.stringValue] = text
            } else if let flag = try? container.decode(Bool.self, forKey: key) {
                values[key.stringValue] = flag ? "True" : "False"
            } else if let number = try? container.decode(Double.self, forKey: key) {
                values[key.stringValue] = String(number)
            }
        }
        self.values = values
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
