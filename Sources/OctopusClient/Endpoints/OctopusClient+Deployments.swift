import Foundation
import OctopusModel

/// Deployments: list, one release's deployments, preview, progression, dashboard.
/// (Creating one is in OctopusClient+CreateDeployment.swift.)
extension OctopusClient {
    /// `GET /api/{space}/deployments/{id}` — one deployment. 1 request.
    public func deployment(_ id: DeploymentID) async throws -> Deployment {
        try await get(spacePath("deployments", id.rawValue))
    }

    /// `GET /api/{space}/deployments?projects=…&environments=…&channels=…&tenants=…&taskState=…&ids=…`
    /// — deployments, newest first. With `taskState: .success` it is "the successful deployments
    /// of these projects to these environments" in one request per page (no request per task);
    /// `.first()` is the latest one (`take=1`).
    public func deployments(
        ids: [DeploymentID] = [], projects: [ProjectID] = [], environments: [EnvironmentID] = [],
        channels: [ChannelID] = [], tenants: [TenantID] = [], taskState: TaskState? = nil
    ) -> Paged<Deployment> {
        Paged(client: self, path: spacePath("deployments").adding([
            ("ids", ids.isEmpty ? nil : ids.commaJoined),
            ("projects", projects.isEmpty ? nil : projects.commaJoined),
            ("environments", environments.isEmpty ? nil : environments.commaJoined),
            ("channels", channels.isEmpty ? nil : channels.commaJoined),
            ("tenants", tenants.isEmpty ? nil : tenants.commaJoined),
            ("taskState", taskState?.rawValue),
        ]))
    }

    /// `GET /api/{space}/releases/{id}/deployments` — one release's deployments, newest first.
    public func releaseDeployments(_ id: ReleaseID) -> Paged<Deployment> {
        Paged(client: self, path: spacePath("releases", id.rawValue, "deployments"))
    }

    /// `GET /api/{space}/releases/{id}/deployments/preview/{environmentId}[/{tenantId}]?includeDisabledSteps=`
    /// — what a deployment would do: steps and their machines, the prompted-variable form,
    /// changes. 1 request.
    public func deploymentPreview(
        release: ReleaseID, environment: EnvironmentID, tenant: TenantID? = nil, includeDisabledSteps: Bool = true
    ) async throws -> DeploymentPreview {
        var segments = [spaceID.rawValue, "releases", release.rawValue, "deployments", "preview", environment.rawValue]
        if let tenant { segments.append(tenant.rawValue) }
        return try await get(APIPath(segments, query: [.init("includeDisabledSteps", includeDisabledSteps ? "true" : "false")]))
    }

    /// `GET /api/{space}/releases/{id}/progression` — the release's lifecycle phases and where it
    /// may go next. 1 request.
    public func releaseProgression(_ release: ReleaseID) async throws -> LifecycleProgression {
        try await get(spacePath("releases", release.rawValue, "progression"))
    }

    /// `GET /api/{space}/progression/{projectId}?releaseHistoryCount=` — a project's recent
    /// releases and where each is deployed. 1 request.
    public func projectProgression(_ project: ProjectID, releaseHistoryCount: Int? = nil) async throws -> ProjectProgression {
        try await get(spacePath("progression", project.rawValue).adding([("releaseHistoryCount", releaseHistoryCount.map(String.init))]))
    }

    /// `GET /api/{space}/dashboard?projectId=&showAll=` — the current deployment per project and
    /// environment. 1 request.
    public func dashboard(project: ProjectID? = nil, showAll: Bool = false) async throws -> Dashboard {
        try await get(spacePath("dashboard").adding([("projectId", project?.rawValue), ("showAll", showAll ? "true" : nil)]))
    }
}
