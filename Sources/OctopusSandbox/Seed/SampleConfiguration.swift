import Foundation
import GRDB
import OctopusModel

/// Inserts the sample application's configuration: environments, lifecycles, project groups,
/// projects with channels, processes and variables, deployment targets, and the `2021.1.0.x`
/// releases with notes and build information. Ids follow ``SampleSeed``'s constants.
struct SampleConfiguration {
    let db: Database
    let now: Date
    private let space = SampleSeed.spaceID
    private typealias Env = SampleSeed.Environments
    private typealias Projects = SampleSeed.Projects

    init(db: Database, now: Date) {
        self.db = db
        self.now = now
    }

    func apply() throws {
        try environments()
        try lifecycles()
        try projectGroups()
        try projects()
        try machines()
        try releases()
    }

    // MARK: Environments and lifecycles

    private func environments() throws {
        let names = ["Development", "Test", "Staging", "Prod Approval", "Production"]
        for (index, name) in names.enumerated() {
            try db.insert(
                DeploymentEnvironment(
                    id: EnvironmentID(number: index + 1), spaceId: space, name: name, slug: Project.slug(for: name),
                    description: name == "Prod Approval"
                        ? "Approvals for Production happen here, ahead of the deployment window." : "",
                    sortOrder: index + 1, useGuidedFailure: false, lastModifiedOn: now, lastModifiedBy: "system"))
        }
        try db.reserveIDs(OctopusIDKinds.Environment.self, through: names.count)
    }

    private func phase(_ name: String, _ environment: EnvironmentID, automatic: Bool = false, optional: Bool = false)
        -> Phase
    {
        Phase(
            id: SeedGUID.make("phase", name, environment.rawValue), name: name,
            automaticDeploymentTargets: automatic ? [environment] : [],
            optionalDeploymentTargets: automatic ? [] : [environment], minimumEnvironmentsBeforePromotion: 0,
            isOptionalPhase: optional)
    }

    private func lifecycles() throws {
        let items = [
            Lifecycle(
                id: SampleSeed.Lifecycles.defaultLifecycle, spaceId: space, name: "Default Lifecycle",
                slug: "default-lifecycle",
                description: "No phases: releases progress through every environment in order."),
            Lifecycle(
                id: SampleSeed.Lifecycles.component, spaceId: space, name: "Component Lifecycle",
                slug: "component-lifecycle", description: "Development, Test, Staging, Production.",
                phases: [
                    phase("Development", Env.development, automatic: true), phase("Test", Env.test),
                    phase("Staging", Env.staging), phase("Production", Env.production),
                ]),
            Lifecycle(
                id: SampleSeed.Lifecycles.orchestration, spaceId: space, name: "Release Orchestration Lifecycle",
                slug: "release-orchestration-lifecycle", description: "Staging, Prod Approval, Production.",
                phases: [
                    phase("Staging", Env.staging), phase("Prod Approval", Env.prodApproval),
                    phase("Production", Env.production),
                ]),
            Lifecycle(
                id: SampleSeed.Lifecycles.hotfix, spaceId: space, name: "Hotfix Lifecycle", slug: "hotfix-lifecycle",
                description: "Straight to Staging, then Production.",
                phases: [phase("Staging", Env.staging), phase("Production", Env.production)]),
        ]
        for var lifecycle in items {
            lifecycle.lastModifiedOn = now
            lifecycle.lastModifiedBy = "system"
            try db.insert(lifecycle)
        }
        try db.reserveIDs(OctopusIDKinds.Lifecycle.self, through: items.count)
    }

    // MARK: Projects

    private func projectGroups() throws {
        let groups = [
            ProjectGroup(id: SampleSeed.ProjectGroups.defaultGroup, spaceId: space, name: "Default Project Group"),
            ProjectGroup(
                id: SampleSeed.ProjectGroups.sampleApplication, spaceId: space, name: "Sample Application",
                description: "The components of the sample application, each deployed on its own."),
            ProjectGroup(
                id: SampleSeed.ProjectGroups.releaseOrchestration, spaceId: space, name: "Release Orchestration",
                description: "Parent projects that promote the sample application as a whole."),
        ]
        for var group in groups {
            group.lastModifiedOn = now
            try db.insert(group)
        }
        try db.reserveIDs(OctopusIDKinds.ProjectGroup.self, through: groups.count)
    }

    /// One component project: name, role its package deploys to (nil: deploys from a worker),
    /// package id, and whether Web Admins approve it.
    private struct Component {
        let id: ProjectID
        let name: String
        let role: String?
        let packageID: String
        let webAdminsApprove: Bool
        let description: String
    }

