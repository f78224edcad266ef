import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Server tasks: list (Octopus's filters, newest first), get, details with the activity log, raw
/// log and cancel; both the system form (`/api/tasks`) and the space-scoped one.
enum TaskRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        for prefix in ["/api", "/api/{spaceId}"] {
            let scoped = prefix != "/api"
            router.get("\(prefix)/tasks") { request, context in
                let parameters = QueryParameters(request)
                let spaces = try await services.listedSpaces(context, scoped: scoped, .taskView, parameters: parameters)
                let query = try taskQuery(parameters, spaces: spaces)
                let now = services.clock.now
                return try await services.cachedPage(
                    ServerTask.self, itemType: "Task", request: request, query: query,
                    template: "\(scoped ? "/api/\(spaces.first?.rawValue ?? "")" : "/api")/tasks{?skip,active,environment,tenant,project,name,states,hasPendingInterruptions,take,ids,spaces}",
                    transform: { $0.refreshed(now: now) })
            }
            router.get("\(prefix)/tasks/{id}") { _, context in
                let task = try await find(context, scoped: scoped, services: services)
                return try JSONResponse.ok(task.refreshed(now: services.clock.now))
            }
            router.get("\(prefix)/tasks/{id}/details") { _, context in
                let task = try await find(context, scoped: scoped, services: services)
                let now = services.clock.now
                let details = try await services.store.read { db in try db.taskDetails(task, now: now) }
                return try JSONResponse.ok(details)
            }
            router.get("\(prefix)/tasks/{id}/raw") { _, context in
                let task = try await find(context, scoped: scoped, services: services)
                let text = try await services.store.read { db in try db.taskRun(task.id)?.run.rawLog() ?? "" }
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; charset=utf-8"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            router.get("\(prefix)/tasks/{id}/queued-behind") { request, context in
                let task = try await find(context, scoped: scoped, services: services)
                let now = services.clock.now
                let ahead = try await services.store.read { db in
                    try db.tasksQueuedAhead(of: task.id).compactMap { try db.document(ServerTask.self, id: $0.rawValue) }
                }
                return try ResourceListing.page(
                    of: ahead.map { $0.refreshed(now: now) }, itemType: "Task", request: request,
                    template: "\(scoped ? "/api/\(task.spaceId?.rawValue ?? "")" : "/api")/tasks/\(task.id.rawValue)/queued-behind{?skip,take}")
            }
            router.post("\(prefix)/tasks/{id}/cancel") { _, context in
                let task = try await find(context, scoped: scoped, services: services, permission: .taskCancel)
                let now = services.clock.now
                let canceled = try await services.store.write { db in try db.cancelTask(task.id, at: now) }
                services.simulator.invalidate()
                return try JSONResponse.ok(canceled.refreshed(now: now))
            }
        }
    }

    /// The task named by the route, after catching up; 404 when unknown or in another space,
    /// 403 without `permission` in its space.
    private static func find(
        _ context: SandboxRequestContext, scoped: Bool, services: SandboxServices, permission: SandboxPermission = .taskView
    ) async throws -> ServerTask {
        let id = try context.parameter("id")
        let space = scoped ? try await services.authorize(context, permission) : nil
        try await services.catchUp()
        let task = try await ResourceListing.one(ServerTask.self, kind: "ServerTask", id: id, space: space, store: services.store)
        if !scoped { _ = try await services.authorize(context, permission, in: task.spaceId) }
        return task
    }

    /// Reads a comma list of task states (`states=`, `taskState=`); a 400 naming the valid ones otherwise.
    static func states(_ parameters: QueryParameters, name: String) throws -> [TaskState]? {
        guard let values = parameters.list(name) else { return nil }
        return try values.map { value in
            guard let state = TaskState.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(value) == .orderedSame }) else {
                throw SandboxError.badRequest(
                    message: "The '\(name)' parameter has an unknown task state '\(value)'. Use one of: \(TaskState.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return state
        }
    }

    /// The filters of `GET /tasks`.
    static func taskQuery(_ parameters: QueryParameters, spaces: [SpaceID]) throws -> DocumentQuery {
        var query = DocumentQuery()
        query.add("spaceId", oneOf: spaces.map(\.rawValue))
        query.add("id", oneOf: parameters.list("ids"))
        query.add("projectId", oneOf: parameters.list("project"))
        if let names = parameters.list("name") { query.add(.textOneOf("name", names)) }
        if let partial = parameters.list("partialName") { query.add(.containsText("name", partial)) }
        if let states = try states(parameters, name: "states") {
            query.add("state", oneOf: states.map(\.rawValue))
        }
        if try parameters.boolean("active") == true || parameters.boolean("running") == true {
            query.add("state", oneOf: [TaskState.queued, .executing, .cancelling].map(\.rawValue))
        }
        query.add("environmentId", oneOf: parameters.list("environment"))
        query.add("tenantId", oneOf: parameters.list("tenant"))
        if let pending = try parameters.boolean("hasPendingInterruptions") {
            query.add(.sql(
                "\(pending ? "" : "NOT ")EXISTS (SELECT 1 FROM interruptions i WHERE i.taskId = tasks.id AND i.isPending = 1)", []))
        }
        return query
    }
}

