import Foundation
import GRDB
import OctopusModel

/// Who asks for a deployment and how they authenticated.
struct DeploymentRequester: Sendable {
    var user: User
    var identityEstablishedWith: String?
}

extension Database {
    /// Creates a deployment and its queued task (`POST /deployments`), after Octopus's checks: the
    /// release and environment exist in the space, the lifecycle allows the environment now, the
    /// machines exist, and required prompted variables have values.
    ///
    /// - Parameters:
    ///   - body: the request; `ReleaseId` and `EnvironmentId` are required.
    ///   - space: the space the request is in.
    ///   - requester: the API key's user, recorded as the deployer.
    ///   - now: the sandbox clock's time (the task is queued then).
    ///   - speed: the simulator's speed (step durations are divided by it).
    /// - Returns: the created deployment, with its id and task id.
    /// - Throws: ``SandboxError/validation(_:)`` with every problem found.
    func createDeployment(
        _ body: Deployment, in space: SpaceID, by requester: DeploymentRequester, now: Date, speed: Double
    ) throws -> Deployment {
        _ = try advanceTasks(to: now)
        guard !body.releaseId.rawValue.isEmpty, !body.environmentId.rawValue.isEmpty else {
            throw SandboxError.validation(
                (body.releaseId.rawValue.isEmpty ? ["Please provide the ReleaseId of the release to deploy."] : [])
                    + (body.environmentId.rawValue.isEmpty ? ["Please provide the EnvironmentId of the environment to deploy to."] : []))
        }
        guard let release = try document(Release.self, id: body.releaseId.rawValue), release.spaceId == space else {
            throw SandboxError.validation(["The release '\(body.releaseId)' was not found in \(space). List /api/\(space)/releases to see which exist."])
        }
        guard let environment = try document(DeploymentEnvironment.self, id: body.environmentId.rawValue),
            environment.spaceId == space
        else {
            throw SandboxError.validation(["The environment '\(body.environmentId)' was not found in \(space). List /api/\(space)/environments to see which exist."])
        }
        guard let project = try document(Project.self, id: release.projectId.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "project", id: release.projectId.rawValue)
        }
        var problems: [String] = []
        if project.isDisabled {
            problems.append("The project '\(project.name)' is disabled, so it cannot be deployed.")
        }
        problems += try tenantProblems(body.tenantId, project: project, environment: environment)
        try problems += lifecycleProblems(release: release, project: project, environment: environment, tenant: body.tenantId)
        let machines = try documents(Machine.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .oldestFirst))
        for id in body.specificMachineIds + body.excludedMachineIds where !machines.contains(where: { $0.id == id }) {
            problems.append("The machine '\(id)' was not found in \(space).")
        }
        for id in body.specificMachineIds {
            if let machine = machines.first(where: { $0.id == id }), !machine.environmentIds.contains(environment.id) {
                problems.append("The machine '\(machine.name)' (\(id)) is not in the environment '\(environment.name)'.")
            }
        }
        let variables = try release.projectVariableSetSnapshotId.flatMap { try document(VariableSet.self, id: $0) }
        problems += PromptedVariables.missingValues(
            in: PromptedVariables.form(variables, environment: environment.id), submitted: body.formValues)
        guard problems.isEmpty else { throw SandboxError.validation(problems) }

        let process = try deploymentProcess(of: release, project: project)
        let deploymentID = try nextID(OctopusIDKinds.Deployment.self)
        let taskID = try nextID(OctopusIDKinds.ServerTask.self)
        let base = "/api/\(space.rawValue)"
        let changes = try releaseChanges(for: release, environment: environment.id)
        var deployment = body
        deployment.id = deploymentID
        deployment.spaceId = space
        deployment.name = "Deploy to \(environment.name)"
        deployment.projectId = project.id
        deployment.channelId = release.channelId
        deployment.taskId = taskID
        deployment.deploymentProcessId = process.id
        deployment.manifestVariableSetId = release.projectVariableSetSnapshotId.map(VariableSetID.init(rawValue:))
        deployment.created = now
        deployment.changes = changes
        deployment.changesMarkdown = ReleaseChanges.markdown(changes)
        deployment.deployedBy = requester.user.username
        deployment.deployedById = requester.user.id
        deployment.failureEncountered = false
        deployment.lastModifiedOn = now
        deployment.lastModifiedBy = requester.user.username
        deployment.links = [
            "Self": "\(base)/deployments/\(deploymentID)", "Release": "\(base)/releases/\(release.id)",
            "Environment": "\(base)/environments/\(environment.id)", "Project": "\(base)/projects/\(project.id)",
            "Task": "/api/tasks/\(taskID)", "Web": "/app#/\(space)/deployments/\(deploymentID)",
            "Artifacts": "\(base)/artifacts?regarding=\(deploymentID)",
            "Interruptions": "\(base)/interruptions?regarding=\(deploymentID)",
            "DeploymentProcess": "\(base)/deploymentprocesses/\(process.id)",
        ]
        let planner = DeploymentPlanner(process: process, environment: environment.id, channel: release.channelId, machines: machines)
        let failures = try arrangedFailures(project: project.id, release: release.id, environment: environment.id)
        let tenant = try body.tenantId.flatMap { try document(Tenant.self, id: $0.rawValue) }
        let spaceName = try document(Space.self, id: space.rawValue)?.name
        let systemVariables = SystemVariables(
            deployment: deployment, release: release, project: project, environment: environment, tenant: tenant, space: spaceName)
        let plan = planner.runPlan(for: deployment, speed: speed, failures: failures, variables: systemVariables)
        deployment.deployedToMachineIds = Self.distinct(
            planner.actions(specificMachines: deployment.specificMachineIds, excludedMachines: deployment.excludedMachineIds)
                .flatMap { $0.machines.map(\.id) })
        try insert(deployment)

        let queueTime = body.queueTime ?? now
        let run = TaskRun(plan: plan, queueTime: queueTime, queueTimeExpiry: body.queueTimeExpiry)
        var task = ServerTask(
            id: taskID, spaceId: space, name: "Deploy",
            description: "Deploy \(project.name) release \(release.version) to \(environment.name)",
            arguments: ["DeploymentId": .string(deploymentID.rawValue)], projectId: project.id,
            links: ServerTask.links(taskID, space: space))
        run.apply(to: &task, now: now)
        try insert(task)
        try execute(
            sql: "UPDATE tasks SET environmentId = ?, tenantId = ? WHERE id = ?",
            arguments: [environment.id.rawValue, body.tenantId?.rawValue, taskID.rawValue])
        let stored = StoredTaskRun(taskId: taskID, deploymentId: deploymentID, queueKey: StoredTaskRun.queueKey(for: deployment), run: run)
        try saveTaskRun(stored)
        let context = DeploymentContext(deployment: deployment, release: release, project: project, environment: environment)
        try recordDeploymentEvent(
            EventCategoryName.deploymentQueued,
            "Deploy to \(environment.name) queued for \(project.name) release \(release.version) to \(environment.name)",
            context: context, at: now,
            actor: EventActor(requester.user, identityEstablishedWith: requester.identityEstablishedWith))
        _ = try advanceTasks(to: now)
        return deployment
    }

    private static func distinct<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension ServerTask {
    /// The links of a task (system-level paths, as Octopus gives them).
    static func links(_ id: ServerTaskID, space: SpaceID) -> Links {
        let base = "/api/tasks/\(id.rawValue)"
        return [
            "Self": base, "Web": "/app#/\(space.rawValue)/tasks/\(id.rawValue)", "Raw": "\(base)/raw",
            "Rerun": "/api/tasks/rerun/\(id.rawValue)", "Cancel": "\(base)/cancel",
            "QueuedBehind": "\(base)/queued-behind{?skip,take}", "Details": "\(base)/details{?verbose,tail}",
            "Artifacts": "/api/\(space.rawValue)/artifacts?regarding=\(id.rawValue)",
            "Interruptions": "/api/\(space.rawValue)/interruptions?regarding=\(id.rawValue)",
        ]
    }
}