    private var components: [Component] {
        [
            Component(
                id: Projects.database, name: "Database", role: nil, packageID: "SampleApp.Database",
                webAdminsApprove: false, description: "Database schema migrations, run from a worker."),
            Component(
                id: Projects.schedulingService, name: "Scheduling Service", role: "scheduling-service",
                packageID: "SampleApp.SchedulingService", webAdminsApprove: false,
                description: "Background scheduling service."),
            Component(
                id: Projects.webAPI, name: "Web API", role: "web-api", packageID: "SampleApp.WebAPI",
                webAdminsApprove: true, description: "The application's HTTP API."),
            Component(
                id: Projects.webUI, name: "Web UI", role: "web-ui", packageID: "SampleApp.WebUI",
                webAdminsApprove: true, description: "The application's web front end."),
        ]
    }

    private func projects() throws {
        for (index, component) in components.enumerated() {
            try db.insert(
                Project(
                    id: component.id, spaceId: space, name: component.name, description: component.description,
                    projectGroupId: SampleSeed.ProjectGroups.sampleApplication,
                    lifecycleId: SampleSeed.Lifecycles.component,
                    projectConnectivityPolicy: ProjectConnectivityPolicy(
                        targetRoles: component.role.map { [$0] } ?? [],
                        allowDeploymentsToNoTargets: component.role == nil),
                    lastModifiedOn: now, lastModifiedBy: "system"))
            try db.insert(
                Channel(
                    id: ChannelID(number: index + 1), spaceId: space, projectId: component.id, name: "Default",
                    slug: "default", description: "", lifecycleId: nil, isDefault: true, lastModifiedOn: now))
            try db.insert(process(for: component))
            try db.insert(variables(for: component))
        }
        let parent = Projects.releaseOrchestration
        try db.insert(
            Project(
                id: parent, spaceId: space, name: "Release Orchestration",
                description: "Promotes Database, Scheduling Service, Web API and Web UI together.",
                projectGroupId: SampleSeed.ProjectGroups.releaseOrchestration,
                lifecycleId: SampleSeed.Lifecycles.orchestration,
                projectConnectivityPolicy: ProjectConnectivityPolicy(allowDeploymentsToNoTargets: true),
                lastModifiedOn: now, lastModifiedBy: "system"))
        try db.insert(
            Channel(
                id: SampleSeed.Channels.releaseOrchestrationDefault, spaceId: space, projectId: parent,
                name: "Default", slug: "default", description: "", lifecycleId: nil, isDefault: true,
                lastModifiedOn: now))
        try db.insert(orchestrationProcess())
        try db.insert(VariableSet(id: VariableSetID(project: parent).rawValue, spaceId: space, ownerId: parent.rawValue))
        // Web API's Hotfix channel: its own lifecycle and a version rule on the API package.
        try db.insert(
            Channel(
                id: SampleSeed.Channels.webAPIHotfix, spaceId: space, projectId: Projects.webAPI, name: "Hotfix",
                slug: "hotfix", description: "Urgent fixes straight to Staging and Production.",
                lifecycleId: SampleSeed.Lifecycles.hotfix, isDefault: false,
                rules: [
                    ChannelVersionRule(
                        id: SeedGUID.make("rule", "web-api-hotfix"), versionRange: "[2021.1.1,2021.2)", tag: "^$",
                        actionPackages: [DeploymentActionPackage(deploymentAction: "Deploy Web API", packageReference: "")])
                ],
                lastModifiedOn: now))
        try db.reserveIDs(OctopusIDKinds.Project.self, through: 5)
        try db.reserveIDs(OctopusIDKinds.Channel.self, through: 6)
    }

    /// A manual intervention step. Child interventions also name Release Management, as the blog's scaffolding
    /// advises ("to leverage the auto-approval functionality, add the release management team to each manual
    /// intervention"), so the "Release Conductor" service account may take responsibility and auto-approve them.
    private func manualStep(
        _ name: String, team: TeamID, environments: [EnvironmentID], instructions: String, releaseManagementMayAct: Bool
    ) -> DeploymentStep {
        let stepID = SeedGUID.make("step", name, environments.map(\.rawValue).joined())
        let teams = releaseManagementMayAct ? [team, SampleSeed.Teams.releaseManagement] : [team]
        return DeploymentStep(
            id: stepID, name: name, properties: [:],
            actions: [
                DeploymentAction(
                    id: SeedGUID.make("action", stepID), name: name, actionType: DeploymentAction.manualInterventionType,
                    environments: environments,
                    properties: [
                        PropertyBag.manualInstructions: instructions,
                        PropertyBag.manualResponsibleTeamIds: teams.map(\.rawValue).joined(separator: ","),
                        PropertyBag.manualBlockConcurrentDeployments: "False",
                    ])
            ])
    }

