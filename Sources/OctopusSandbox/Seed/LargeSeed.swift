import Foundation
import GRDB
import OctopusModel

/// Size of the generated `large` data set.
public struct LargeSeedParameters: Sendable, Equatable {
    /// Generated child projects.
    public var projects: Int
    /// Releases per project.
    public var releasesPerProject: Int
    /// Deployments per project.
    public var deploymentsPerProject: Int

    /// Successful deployments to Test of the "Unpromotable Service" project (none: no such project): its lifecycle's
    /// first phase needs Development *and* Test, and every release went to Test only, so none may go to Staging — the
    /// worst case of release selection.
    public var unpromotableDeployments: Int

    /// Defaults: 50 projects × 2,000 releases × 10,000 deployments (the benchmark's data set), no unpromotable project.
    public init(projects: Int = 50, releasesPerProject: Int = 2000, deploymentsPerProject: Int = 10_000, unpromotableDeployments: Int = 0) {
        self.projects = max(0, projects)
        self.releasesPerProject = max(1, releasesPerProject)
        self.deploymentsPerProject = max(0, deploymentsPerProject)
        self.unpromotableDeployments = max(0, unpromotableDeployments)
    }
}

/// The `large` seed: the sample application plus N generated projects, each with R releases and D
/// completed deployments spread over Development, Test, Staging and Production (newest last), and
/// optionally the worst case of release selection (`unpromotableDeployments`), for benchmarks.
/// Written with prepared statements in the caller's single transaction.
enum LargeSeed {
    static func apply(to db: Database, now: Date, parameters: LargeSeedParameters) throws {
        let space = SampleSeed.spaceID
        let group = try db.nextID(OctopusIDKinds.ProjectGroup.self)
        try db.insert(ProjectGroup(id: group, spaceId: space, name: "Generated", description: "Projects of the large seed."))
        let environments = [
            SampleSeed.Environments.development, SampleSeed.Environments.test, SampleSeed.Environments.staging,
            SampleSeed.Environments.production,
        ]
        let environmentNames = ["Development", "Test", "Staging", "Production"]
        let encoder = OctopusJSON.makeEncoder()
        let releaseStatement = try db.makeStatement(sql: """
            INSERT INTO releases (id, spaceId, name, projectId, channelId, version, document) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let deploymentStatement = try db.makeStatement(sql: """
            INSERT INTO deployments (id, spaceId, name, projectId, environmentId, releaseId, channelId, tenantId, taskId, document)
            VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
            """)
        let taskStatement = try db.makeStatement(sql: """
            INSERT INTO tasks (id, spaceId, name, projectId, deploymentId, state, environmentId, document)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var numbers = Numbers(
            release: try db.nextID(OctopusIDKinds.Release.self).number ?? 1,
            deployment: try db.nextID(OctopusIDKinds.Deployment.self).number ?? 1,
            task: try db.nextID(OctopusIDKinds.ServerTask.self).number ?? 1)
        let history = History(
            db: db, group: group, now: now, encoder: encoder, releaseStatement: releaseStatement,
            deploymentStatement: deploymentStatement, taskStatement: taskStatement)
        for index in 0..<parameters.projects {
            try history.project(
                "Generated Service \(index + 1)", lifecycle: SampleSeed.Lifecycles.component,
                releases: parameters.releasesPerProject, deployments: parameters.deploymentsPerProject,
                environments: Array(zip(environments, environmentNames)), failEvery: 17, numbers: &numbers)
        }
        if parameters.unpromotableDeployments > 0 {
            let lifecycle = try pairedTestLifecycle(db: db, now: now)
            try history.project(
                "Unpromotable Service", lifecycle: lifecycle, releases: max(1, parameters.unpromotableDeployments / 5),
                deployments: parameters.unpromotableDeployments, environments: [(SampleSeed.Environments.test, "Test")],
                failEvery: nil, numbers: &numbers)
        }
        let releaseNumber = numbers.release, deploymentNumber = numbers.deployment, taskNumber = numbers.task
        try db.reserveIDs(OctopusIDKinds.Release.self, through: releaseNumber - 1)
        try db.reserveIDs(OctopusIDKinds.Deployment.self, through: deploymentNumber - 1)
        try db.reserveIDs(OctopusIDKinds.ServerTask.self, through: taskNumber - 1)
        // Statistics let SQLite pick the selective index for each filter combination.
        try db.execute(sql: "ANALYZE")
    }

    /// Next ids while generating.
    struct Numbers {
        var release: Int
        var deployment: Int
        var task: Int
    }

    /// Writes one generated project with its history.
    struct History {
        let db: Database
        let group: ProjectGroupID
        let now: Date
        let encoder: JSONEncoder
        let releaseStatement: Statement
        let deploymentStatement: Statement
        let taskStatement: Statement

        /// A project with `releaseCount` releases and `deploymentCount` completed deployments over `environments` in
        /// turn (every `failEvery`-th failed), spread over the last year.
        func project(
            _ name: String, lifecycle: LifecycleID, releases releaseCount: Int, deployments deploymentCount: Int,
            environments: [(EnvironmentID, String)], failEvery: Int?, numbers: inout Numbers
        ) throws {
            let space = SampleSeed.spaceID
            let span = Double(max(deploymentCount, 1))
            let start = now.addingTimeInterval(-365 * 86_400)
            let projectID = try db.nextID(OctopusIDKinds.Project.self)
            let channelID = try db.nextID(OctopusIDKinds.Channel.self)
            try db.insert(
                Project(
                    id: projectID, spaceId: space, name: name, description: "Generated by the large seed.", projectGroupId: group,
                    lifecycleId: lifecycle,
                    projectConnectivityPolicy: ProjectConnectivityPolicy(allowDeploymentsToNoTargets: true),
                    lastModifiedOn: now, lastModifiedBy: "system"))
            try db.insert(
                Channel(
                    id: channelID, spaceId: space, projectId: projectID, name: "Default", slug: "default", description: "",
                    lifecycleId: nil, isDefault: true, lastModifiedOn: now))
            let stepID = "generated-\(projectID.rawValue)-deploy"
            try db.insert(
                DeploymentProcess(
                    id: DeploymentProcessID(project: projectID), spaceId: space, projectId: projectID,
                    steps: [
                        DeploymentStep(
                            id: stepID, name: "Deploy \(name)",
                            actions: [
                                DeploymentAction(
                                    id: "\(stepID)-action", name: "Deploy \(name)", actionType: "Octopus.Script",
                                    properties: [PropertyBag.runOnServer: "true", PropertyBag.scriptBody: "Write-Host 'Deploying'"])
                            ])
                    ], lastModifiedOn: now, lastModifiedBy: "system"))
            var releases: [(id: ReleaseID, version: String)] = []
            for releaseIndex in 0..<releaseCount {
                let id = ReleaseID(number: numbers.release)
                numbers.release += 1
                let version = "2021.\(releaseIndex / 1000 + 1).\(releaseIndex % 1000).0"
                let assembled = start.addingTimeInterval(Double(releaseIndex) * 365 * 86_400 / Double(releaseCount))
                let release = Release(
                    id: id, spaceId: space, projectId: projectID, channelId: channelID, version: version,
                    releaseNotes: "Generated release \(version).", assembled: assembled, lastModifiedOn: assembled,
                    lastModifiedBy: "system", links: [:])
                try releaseStatement.execute(arguments: [
                    id.rawValue, space.rawValue, version, projectID.rawValue, channelID.rawValue, version,
                    try encoder.encode(release),
                ])
                releases.append((id, version))
            }
            for deploymentIndex in 0..<deploymentCount {
                let deploymentID = DeploymentID(number: numbers.deployment)
                let taskID = ServerTaskID(number: numbers.task)
                numbers.deployment += 1
                numbers.task += 1
                let release = releases[min(releases.count - 1, deploymentIndex * releases.count / max(deploymentCount, 1))]
                let (environment, environmentName) = environments[deploymentIndex % environments.count]
                let queued = start.addingTimeInterval(Double(deploymentIndex) * 365 * 86_400 / span + 3600)
                let completed = queued.addingTimeInterval(75)
                let failed = failEvery.map { deploymentIndex % $0 == $0 - 1 } ?? false
                let deployment = Deployment(
                    id: deploymentID, spaceId: space, name: "Deploy to \(environmentName)",
                    releaseId: release.id, environmentId: environment, projectId: projectID, channelId: channelID,
                    taskId: taskID, created: queued, deployedBy: "system", failureEncountered: failed,
                    lastModifiedOn: queued, lastModifiedBy: "system",
                    links: [
                        "Self": "/api/\(space)/deployments/\(deploymentID)", "Release": "/api/\(space)/releases/\(release.id)",
                        "Task": "/api/tasks/\(taskID)",
                    ])
                try deploymentStatement.execute(arguments: [
                    deploymentID.rawValue, space.rawValue, deployment.name, projectID.rawValue, environment.rawValue,
                    release.id.rawValue, channelID.rawValue, taskID.rawValue, try encoder.encode(deployment),
                ])
                let state: TaskState = failed ? .failed : .success
                let task = ServerTask(
                    id: taskID, spaceId: space, name: "Deploy",
                    description: "Deploy \(name) release \(release.version) to \(environmentName)",
                    arguments: ["DeploymentId": .string(deploymentID.rawValue)], state: state, isCompleted: true,
                    finishedSuccessfully: !failed, hasWarningsOrErrors: failed,
                    errorMessage: failed ? TaskRun.failedMessage : "", queueTime: queued, startTime: queued,
                    lastUpdatedTime: completed, completedTime: completed, completed: HumanTime.completed(completed),
                    duration: HumanTime.duration(from: queued, to: completed), serverNode: "sandbox",
                    hasBeenPickedUpByProcessor: true, canRerun: true, projectId: projectID,
                    links: ServerTask.links(taskID, space: space))
                try taskStatement.execute(arguments: [
                    taskID.rawValue, space.rawValue, "Deploy", projectID.rawValue, deploymentID.rawValue, state.rawValue,
                    environment.rawValue, try encoder.encode(task),
                ])
            }
        }
    }

    /// The worst case's lifecycle: Development and Test are one phase that needs both, then Staging, Production.
    static func pairedTestLifecycle(db: Database, now: Date) throws -> LifecycleID {
        let id = try db.nextID(OctopusIDKinds.Lifecycle.self)
        func phase(_ name: String, _ environments: [EnvironmentID]) -> Phase {
            Phase(
                id: "paired-\(name.lowercased())", name: name, automaticDeploymentTargets: [], optionalDeploymentTargets: environments,
                minimumEnvironmentsBeforePromotion: 0, isOptionalPhase: false)
        }
        var lifecycle = Lifecycle(
            id: id, spaceId: SampleSeed.spaceID, name: "Paired Test Lifecycle", slug: "paired-test-lifecycle",
            description: "Development and Test together (both needed), then Staging, Production.",
            phases: [
                phase("Testing", [SampleSeed.Environments.development, SampleSeed.Environments.test]),
                phase("Staging", [SampleSeed.Environments.staging]), phase("Production", [SampleSeed.Environments.production]),
            ])
        lifecycle.lastModifiedOn = now
        lifecycle.lastModifiedBy = "system"
        try db.insert(lifecycle)
        try db.reserveIDs(OctopusIDKinds.Lifecycle.self, through: id.number ?? 1)
        return id
    }
}
