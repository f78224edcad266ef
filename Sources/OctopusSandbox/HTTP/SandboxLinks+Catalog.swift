import OctopusModel

/// The `Links` of the space catalog's resources.
extension SandboxLinks {
    static func linking(_ feed: Feed) -> Feed {
        let base = "/api/\(feed.spaceId.rawValue)/feeds/\(feed.id)"
        return feed.linked([
            "Self": base, "SearchPackagesTemplate": "\(base)/packages/search{?term,skip,take}",
            "SearchPackageVersionsTemplate": "\(base)/packages/versions{?packageId,skip,take,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}",
        ])
    }

    static func linking(_ package: FeedPackage) -> FeedPackage {
        let base = "/api/\(package.spaceId.rawValue)/packages/\(package.id)"
        return package.linked(["Self": base, "Feed": "/api/\(package.spaceId.rawValue)/feeds/\(package.feedId)"])
    }

    static func linking(_ information: PackageBuildInformation) -> PackageBuildInformation {
        information.linked(["Self": "/api/\(information.spaceId.rawValue)/build-information/\(information.id)"])
    }

    static func linking(_ template: ActionTemplate) -> ActionTemplate {
        let base = "/api/\(template.spaceId.rawValue)/actiontemplates/\(template.id)"
        return template.linked([
            "Self": base, "Logo": "\(base)/logo", "Usage": "\(base)/usage", "ActionsUpdate": "\(base)/actionsUpdate",
        ])
    }

    static func linking(_ tagSet: TagSet) -> TagSet {
        tagSet.linked(["Self": "/api/\(tagSet.spaceId.rawValue)/tagsets/\(tagSet.id)"])
    }

    static func linking(_ pool: WorkerPool) -> WorkerPool {
        let base = "/api/\(pool.spaceId.rawValue)/workerpools/\(pool.id)"
        return pool.linked(["Self": base, "Workers": "\(base)/workers{?skip,take}"])
    }

    static func linking(_ policy: MachinePolicy) -> MachinePolicy {
        let base = "/api/\(policy.spaceId.rawValue)/machinepolicies/\(policy.id)"
        return policy.linked(["Self": base, "Machines": "\(base)/machines{?skip,take}", "Workers": "\(base)/workers{?skip,take}"])
    }

    static func linking(_ set: LibraryVariableSet) -> LibraryVariableSet {
        let space = set.spaceId.rawValue
        return set.linked([
            "Self": "/api/\(space)/libraryvariablesets/\(set.id)", "Variables": "/api/\(space)/variables/\(set.variableSetId)",
        ])
    }
}