extension ServerTask {
    /// The task with its running duration brought up to `now` (stored documents hold the duration of
    /// their last transition).
    func refreshed(now: Date) -> ServerTask {
        guard !state.isCompleted else { return self }
        var task = self
        task.duration = HumanTime.duration(from: startTime ?? queueTime ?? now, to: max(now, startTime ?? queueTime ?? now))
        return task
    }
}

extension Database {
    /// The task with its activity log and progress.
    func taskDetails(_ task: ServerTask, now: Date) throws -> TaskDetails {
        let task = task.refreshed(now: now)
        let links: Links = ["Self": "/api/tasks/\(task.id)/details"]
        guard let stored = try taskRun(task.id) else {
            // Generated history has no stored run: a one-node log with the task's outcome.
            let root = ActivityLogTreeNode(
                id: task.id.rawValue, name: task.description, started: task.startTime, ended: task.completedTime,
                status: task.state == .success ? .success : (task.isCompleted ? .failed : .running),
                showAtSummaryLevel: true, progressPercentage: task.isCompleted ? 100 : 0)
            return TaskDetails(
                id: task.id.rawValue, task: task, activityLogs: [root], physicalLogSize: 0,
                progress: TaskProgress(progressPercentage: task.isCompleted ? 100 : 0, estimatedTimeRemaining: nil),
                links: links)
        }
        let run = stored.run
        let raw = run.rawLog()
        let remaining = run.plan.steps.indices.filter { run.steps[$0].ended == nil }.map { run.plan.steps[$0].duration }.reduce(0, +)
        return TaskDetails(
            id: task.id.rawValue, task: task, activityLogs: run.activityLogs(taskId: task.id, title: task.description),
            physicalLogSize: Int64(raw.utf8.count),
            progress: TaskProgress(
                progressPercentage: run.progressPercentage,
                estimatedTimeRemaining: run.isCompleted ? nil : HumanTime.duration(from: now, to: now.addingTimeInterval(remaining))),
            links: links)
    }

    /// Asks a task to stop (`POST /tasks/{id}/cancel`): a queued task is canceled at once, a running
    /// one goes through `Cancelling`. A completed task is returned unchanged.
    func cancelTask(_ id: ServerTaskID, at now: Date) throws -> ServerTask {
        _ = try advanceTasks(to: now)
        if var stored = try taskRun(id), !stored.run.isCompleted {
            let effects = stored.run.requestCancel(at: now)
            try apply(effects, of: stored)
            try saveTaskRun(stored)
        }
        guard let task = try document(ServerTask.self, id: id.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "ServerTask", id: id.rawValue)
        }
        return task
    }
}
