import OctopusModel

/// The `Links` of the space catalog's resources.
extension SandboxLinks {
    static func linking(_ feed: Feed) -> Feed {
        var feed = feed
        let base = "/api/\(feed.spaceId.rawValue)/feeds/\(feed.id)"
        feed.links = [
            "Self": base, "SearchPackagesTemplate": "\(base)/packages/search{?term,skip,take}",
            "SearchPackageVersionsTemplate": "\(base)/packages/versions{?packageId,skip,take,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}",
        ]
        return feed
    }

    static func linking(_ package: FeedPackage) -> FeedPackage {
        var package = package
        let base = "/api/\(package.spaceId.rawValue)/packages/\(package.id)"
        package.links = ["Self": base, "Feed": "/api/\(package.spaceId.rawValue)/feeds/\(package.feedId)"]
        return package
    }

    static func linking(_ information: PackageBuildInformation) -> PackageBuildInformation {
        var information = information
        information.links = ["Self": "/api/\(information.spaceId.rawValue)/build-information/\(information.id)"]
        return information
    }

    static func linking(_ template: ActionTemplate) -> ActionTemplate {
        var template = template
        let base = "/api/\(template.spaceId.rawValue)/actiontemplates/\(template.id)"
        template.links = [
            "Self": base, "Logo": "\(base)/logo", "Usage": "\(base)/usage", "ActionsUpdate": "\(base)/actionsUpdate",
        ]
        return template
    }

    static func linking(_ tagSet: TagSet) -> TagSet {
        var tagSet = tagSet
        tagSet.links = ["Self": "/api/\(tagSet.spaceId.rawValue)/tagsets/\(tagSet.id)"]
        return tagSet
    }

    static func linking(_ pool: WorkerPool) -> WorkerPool {
        var pool = pool
        let base = "/api/\(pool.spaceId.rawValue)/workerpools/\(pool.id)"
        pool.links = ["Self": base, "Workers": "\(base)/workers{?skip,take}"]
        return pool
    }

    static func linking(_ policy: MachinePolicy) -> MachinePolicy {
        var policy = policy
        let base = "/api/\(policy.spaceId.rawValue)/machinepolicies/\(policy.id)"
        policy.links = ["Self": base, "Machines": "\(base)/machines{?skip,take}", "Workers": "\(base)/workers{?skip,take}"]
        return policy
    }

    static func linking(_ set: LibraryVariableSet) -> LibraryVariableSet {
        var set = set
        let space = set.spaceId.rawValue
        set.links = [
            "Self": "/api/\(space)/libraryvariablesets/\(set.id)", "Variables": "/api/\(space)/variables/\(set.variableSetId)",
        ]
        return set
    }
}
