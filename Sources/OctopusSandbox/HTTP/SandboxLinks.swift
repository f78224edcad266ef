import OctopusModel

/// Every link template the sandbox hands out, in one place, as RFC 6570 templates relative to the
/// server root. Space-scoped templates point at the given space; system ones stay unscoped.
package enum SandboxLinks {
    /// Space-scoped collection templates by link name.
    static func spaceCollections(_ space: SpaceID) -> Links {
        let base = "/api/\(space.rawValue)"
        return [
            "Projects": "\(base)/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}",
            "ProjectGroups": "\(base)/projectgroups{/id}{?skip,take,ids,partialName}",
            "Channels": "\(base)/channels{/id}{?skip,take,ids,partialName}",
            "Lifecycles": "\(base)/lifecycles{/id}{?skip,take,ids,partialName}",
            "Environments": "\(base)/environments{/id}{?name,skip,ids,take,partialName}",
            "EnvironmentSortOrder": "\(base)/environments/sortorder",
            "Machines": "\(base)/machines{/id}{?skip,take,name,ids,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,environmentIds,thumbprint,deploymentId,shellNames,deploymentTargetTypes}",
            "MachineRoles": "\(base)/machineroles/all",
            "Releases": "\(base)/releases{/id}{?skip,ignoreChannelRules,take,ids}",
            "Deployments": "\(base)/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}",
            "DeploymentProcesses": "\(base)/deploymentprocesses{/id}{?skip,take,ids}",
            "Interruptions": "\(base)/interruptions{/id}{?skip,take,regarding,pendingOnly,ids}",
            "Artifacts": "\(base)/artifacts{/id}{?skip,take,regarding,ids,partialName,order}",
            "Dashboard": "\(base)/dashboard{?projectId,releaseId,selectedTenants,selectedTags,showAll,highestLatestVersionPerProjectAndEnvironment}",
            "DashboardDynamic": "\(base)/dashboard/dynamic{?projects,environments,includePrevious}",
            "Variables": "\(base)/variables{/id}{?ids}",
            "BuildInformation": "\(base)/build-information{/id}{?filter,packageId,latest,skip,take,overwriteMode}",
            "Feeds": "\(base)/feeds{/id}{?skip,take,ids,partialName,feedType,name}",
            "Tenants": "\(base)/tenants{/id}{?skip,projectId,name,tags,take,ids,clone,partialName,clonedFromTenantId}",
            "Tasks": "\(base)/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,toQueueDate,fromStartDate,toStartDate}",
            "Events": "\(base)/events{/id}{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,eventGroups,eventCategories,eventAgents,tags,tenants,from,to,internal,fromAutoId,toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}",
            "Teams": "\(base)/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}",
            "Packages": "\(base)/packages{/id}{?nuGetPackageId,filter,latest,skip,take}",
            "LibraryVariables": "\(base)/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}",
            "VariableNames": "\(base)/variables/names{?project,runbook,projectEnvironmentsFilter}",
            "ActionTemplates": "\(base)/actiontemplates{/id}{?skip,take,ids,partialName}",
            "TagSets": "\(base)/tagsets{/id}{?skip,take,ids,partialName}",
            "WorkerPools": "\(base)/workerpools{/id}{?skip,take,ids,partialName,name}",
            "MachinePolicies": "\(base)/machinepolicies{/id}{?skip,take,ids,partialName}",
            "DashboardConfiguration": "\(base)/dashboardconfiguration",
            "TenantVariables": "\(base)/tenantvariables/all{?projectId}",
        ]
        .merging(emptyCollections(base)) { first, _ in first }
    }

    /// Links of the collections the sandbox always serves empty (``EmptyCollectionRoutes``).
    private static func emptyCollections(_ base: String) -> Links {
        var links: Links = [:]
        for collection in EmptyCollectionRoutes.collections {
            let name = collection.path.prefix(1).uppercased() + collection.path.dropFirst()
            links[Self.linkNames[collection.path] ?? name] = "\(base)/\(collection.path){/id}\(collection.templateQuery)"
        }
        return links
    }

    /// Octopus's link names where they are not the path capitalised.
    private static let linkNames = [
        "projecttriggers": "ProjectTriggers", "runbookProcesses": "RunbookProcesses",
        "runbookSnapshots": "RunbookSnapshots",
    ]

    /// System (unscoped) link templates.
    static let system: Links = [
        "Spaces": "/api/spaces{/id}{?name,skip,ids,take,partialName}",
        "SpaceHome": "/api/{spaceId}",
        "CurrentUser": "/api/users/me",
        "Users": "/api/users{/id}{?skip,take,ids,filter}",
        "Teams": "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}",
        "TeamMembership": "/api/teammembership{?userId,spaces,includeSystem}",
        "Tasks": "/api/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,toQueueDate,fromStartDate,toStartDate}",
        "TaskTypes": "/api/tasks/tasktypes",
        "Events": "/api/events{/id}{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,eventGroups,eventCategories,eventAgents,tags,tenants,from,to,internal,fromAutoId,toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}",
        "EventCategories": "/api/events/categories{?appliesTo}",
        "EventGroups": "/api/events/groups{?appliesTo}",
        "EventAgents": "/api/events/agents",
        "EventDocumentTypes": "/api/events/documenttypes",
        "Web": "/app",
    ]

    /// The root document's links: system templates, plus space-scoped templates of the default
    /// space (the system `Tasks`/`Events`/`Teams` keep their unscoped form).
    static func root(defaultSpace: SpaceID?) -> Links {
        var links = system
        links["Self"] = "/api"
        if let defaultSpace {
            for (name, template) in spaceCollections(defaultSpace) where links[name] == nil {
                links[name] = template
            }
        }
        return links
    }

    /// The space root document's links.
    static func spaceRoot(_ space: SpaceID) -> Links {
        var links = spaceCollections(space)
        links["Self"] = "/api/\(space.rawValue)"
        links["SpaceHome"] = "/api/\(space.rawValue)"
        links["Web"] = "/app#/\(space.rawValue)"
        return links
    }
}
