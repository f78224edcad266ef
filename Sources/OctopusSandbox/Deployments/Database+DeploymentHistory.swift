import Foundation
import GRDB
import OctopusModel

// Queries over deployments joined with their tasks' states: what a release has reached, and what is
// current in an environment.

extension Database {
    /// Environments where the release has a successful deployment; for a tenant, one for that tenant or an
    /// untenanted one (lifecycle progress is per tenant).
    func successfulEnvironments(of release: ReleaseID, tenant: TenantID? = nil) throws -> Set<EnvironmentID> {
        let ids = try String.fetchAll(
            self,
            sql: """
                SELECT DISTINCT d.environmentId FROM deployments d JOIN tasks t ON t.id = d.taskId
                WHERE d.releaseId = ? AND t.state = 'Success' AND (? IS NULL OR d.tenantId IS NULL OR d.tenantId = ?)
                """,
            arguments: [release.rawValue, tenant?.rawValue, tenant?.rawValue])
        return Set(ids.map(EnvironmentID.init(rawValue:)))
    }

    /// The latest successful deployment of a project to an environment (the "current" release there).
    func currentDeployment(project: ProjectID, environment: EnvironmentID, tenant: TenantID? = nil) throws -> Deployment? {
        let data = try Data.fetchOne(
            self,
            sql: """
                SELECT d.document FROM deployments d JOIN tasks t ON t.id = d.taskId
                WHERE d.projectId = ? AND d.environmentId = ? AND t.state = 'Success'
                  AND (d.tenantId IS ? OR d.tenantId = ?)
                ORDER BY d.ordinal DESC LIMIT 1
                """,
            arguments: [project.rawValue, environment.rawValue, tenant?.rawValue, tenant?.rawValue])
        return try data.map { try OctopusJSON.makeDecoder().decode(Deployment.self, from: $0) }
    }

    /// The releases a deployment of `release` to `environment` brings: every release of the project
    /// after the one current there, up to and including `release` (just `release` when nothing
    /// older is current), oldest first. Read as one range of the releases' assembly-time index.
    func releaseChanges(for release: Release, environment: EnvironmentID) throws -> [ReleaseChanges] {
        var releases = [release]
        if let current = try currentDeployment(project: release.projectId, environment: environment),
            let currentRelease = try document(Release.self, id: current.releaseId.rawValue),
            currentRelease.assembled < release.assembled
        {
            let assembled = SandboxSchema.releaseAssembled
            let assembledOf = "(SELECT \(assembled) FROM releases WHERE id = ?)"
            releases = try documents(
                Release.self,
                DocumentQuery(
                    [
                        .equals("projectId", release.projectId.databaseValue),
                        .equals("channelId", release.channelId.databaseValue),
                        .sql("\(assembled) > \(assembledOf)", [currentRelease.id.databaseValue]),
                        .sql("\(assembled) <= \(assembledOf)", [release.id.databaseValue]),
                    ], order: .oldestFirst))
        }
        return releases.map { release in
            ReleaseChanges(
                version: release.version, releaseNotes: release.releaseNotes, buildInformation: release.buildInformation,
                workItems: Self.distinct(release.buildInformation.flatMap(\.workItems), by: \.id),
                commits: Self.distinct(release.buildInformation.flatMap(\.commits), by: \.id))
        }
    }

    private static func distinct<T>(_ items: [T], by key: (T) -> String) -> [T] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0)).inserted }
    }
}

extension ReleaseChanges {
    /// Markdown of a list of changes, as `ChangesMarkdown` carries it.
    static func markdown(_ changes: [ReleaseChanges]) -> String {
        changes.map { change in
            var lines = ["## \(change.version)"]
            if let notes = change.releaseNotes, !notes.isEmpty { lines += ["", notes] }
            if !change.workItems.isEmpty {
                lines += [""] + change.workItems.map { "- [\($0.id)](\($0.linkUrl ?? "")) - \($0.description ?? "")" }
            }
            if !change.commits.isEmpty {
                lines += [""] + change.commits.map { "- [\($0.id.prefix(7))](\($0.linkUrl ?? "")) - \($0.comment ?? "")" }
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
