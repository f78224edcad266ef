import OctopusModel

/// The `Links` of each resource, added when it is served.
extension SandboxLinks {
    static func linking(_ space: Space) -> Space {
        var space = space
        let id = space.id.rawValue
        space.links = [
            "Self": "/api/spaces/\(id)", "SpaceHome": "/api/\(id)", "Web": "/app#/\(id)",
            "Logo": "/api/spaces/\(id)/logo", "Search": "/api/spaces/\(id)/search{?keyword}",
        ]
        return space
    }

    static func linking(_ user: User) -> User {
        var user = user
        let base = "/api/users/\(user.id.rawValue)"
        user.links = [
            "Self": base, "Permissions": "\(base)/permissions", "ApiKeys": "\(base)/apikeys{/id}{?skip,take}",
            "Avatar": "\(base)/avatar", "Spaces": "\(base)/spaces", "Teams": "\(base)/teams{?spaces,includeSystem}",
            "PermissionsConfiguration": "\(base)/permissions/configuration",
        ]
        return user
    }

    static func linking(_ team: Team) -> Team {
        var team = team
        let base = "/api/teams/\(team.id.rawValue)"
        team.links = ["Self": base, "ScopedUserRoles": "\(base)/scopeduserroles{?skip,take}"]
        return team
    }

    static func linking(_ group: ProjectGroup) -> ProjectGroup {
        var group = group
        let base = "/api/\(group.spaceId.rawValue)/projectgroups/\(group.id.rawValue)"
        group.links = ["Self": base, "Projects": "\(base)/projects{?skip,take}"]
        return group
    }

    static func linking(_ project: Project) -> Project {
        var project = project
        let space = project.spaceId.rawValue
        let base = "/api/\(space)/projects/\(project.id.rawValue)"
        project.links = [
            "Self": base,
            "Releases": "\(base)/releases{/version}{?skip,take,searchByVersion}",
            "Channels": "\(base)/channels{/id}{?skip,take,partialName}",
            "Triggers": "\(base)/triggers{?skip,take,partialName,triggerActionType}",
            "OrderChannels": "\(base)/channels/order",
            "Variables": "/api/\(space)/variables/\(project.variableSetId.rawValue)",
            "Progression": "\(base)/progression{?releaseHistoryCount}",
            "DeploymentProcess": "\(base)/deploymentprocesses",
            "DeploymentSettings": "\(base)/deploymentsettings",
            "Web": "/app#/\(space)/projects/\(project.id.rawValue)",
            "Logo": "\(base)/logo",
            "Runbooks": "\(base)/runbooks{?skip,take,partialName}",
            "Summary": "\(base)/summary",
        ]
        return project
    }

    static func linking(_ channel: Channel) -> Channel {
        var channel = channel
        let space = channel.spaceId.rawValue
        let base = "/api/\(space)/channels/\(channel.id.rawValue)"
        channel.links = [
            "Self": base, "Releases": "\(base)/releases{?skip,take,searchByVersion}",
            "Project": "/api/\(space)/projects/\(channel.projectId.rawValue)",
        ]
        return channel
    }

    static func linking(_ lifecycle: Lifecycle) -> Lifecycle {
        var lifecycle = lifecycle
        let base = "/api/\(lifecycle.spaceId.rawValue)/lifecycles/\(lifecycle.id.rawValue)"
        lifecycle.links = ["Self": base, "Preview": "\(base)/preview", "Projects": "\(base)/projects"]
        return lifecycle
    }

    static func linking(_ environment: DeploymentEnvironment) -> DeploymentEnvironment {
        var environment = environment
        let base = "/api/\(environment.spaceId.rawValue)/environments/\(environment.id.rawValue)"
        environment.links = [
            "Self": base, "Machines": "\(base)/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,shellNames}",
            "SinglyScopedVariableDetails": "\(base)/singlyScopedVariableDetails", "Metadata": "\(base)/metadata",
        ]
        return environment
    }

    static func linking(_ machine: Machine) -> Machine {
        var machine = machine
        let base = "/api/\(machine.spaceId.rawValue)/machines/\(machine.id.rawValue)"
        machine.links = [
            "Self": base, "Connection": "\(base)/connection", "TasksTemplate": "\(base)/tasks{?skip,take,type}",
            "SinglyScopedVariableDetails": "\(base)/singlyScopedVariableDetails",
        ]
        return machine
    }

    static func linking(_ process: DeploymentProcess) -> DeploymentProcess {
        var process = process
        let space = process.spaceId.rawValue
        let base = "/api/\(space)/deploymentprocesses/\(process.id.rawValue)"
        process.links = [
            "Self": base, "Project": "/api/\(space)/projects/\(process.projectId.rawValue)",
            "Template": "\(base)/template{?channel,releaseId}",
        ]
        return process
    }

    static func linking(_ release: Release) -> Release {
        var release = release
        let space = release.spaceId.rawValue
        let id = release.id.rawValue
        let base = "/api/\(space)/releases/\(id)"
        release.links = [
            "Self": base,
            "Project": "/api/\(space)/projects/\(release.projectId.rawValue)",
            "Channel": "/api/\(space)/channels/\(release.channelId.rawValue)",
            "Progression": "\(base)/progression",
            "Deployments": "\(base)/deployments{?skip,take}",
            "DeploymentTemplate": "\(base)/deployments/template",
            "Artifacts": "/api/\(space)/artifacts?regarding=\(id)",
            "ProjectVariableSnapshot": "/api/\(space)/variables/\(release.projectVariableSetSnapshotId ?? "")",
            "ProjectDeploymentProcessSnapshot":
                "/api/\(space)/deploymentprocesses/\(release.projectDeploymentProcessSnapshotId ?? "")",
            "Web": "/app#/\(space)/releases/\(id)",
            "SnapshotVariables": "\(base)/snapshot-variables",
            "Defects": "\(base)/defects",
            "ReportDefect": "\(base)/defects",
            "ResolveDefect": "\(base)/defects/resolve",
            "DeploymentPreviews": "\(base)/deployments/previews",
            "Variables": "\(base)/variables",
        ]
        return release
    }

    static func linking(_ variables: VariableSet) -> VariableSet {
        var variables = variables
        variables.links = ["Self": "/api/\(variables.spaceId.rawValue)/variables/\(variables.id)"]
        return variables
    }
}
