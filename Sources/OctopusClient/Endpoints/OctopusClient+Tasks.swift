import OctopusModel

/// Server tasks: state, details, cancel.
extension OctopusClient {
    /// `GET /api/{space}/tasks/{id}` — one task. 1 request.
    public func task(_ id: ServerTaskID) async throws -> ServerTask {
        try await get(spacePath("tasks", id.rawValue))
    }

    /// `GET /api/tasks?ids=…` — many tasks in one request per page (the wait loop's single poll
    /// for a whole application). Order follows the server (newest first), not `ids`.
    public func tasks(ids: [ServerTaskID]) async throws -> [ServerTask] {
        guard !ids.isEmpty else { return [] }
        return try await all(systemPath("tasks", query: [.init("ids", ids.commaJoined), .init("spaces", spaceID.rawValue)]),
                             pageSize: max(ids.count, 1), of: ServerTask.self)
    }

    /// `GET /api/tasks?…` — tasks filtered like the step template's "last successful deployment"
    /// query, newest first.
    ///
    /// - Parameters:
    ///   - project: `project=`.
    ///   - environment: `environment=`.
    ///   - tenant: `tenant=`.
    ///   - name: the task type, `Deploy` for deployments.
    ///   - states: `states=` (comma list), e.g. `[.success]`.
    /// - Returns: the matching tasks, not yet fetched (the caller reads as many pages as it needs).
    public func tasks(
        project: ProjectID? = nil, environment: EnvironmentID? = nil, tenant: TenantID? = nil,
        name: String? = "Deploy", states: [TaskState] = []
    ) -> Paged<ServerTask> {
        Paged(client: self, path: systemPath("tasks", query: [.init("spaces", spaceID.rawValue), .init("includeSystem", "false")]).adding([
            ("project", project?.rawValue), ("environment", environment?.rawValue), ("tenant", tenant?.rawValue),
            ("name", name), ("states", states.isEmpty ? nil : states.map(\.rawValue).joined(separator: ",")),
        ]))
    }

    /// `GET /api/{space}/tasks/{id}/details?verbose=&tail=` — the task with its activity log. 1 request.
    public func taskDetails(_ id: ServerTaskID, verbose: Bool = false, tail: Int? = nil) async throws -> TaskDetails {
        try await get(spacePath("tasks", id.rawValue, "details").adding([
            ("verbose", verbose ? "true" : nil), ("tail", tail.map(String.init)),
        ]))
    }

    /// `GET /api/{space}/tasks/{id}/queued-behind` — the tasks this queued task waits behind (Octopus runs one
    /// deployment of a project to an environment and tenant at a time). The first 10; 1 request.
    public func tasksQueuedAhead(of id: ServerTaskID) async throws -> [ServerTask] {
        try await Paged<ServerTask>(client: self, path: spacePath("tasks", id.rawValue, "queued-behind"), pageSize: 10).prefix(10)
    }

    /// `POST /api/{space}/tasks/{id}/cancel` — cancel a queued or running task. Repeating a
    /// cancel is harmless, so it is retried like a read. 1 request.
    @discardableResult
    public func cancelTask(_ id: ServerTaskID) async throws -> ServerTask {
        try await send(.post, spacePath("tasks", id.rawValue, "cancel"), body: Empty(), idempotent: true)
    }
}
