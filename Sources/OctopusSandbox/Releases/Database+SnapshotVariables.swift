import Foundation
import GRDB
import OctopusModel

extension Database {
    /// `POST /releases/{id}/snapshot-variables`: snapshots the project's current variables again
    /// and points the release at the new snapshot, as Octopus does when a release's variables are
    /// refreshed before a deployment. The earlier snapshot stays for the deployments that used it.
    func refreshVariableSnapshot(of release: Release, now: Date) throws -> Release {
        guard let project = try document(Project.self, id: release.projectId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "Project", id: release.projectId.rawValue)
        }
        guard var variables = try document(VariableSet.self, id: project.variableSetId.rawValue) else {
            throw SandboxError.validation(["The project '\(project.name)' has no variable set to snapshot."])
        }
        // Snapshot ids extend the release's first one (`variableset-Projects-3-s-8`) with a
        // refresh count, so every refresh keeps a distinct, reproducible id.
        let base = "\(project.variableSetId.rawValue)-s-\(release.id.number ?? 0)"
        var refresh = 1
        while try document(VariableSet.self, id: "\(base)-\(refresh)") != nil { refresh += 1 }
        variables.id = "\(base)-\(refresh)"
        try insert(variables)
        var refreshed = release
        refreshed.projectVariableSetSnapshotId = variables.id
        refreshed.lastModifiedOn = now
        try save(refreshed)
        return refreshed
    }
}