    private func process(for component: Component) -> DeploymentProcess {
        var steps: [DeploymentStep] = []
        if component.webAdminsApprove {
            steps.append(
                manualStep(
                    "Web Admin Approval", team: SampleSeed.Teams.webAdmins, environments: [Env.staging, Env.production],
                    instructions: "Confirm the web servers are ready for \(component.name) #{Octopus.Release.Number}.",
                    releaseManagementMayAct: true))
        }
        steps.append(
            manualStep(
                "QA Approval", team: SampleSeed.Teams.qa, environments: [Env.production],
                instructions: "Approve \(component.name) #{Octopus.Release.Number} for Production once QA has signed off.",
                releaseManagementMayAct: true))
        let deployName = "Deploy \(component.name)"
        let deployStepID = SeedGUID.make("step", component.id.rawValue, "deploy")
        var stepProperties: PropertyBag = [:]
        var actionProperties: PropertyBag = ["Octopus.Action.Package.DownloadOnTentacle": "False"]
        if let role = component.role {
            stepProperties[PropertyBag.targetRoles] = role
            actionProperties["Octopus.Action.Package.FeedId"] = "feeds-builtin"
        } else {
            actionProperties[PropertyBag.runOnServer] = "true"
            actionProperties[PropertyBag.scriptBody] = "Invoke-DbMigrations -Package SampleApp.Database"
        }
        steps.append(
            DeploymentStep(
                id: deployStepID, name: deployName, properties: stepProperties,
                actions: [
                    DeploymentAction(
                        id: SeedGUID.make("action", deployStepID), name: deployName,
                        actionType: component.role == nil ? "Octopus.Script" : "Octopus.TentaclePackage",
                        canBeUsedForProjectVersioning: true,
                        workerPoolId: component.role == nil ? "WorkerPools-1" : nil,
                        packages: [
                            PackageReference(
                                id: SeedGUID.make("package", component.packageID), name: "",
                                packageId: component.packageID,
                                acquisitionLocation: component.role == nil ? "Server" : "ExecutionTarget")
                        ],
                        properties: actionProperties)
                ]))
        if let role = component.role {
            let stepID = SeedGUID.make("step", component.id.rawValue, "smoke")
            steps.append(
                DeploymentStep(
                    id: stepID, name: "Smoke Test \(component.name)", properties: [PropertyBag.targetRoles: role],
                    actions: [
                        DeploymentAction(
                            id: SeedGUID.make("action", stepID), name: "Smoke Test \(component.name)",
                            actionType: "Octopus.Script",
                            properties: [PropertyBag.scriptBody: "Invoke-SmokeTest -Role \(role)"])
                    ]))
        }
        return DeploymentProcess(
            id: DeploymentProcessID(project: component.id), spaceId: space, projectId: component.id,
            version: steps.count, steps: steps, lastModifiedOn: now,
            lastModifiedBy: "system")
    }

    private func orchestrationProcess() -> DeploymentProcess {
        var steps = [
            manualStep(
                "Business Owner Approval", team: SampleSeed.Teams.businessOwners, environments: [Env.prodApproval],
                instructions: "Approve release #{Octopus.Release.Number} of the sample application.", releaseManagementMayAct: false),
            manualStep(
                "QA Approval", team: SampleSeed.Teams.qa, environments: [Env.prodApproval],
                instructions: "Confirm QA has signed off every component of #{Octopus.Release.Number}.", releaseManagementMayAct: false),
            manualStep(
                "Web Admin Approval", team: SampleSeed.Teams.webAdmins, environments: [Env.prodApproval],
                instructions: "Confirm the web servers are ready for #{Octopus.Release.Number}.", releaseManagementMayAct: false),
        ]
        // The blog's order: Database, then Web API and Scheduling Service together (StartWithPrevious), then Web UI.
        let order: [(ProjectID, withPrevious: Bool)] = [
            (Projects.database, false), (Projects.webAPI, false), (Projects.schedulingService, true), (Projects.webUI, false),
        ]
        for (id, withPrevious) in order {
            guard let component = components.first(where: { $0.id == id }) else { continue }
            let stepID = SeedGUID.make("step", "orchestration", component.id.rawValue)
            steps.append(
                DeploymentStep(
                    id: stepID, name: "Deploy \(component.name)",
                    startTrigger: withPrevious ? "StartWithPrevious" : "StartAfterPrevious",
                    actions: [
                        DeploymentAction(
                            id: SeedGUID.make("action", stepID), name: "Deploy \(component.name)",
                            actionType: "Octopus.Script", workerPoolId: "WorkerPools-1",
                            environments: [Env.staging, Env.production],
                            properties: [
                                PropertyBag.runOnServer: "true",
                                "Octopus.Action.Template.Id": "ActionTemplates-1",
                                "ChildProject.Name": component.name,
                                "ChildProject.Release.Number": "#{Octopus.Release.Number}.*",
                            ])
                    ]))
        }
        return DeploymentProcess(
            id: DeploymentProcessID(project: Projects.releaseOrchestration), spaceId: space,
            projectId: Projects.releaseOrchestration, version: steps.count, steps: steps,
            lastModifiedOn: now, lastModifiedBy: "system")
    }

