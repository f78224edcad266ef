import Foundation
import GRDB
import OctopusModel

/// A deployment with the documents its messages and links name.
struct DeploymentContext: Sendable {
    var deployment: Deployment
    var release: Release
    var project: Project
    var environment: DeploymentEnvironment

    /// "Deploy Web API release 2021.1.0.15 to Test", as Octopus describes deployment tasks.
    var taskDescription: String {
        "Deploy \(project.name) release \(release.version) to \(environment.name)"
    }

    /// The ids an event or interruption about this deployment relates to.
    var relatedDocumentIds: [String] {
        var ids = [
            deployment.id.rawValue, deployment.taskId?.rawValue, project.id.rawValue, environment.id.rawValue,
            release.id.rawValue,
        ].compactMap { $0 }
        if let tenant = deployment.tenantId { ids.append(tenant.rawValue) }
        return ids
    }

    /// Names to link in event messages.
    var references: [(text: String, id: String)] {
        [(environment.name, environment.id.rawValue), (project.name, project.id.rawValue),
         (release.version, release.id.rawValue)]
    }
}

extension Database {
    /// Loads a deployment and the release, project and environment it names.
    func deploymentContext(_ id: DeploymentID) throws -> DeploymentContext {
        guard let deployment = try document(Deployment.self, id: id.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "deployment", id: id.rawValue)
        }
        guard let release = try document(Release.self, id: deployment.releaseId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "release", id: deployment.releaseId.rawValue)
        }
        guard let project = try document(Project.self, id: deployment.projectId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "project", id: deployment.projectId.rawValue)
        }
        guard let environment = try document(DeploymentEnvironment.self, id: deployment.environmentId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "environment", id: deployment.environmentId.rawValue)
        }
        return DeploymentContext(deployment: deployment, release: release, project: project, environment: environment)
    }
}
