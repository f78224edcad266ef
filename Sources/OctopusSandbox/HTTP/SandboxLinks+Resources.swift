import OctopusModel

/// The `Links` of each resource, added when it is served.
extension SandboxLinks {
    static func linking(_ space: Space) -> Space {
        let id = space.id.rawValue
        return space.linked([
            "Self": "/api/spaces/\(id)", "SpaceHome": "/api/\(id)", "Web": "/app#/\(id)",
            "Logo": "/api/spaces/\(id)/logo", "Search": "/api/spaces/\(id)/search{?keyword}",
        ])
    }

    static func linking(_ user: User) -> User {
        let base = "/api/users/\(user.id.rawValue)"
        return user.linked([
            "Self": base, "Permissions": "\(base)/permissions", "ApiKeys": "\(base)/apikeys{/id}{?skip,take}",
            "Avatar": "\(base)/avatar", "Spaces": "\(base)/spaces", "Teams": "\(base)/teams{?spaces,includeSystem}",
            "PermissionsConfiguration": "\(base)/permissions/configuration",
        ])
    }

    static func linking(_ team: Team) -> Team {
        let base = "/api/teams/\(team.id.rawValue)"
        return team.linked(["Self": base, "ScopedUserRoles": "\(base)/scopeduserroles{?skip,take}"])
    }

    static func linking(_ group: ProjectGroup) -> ProjectGroup {
        let base = "/api/\(group.spaceId.rawValue)/projectgroups/\(group.id.rawValue)"
        return group.linked(["Self": base, "Projects": "\(base)/projects{?skip,take}"])
    }

    static func linking(_ project: Project) -> Project {
        let space = project.spaceId.rawValue
        let base = "/api/\(space)/projects/\(project.id.rawValue)"
        return project.linked([
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
        ])
    }

    static func linking(_ channel: Channel) -> Channel {
        let space = channel.spaceId.rawValue
        let base = "/api/\(space)/channels/\(channel.id.rawValue)"
        return channel.linked([
            "Self": base, "Releases": "\(base)/releases{?skip,take,searchByVersion}",
            "Project": "/api/\(space)/projects/\(channel.projectId.rawValue)",
        ])
    }

    static func linking(_ lifecycle: Lifecycle) -> Lifecycle {
        let base = "/api/\(lifecycle.spaceId.rawValue)/lifecycles/\(lifecycle.id.rawValue)"
        return lifecycle.linked(["Self": base, "Preview": "\(base)/preview", "Projects": "\(base)/projects"])
    }

    static func linking(_ environment: DeploymentEnvironment) -> DeploymentEnvironment {
        let base = "/api/\(environment.spaceId.rawValue)/environments/\(environment.id.rawValue)"
        return environment.linked([
            "Self": base, "Machines": "\(base)/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,shellNames}",
            "SinglyScopedVariableDetails": "\(base)/singlyScopedVariableDetails", "Metadata": "\(base)/metadata",
        ])
    }

    static func linking(_ machine: Machine) -> Machine {
        let base = "/api/\(machine.spaceId.rawValue)/machines/\(machine.id.rawValue)"
        return machine.linked([
            "Self": base, "Connection": "\(base)/connection", "TasksTemplate": "\(base)/tasks{?skip,take,type}",
            "SinglyScopedVariableDetails": "\(base)/singlyScopedVariableDetails",
        ])
    }

    static func linking(_ process: DeploymentProcess) -> DeploymentProcess {
        let space = process.spaceId.rawValue
        let base = "/api/\(space)/deploymentprocesses/\(process.id.rawValue)"
        return process.linked([
            "Self": base, "Project": "/api/\(space)/projects/\(process.projectId.rawValue)",
            "Template": "\(base)/template{?channel,releaseId}",
        ])
    }

    static func linking(_ release: Release) -> Release {
        let space = release.spaceId.rawValue
        let id = release.id.rawValue
        let base = "/api/\(space)/releases/\(id)"
        return release.linked([
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
        ])
    }

    static func linking(_ variables: VariableSet) -> VariableSet {
        variables.linked(["Self": "/api/\(variables.spaceId.rawValue)/variables/\(variables.id)"])
    }
}