    /// Project variables; Database prompts for its migration mode on deployment, and Web UI's
    /// variables changed after its last release (its snapshots are stale).
    private func variables(for component: Component) -> VariableSet {
        var variables = [
            Variable(id: SeedGUID.make("variable", component.name, "name"), name: "App.Name", value: component.name)
        ]
        if component.id == Projects.database {
            variables.append(
                Variable(
                    id: SeedGUID.make("variable", "database", "mode"), name: "Database.MigrationMode", value: "Online",
                    description: "How migrations run: Online or Offline.",
                    prompt: VariablePrompt(
                        label: "Migration mode", description: "Online keeps the application up during migrations.",
                        required: true, displaySettings: ["Octopus.ControlType": "SingleLineText"])))
        }
        if component.id == Projects.webUI {
            variables.append(
                Variable(
                    id: SeedGUID.make("variable", "webui", "theme"), name: "WebUI.Theme", value: "dark",
                    scope: ["Environment": [Env.production.rawValue]]))
        }
        return VariableSet(
            id: VariableSetID(project: component.id).rawValue, spaceId: space, ownerId: component.id.rawValue,
            version: component.id == Projects.webUI ? 2 : 1, variables: variables,
            scopeValues: VariableScopeValues(
                environments: [
                    ReferenceDataItem(id: Env.development.rawValue, name: "Development"),
                    ReferenceDataItem(id: Env.test.rawValue, name: "Test"),
                    ReferenceDataItem(id: Env.staging.rawValue, name: "Staging"),
                    ReferenceDataItem(id: Env.production.rawValue, name: "Production"),
                ]),
            lastModifiedOn: now, lastModifiedBy: "system")
    }

    // MARK: Deployment targets

    private func machines() throws {
        let targets: [(String, EnvironmentID, [String])] = [
            ("dev-web-01", Env.development, ["web-api", "web-ui"]),
            ("dev-app-01", Env.development, ["scheduling-service"]),
            ("test-web-01", Env.test, ["web-api", "web-ui"]),
            ("test-app-01", Env.test, ["scheduling-service"]),
            ("staging-web-01", Env.staging, ["web-api", "web-ui"]),
            ("staging-app-01", Env.staging, ["scheduling-service"]),
            ("prod-web-01", Env.production, ["web-api", "web-ui"]),
            ("prod-web-02", Env.production, ["web-api", "web-ui"]),
            ("prod-app-01", Env.production, ["scheduling-service"]),
        ]
        for (index, (name, environment, roles)) in targets.enumerated() {
            let thumbprint = SeedGUID.make("thumbprint", name).replacingOccurrences(of: "-", with: "").uppercased()
            try db.insert(
                Machine(
                    id: MachineID(number: index + 1), spaceId: space, name: name, slug: name,
                    environmentIds: [environment], roles: roles, healthStatus: .healthy, status: "Online",
                    statusSummary: "Octopus was able to successfully establish a connection with this machine.",
                    machinePolicyId: "MachinePolicies-1", thumbprint: thumbprint, uri: "https://\(name):10933/",
                    operatingSystem: "Ubuntu 20.04", shellName: "Bash", shellVersion: "5.0.17",
                    architecture: "x64",
                    endpoint: Endpoint(
                        id: nil, communicationStyle: "TentaclePassive", uri: "https://\(name):10933/",
                        thumbprint: thumbprint),
                    lastModifiedOn: now, lastModifiedBy: "system"))
        }
        try db.reserveIDs(OctopusIDKinds.Machine.self, through: targets.count)
    }

    // MARK: Releases

    /// The day the first sample release was built; later ones follow a day apart.
    static let firstReleaseDate = Date(timeIntervalSince1970: 1_620_032_400)  // 2021-05-03T09:00:00Z

