import Foundation
import GRDB
import OctopusModel

extension Database {
    /// The process a release deploys: the snapshot taken when it was created, else its project's current process,
    /// else an empty one (a project that was never given steps).
    func deploymentProcess(of release: Release, project: Project) throws -> DeploymentProcess {
        let processID = release.projectDeploymentProcessSnapshotId ?? project.deploymentProcessId.rawValue
        return try document(DeploymentProcess.self, id: processID)
            ?? DeploymentProcess(id: DeploymentProcessID(project: project.id), spaceId: release.spaceId, projectId: project.id)
    }

    /// `GET /releases/{id}/deployments/template`: where the lifecycle lets the release go now, and
    /// whether its process or variables changed since it was created.
    func deploymentTemplate(for release: Release) throws -> DeploymentTemplate {
        let targets = try promotionTargets(try promotion(of: release).allowed, release: release, tenant: nil)
        let space = release.spaceId.rawValue
        let project = try document(Project.self, id: release.projectId.rawValue)
        var processModified = false
        if let snapshotID = release.projectDeploymentProcessSnapshotId, let project,
            let snapshot = try document(DeploymentProcess.self, id: snapshotID),
            let current = try document(DeploymentProcess.self, id: project.deploymentProcessId.rawValue)
        {
            processModified = snapshot.steps != current.steps
        }
        var variablesModified = false
        if let snapshotID = release.projectVariableSetSnapshotId, let project,
            let snapshot = try document(VariableSet.self, id: snapshotID),
            let current = try document(VariableSet.self, id: project.variableSetId.rawValue)
        {
            variablesModified = snapshot.variables != current.variables
        }
        return DeploymentTemplate(
            isDeploymentProcessModified: processModified, isVariableSetModified: variablesModified,
            isLibraryVariableSetModified: false, deploymentNotes: nil, promoteTo: targets,
            tenantPromotions: try tenantPromotions(for: release, project: project),
            links: ["Self": "/api/\(space)/releases/\(release.id)/deployments/template"])
    }

    /// `GET /releases/{id}/deployments/preview/{environmentId}`: the steps and machines a deployment
    /// would use, its prompted variables and the changes it would bring.
    func deploymentPreview(of release: Release, environment id: EnvironmentID, includeDisabled: Bool) throws -> DeploymentPreview {
        guard let environment = try document(DeploymentEnvironment.self, id: id.rawValue), environment.spaceId == release.spaceId else {
            throw SandboxError.resourceNotFound(kind: "Environment", id: id.rawValue)
        }
        guard let project = try document(Project.self, id: release.projectId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "Project", id: release.projectId.rawValue)
        }
        let process = try deploymentProcess(of: release, project: project)
        let machines = try documents(
            Machine.self, DocumentQuery([.equals("spaceId", release.spaceId.databaseValue)], order: .oldestFirst))
        let planner = DeploymentPlanner(process: process, environment: environment.id, channel: release.channelId, machines: machines)
        let variables = try release.projectVariableSetSnapshotId.flatMap { try document(VariableSet.self, id: $0) }
        let changes = try releaseChanges(for: release, environment: environment.id)
        let guided: Bool
        switch project.defaultGuidedFailureMode {
        case .on: guided = true
        case .off: guided = false
        case .environmentDefault: guided = environment.useGuidedFailure
        }
        return DeploymentPreview(
            stepsToExecute: planner.previewSteps(includeDisabled: includeDisabled),
            form: PromptedVariables.form(variables, environment: environment.id), useGuidedFailureModeByDefault: guided,
            changes: changes, changesMarkdown: ReleaseChanges.markdown(changes),
            links: ["Self": "/api/\(release.spaceId)/releases/\(release.id)/deployments/preview/\(environment.id)"])
    }
}
