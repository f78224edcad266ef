import OctopusModel

/// Projects and their deployment processes.
extension OctopusClient {
    /// `GET /api/{space}/projects/{idOrSlug}` — one project. 1 request.
    public func project(_ id: ProjectID) async throws -> Project {
        try await get(spacePath("projects", id.rawValue))
    }

    /// The project with exactly this name (case-insensitive), or nil:
    /// `GET /api/{space}/projects?partialName=` paged until the exact match. 1 request in practice.
    public func project(named name: String) async throws -> Project? {
        try await named(name, in: spacePath("projects"), name: \Project.name)
    }

    /// `GET /api/{space}/projects?ids=…` — projects by id, or all of them when `ids` is empty.
    public func projects(ids: [ProjectID] = []) -> Paged<Project> {
        Paged(client: self, path: spacePath("projects").adding([("ids", ids.isEmpty ? nil : ids.commaJoined)]))
    }

    /// `GET /api/{space}/projects/all` — every project (bare array). 1 request.
    public func allProjects() async throws -> [Project] {
        try await array(spacePath("projects", "all"))
    }

    /// `GET /api/{space}/deploymentprocesses/{id}` — a project's process or a release's snapshot
    /// of it (`Release.projectDeploymentProcessSnapshotId`). 1 request.
    public func deploymentProcess(_ id: DeploymentProcessID) async throws -> DeploymentProcess {
        try await get(spacePath("deploymentprocesses", id.rawValue))
    }
}