    private func releases() throws {
        var number = 0
        let processes = try db.documents(DeploymentProcess.self)
        let variableSets = try db.documents(VariableSet.self)
        for (project, versions) in SampleSeed.childReleaseVersions {
            guard let component = components.first(where: { $0.id == project }),
                let channelIndex = components.firstIndex(where: { $0.id == project })
            else { continue }
            for (offset, version) in versions.enumerated() {
                number += 1
                let assembled = Self.firstReleaseDate.addingTimeInterval(Double(offset * 2 + channelIndex) * 86_400 / 2)
                let build = buildInformation(component: component, version: version, sequence: number)
                try insertRelease(
                    Release(
                        id: ReleaseID(number: number), spaceId: space, projectId: project,
                        channelId: ChannelID(number: channelIndex + 1), version: version,
                        releaseNotes: "\(component.name) \(version)\n\n"
                            + build.workItems.map { "- \($0.id): \($0.description ?? "")" }.joined(separator: "\n"),
                        assembled: assembled,
                        selectedPackages: [SelectedPackage(actionName: "Deploy \(component.name)", version: version)],
                        buildInformation: [build], lastModifiedOn: assembled, lastModifiedBy: "release-conductor"),
                    processes: processes, variableSets: variableSets, snapshotVersion: 1)
            }
        }
        number += 1
        let parentAssembled = Self.firstReleaseDate.addingTimeInterval(4 * 86_400)
        try insertRelease(
            Release(
                id: ReleaseID(number: number), spaceId: space, projectId: Projects.releaseOrchestration,
                channelId: SampleSeed.Channels.releaseOrchestrationDefault,
                version: SampleSeed.orchestrationReleaseVersion,
                releaseNotes: "Sample application 2021.1.0: Database, Scheduling Service, Web API and Web UI.",
                assembled: parentAssembled, lastModifiedOn: parentAssembled, lastModifiedBy: "riley"),
            processes: processes, variableSets: variableSets, snapshotVersion: 1)
        try db.reserveIDs(OctopusIDKinds.Release.self, through: number)
    }

    /// Inserts a release with its frozen process and variable snapshots.
    private func insertRelease(
        _ release: Release, processes: [DeploymentProcess], variableSets: [VariableSet], snapshotVersion: Int
    ) throws {
        var release = release
        let suffix = "s-\(release.id.number ?? 0)"
        if var process = processes.first(where: { $0.projectId == release.projectId }) {
            process.id = DeploymentProcessID("\(process.id.rawValue)-\(suffix)")
            process.lastSnapshotId = nil
            release.projectDeploymentProcessSnapshotId = process.id.rawValue
            try db.insert(process)
        }
        if var variables = variableSets.first(where: { $0.ownerId == release.projectId.rawValue }) {
            variables.id = "\(variables.id)-\(suffix)"
            variables.version = snapshotVersion
            release.projectVariableSetSnapshotId = variables.id
            try db.insert(variables)
        }
        try db.insert(release)
    }

    private func buildInformation(component: Component, version: String, sequence: Int)
        -> ReleasePackageVersionBuildInformation
    {
        let repository = "https://github.com/example/sample-app"
        let commit = SeedGUID.make("commit", component.name, version).replacingOccurrences(of: "-", with: "")
        let issue = 100 + sequence
        return ReleasePackageVersionBuildInformation(
            packageId: component.packageID, version: version, branch: "main", buildEnvironment: "GitHub Actions",
            buildNumber: version, buildUrl: "\(repository)/actions/runs/\(9000 + sequence)", vcsType: "Git",
            vcsRoot: "\(repository).git", vcsCommitNumber: commit, vcsCommitUrl: "\(repository)/commit/\(commit)",
            issueTrackerName: "GitHub",
            workItems: [
                WorkItemLink(
                    id: "#\(issue)", linkUrl: "\(repository)/issues/\(issue)",
                    description: "\(component.name): fix \(["timeouts", "paging", "logging", "caching"][sequence % 4])",
                    source: "GitHub")
            ],
            commits: [
                CommitDetails(
                    id: commit, linkUrl: "\(repository)/commit/\(commit)",
                    comment: "\(component.name): prepare \(version) (#\(issue))")
            ])
    }
}

/// Deterministic GUID-shaped ids for seed steps, actions and phases (stable across runs, so tests
/// and snapshots can name them).
enum SeedGUID {
    static func make(_ parts: String...) -> String {
        // FNV-1a over the parts, stretched to 128 bits.
        var hashes: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4]
        for (index, seed) in hashes.enumerated() {
            var hash = seed
            for byte in parts.joined(separator: "/").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hashes[index] = hash
        }
        let hex = hashes.map { String($0, radix: 16).leftPadded(to: 16) }.joined()
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
