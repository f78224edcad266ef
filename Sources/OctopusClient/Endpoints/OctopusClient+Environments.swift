import OctopusModel

/// Environments and deployment targets.
extension OctopusClient {
    /// `GET /api/{space}/environments/{id}` — one environment. 1 request.
    public func environment(_ id: EnvironmentID) async throws -> DeploymentEnvironment {
        try await get(spacePath("environments", id.rawValue))
    }

    /// The environment with exactly this name (case-insensitive), or nil:
    /// `GET /api/{space}/environments?partialName=` paged until the exact match.
    public func environment(named name: String) async throws -> DeploymentEnvironment? {
        try await named(name, in: spacePath("environments"), name: \DeploymentEnvironment.name)
    }

    /// `GET /api/{space}/environments/all` — every environment in sort order (bare array). 1 request.
    /// One call serves every id→name lookup of a run.
    public func allEnvironments() async throws -> [DeploymentEnvironment] {
        try await array(spacePath("environments", "all"))
    }

    /// `GET /api/{space}/machines/{id}` — one deployment target. 1 request.
    public func machine(_ id: MachineID) async throws -> Machine {
        try await get(spacePath("machines", id.rawValue))
    }

    /// The deployment target with exactly this name (case-insensitive), or nil:
    /// `GET /api/{space}/machines?partialName=` paged until the exact match.
    public func machine(named name: String) async throws -> Machine? {
        try await named(name, in: spacePath("machines"), name: \Machine.name)
    }

    /// `GET /api/{space}/machines?ids=…&environmentIds=…` — deployment targets, filtered.
    public func machines(ids: [MachineID] = [], environments: [EnvironmentID] = []) -> Paged<Machine> {
        Paged(client: self, path: spacePath("machines").adding([
            ("ids", ids.isEmpty ? nil : ids.commaJoined),
            ("environmentIds", environments.isEmpty ? nil : environments.commaJoined),
        ]))
    }

    /// `GET /api/{space}/machines/all` — every deployment target (bare array). 1 request.
    public func allMachines() async throws -> [Machine] {
        try await array(spacePath("machines", "all"))
    }
}
