import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Release progression, project progression and the dashboard.
enum ProgressionRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api/{spaceId}/releases/{id}/progression") { _, context in
            let space = try await services.authorize(context, .releaseView)
            let release = try await ResourceListing.one(
                Release.self, kind: "Release", id: try context.parameter("id"), space: space, store: services.store)
            try await services.catchUp()
            return try JSONResponse.ok(try await services.store.read { db in try db.lifecycleProgression(of: release) })
        }
        for path: RouterPath in ["/api/{spaceId}/progression/{id}", "/api/{spaceId}/projects/{id}/progression"] {
            router.get(path) { request, context in
                let space = try await services.authorize(context, .projectView)
                let project = try await ResourceListing.one(
                    Project.self, kind: "Project", id: try context.parameter("id"), space: space, store: services.store)
                let count = try QueryParameters(request).integer("releaseHistoryCount") ?? 30
                guard (1...100).contains(count) else {
                    throw SandboxError.badRequest(
                        message: "The 'releaseHistoryCount' parameter must be greater than 0 and less than or equal to 100.")
                }
                try await services.catchUp()
                let now = services.clock.now
                return try await services.answers.response(for: request, store: services.store, isStable: \.isSettled) { db in
                    try db.projectProgression(of: project, releaseHistoryCount: count, now: now)
                }
            }
        }
        router.get("/api/{spaceId}/dashboard") { request, context in
            let space = try await services.authorize(context, .deploymentView)
            let parameters = QueryParameters(request)
            try await services.catchUp()
            let projects = parameters.list("projectId") ?? parameters.list("projects")
            let now = services.clock.now
            return try await services.answers.response(for: request, store: services.store, isStable: \.isSettled) { db in
                try db.dashboard(space: space, projects: projects, environments: nil, includePrevious: false, now: now)
            }
        }
        router.get("/api/{spaceId}/dashboard/dynamic") { request, context in
            let space = try await services.authorize(context, .deploymentView)
            let parameters = QueryParameters(request)
            let includePrevious = try parameters.boolean("includePrevious") ?? false
            try await services.catchUp()
            let now = services.clock.now
            return try await services.answers.response(for: request, store: services.store, isStable: \.isSettled) { db in
                try db.dashboard(
                    space: space, projects: parameters.list("projects"), environments: parameters.list("environments"),
                    includePrevious: includePrevious, now: now)
            }
        }
    }
}

extension Dashboard {
    /// Whether every item's task has finished, so the answer does not follow the clock (`AnswerCache`).
    package var isSettled: Bool { (items + previousItems).allSatisfy(\.state.isCompleted) }
}

extension ProjectProgression {
    /// Whether every deployment shown has finished (`AnswerCache`).
    package var isSettled: Bool { releases.allSatisfy { $0.deployments.values.joined().allSatisfy(\.state.isCompleted) } }
}
