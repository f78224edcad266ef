import Foundation
import OctopusModel

/// Releases, their deployment template and variable snapshots.
extension OctopusClient {
    /// `GET /api/{space}/releases/{id}` — one release. 1 request.
    public func release(_ id: ReleaseID) async throws -> Release {
        try await get(spacePath("releases", id.rawValue))
    }

    /// `GET /api/{space}/projects/{id}/releases/{version}` — a project's release by exact
    /// version, or nil when there is none (404). 1 request.
    public func release(project: ProjectID, version: String) async throws -> Release? {
        do {
            return try await get(spacePath("projects", project.rawValue, "releases", version))
        } catch let error as OctopusClientError where error.isNotFound {
            return nil
        }
    }

    /// `GET /api/{space}/projects/{id}/releases?searchByVersion=` — a project's releases, newest first.
    public func projectReleases(_ project: ProjectID, searchByVersion: String? = nil) -> Paged<Release> {
        Paged(client: self, path: spacePath("projects", project.rawValue, "releases")
            .adding([("searchByVersion", searchByVersion.flatMap { $0.isEmpty ? nil : $0 })]))
    }

    /// `GET /api/{space}/releases?ids=…` — releases by id, in one request per page.
    public func releases(ids: [ReleaseID]) -> Paged<Release> {
        Paged(client: self, path: spacePath("releases", query: [.init("ids", ids.commaJoined)]), pageSize: max(1, ids.count))
    }

    /// `GET /api/{space}/releases/{id}/deployments/template` — where the release may be
    /// deployed now (`PromoteTo`, lifecycle-aware) and whether its snapshots are stale. 1 request.
    public func deploymentTemplate(release id: ReleaseID) async throws -> DeploymentTemplate {
        try await get(spacePath("releases", id.rawValue, "deployments", "template"))
    }

    /// `POST /api/{space}/releases/{id}/snapshot-variables` — re-snapshot the release's variables
    /// (for `IsVariableSetModified`/`IsLibraryVariableSetModified`). Idempotent, so retried. 1 request.
    @discardableResult
    public func refreshSnapshotVariables(release id: ReleaseID) async throws -> Release {
        try await send(.post, spacePath("releases", id.rawValue, "snapshot-variables"), body: Empty(), idempotent: true)
    }
}
