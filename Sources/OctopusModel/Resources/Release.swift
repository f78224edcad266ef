import Foundation

/// A release (`ReleaseResource`): a version of a project with frozen package versions, process and
/// variables, promoted through its channel's lifecycle.
public struct Release: Codable, Sendable, Equatable {
    public var id: ReleaseID
    public var spaceId: SpaceID
    public var projectId: ProjectID
    public var channelId: ChannelID
    /// Never null, e.g. "2021.1.0.15".
    public var version: String
    /// Markdown.
    public var releaseNotes: String?
    /// Creation time.
    public var assembled: Date
    public var ignoreChannelRules: Bool
    public var selectedPackages: [SelectedPackage]
    public var projectDeploymentProcessSnapshotId: String?
    public var projectVariableSetSnapshotId: String?
    public var libraryVariableSetSnapshotIds: [String]
    /// Build information of each selected package version (packages, work items, commits).
    public var buildInformation: [ReleasePackageVersionBuildInformation]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: ReleaseID, spaceId: SpaceID, projectId: ProjectID, channelId: ChannelID, version: String,
        releaseNotes: String? = nil, assembled: Date, ignoreChannelRules: Bool = false,
        selectedPackages: [SelectedPackage] = [], projectDeploymentProcessSnapshotId: String? = nil,
        projectVariableSetSnapshotId: String? = nil, libraryVariableSetSnapshotIds: [String] = [],
        buildInformation: [ReleasePackageVersionBuildInformation] = [], lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.projectId = projectId
        self.channelId = channelId
        self.version = version
        self.releaseNotes = releaseNotes
        self.assembled = assembled
        self.ignoreChannelRules = ignoreChannelRules
        self.selectedPackages = selectedPackages
        self.projectDeploymentProcessSnapshotId = projectDeploymentProcessSnapshotId
        self.projectVariableSetSnapshotId = projectVariableSetSnapshotId
        self.libraryVariableSetSnapshotIds = libraryVariableSetSnapshotIds
        self.buildInformation = buildInformation
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, projectId, channelId, version, releaseNotes, assembled, ignoreChannelRules, selectedPackages
        case projectDeploymentProcessSnapshotId, projectVariableSetSnapshotId, libraryVariableSetSnapshotIds
        case buildInformation, lastModifiedOn, lastModifiedBy, links
    }
}

/// The package version a release uses for one package reference (`SelectedPackage`).
public struct SelectedPackage: Codable, Sendable, Equatable {
    public var actionName: String
    /// "" = the action's primary package.
    public var packageReferenceName: String?
    /// Legacy (pre-2019) step name.
    public var stepName: String?
    public var version: String

    public init(actionName: String, packageReferenceName: String? = "", stepName: String? = nil, version: String) {
        self.actionName = actionName
        self.packageReferenceName = packageReferenceName
        self.stepName = stepName
        self.version = version
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case actionName, packageReferenceName, stepName, version
    }
}

/// Build information attached to a package version in a release
/// (`ReleasePackageVersionBuildInformationResource`).
public struct ReleasePackageVersionBuildInformation: Codable, Sendable, Equatable {
    public var packageId: String
    public var version: String
    public var branch: String?
    public var buildEnvironment: String?
    public var buildNumber: String?
    public var buildUrl: String?
    /// e.g. "Git".
    public var vcsType: String?
    public var vcsRoot: String?
    public var vcsCommitNumber: String?
    public var vcsCommitUrl: String?
    public var issueTrackerName: String?
    public var workItems: [WorkItemLink]
    public var commits: [CommitDetails]

    public init(
        packageId: String, version: String, branch: String? = nil, buildEnvironment: String? = nil,
        buildNumber: String? = nil, buildUrl: String? = nil, vcsType: String? = nil, vcsRoot: String? = nil,
        vcsCommitNumber: String? = nil, vcsCommitUrl: String? = nil, issueTrackerName: String? = nil,
        workItems: [WorkItemLink] = [], commits: [CommitDetails] = []
    ) {
        self.packageId = packageId
        self.version = version
        self.branch = branch
        self.buildEnvironment = buildEnvironment
        self.buildNumber = buildNumber
        self.buildUrl = buildUrl
        self.vcsType = vcsType
        self.vcsRoot = vcsRoot
        self.vcsCommitNumber = vcsCommitNumber
        self.vcsCommitUrl = vcsCommitUrl
        self.issueTrackerName = issueTrackerName
        self.workItems = workItems
        self.commits = commits
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case packageId, version, branch, buildEnvironment, buildNumber, buildUrl, vcsType, vcsRoot, vcsCommitNumber
        case vcsCommitUrl, issueTrackerName, workItems, commits
    }
}

/// A work item (issue) linked to a build (`WorkItemLink`).
public struct WorkItemLink: Codable, Sendable, Equatable {
    public var id: String
    public var linkUrl: String?
    public var description: String?
    /// The issue tracker, e.g. "GitHub" or "Jira".
    public var source: String?

    public init(id: String, linkUrl: String? = nil, description: String? = nil, source: String? = nil) {
        self.id = id
        self.linkUrl = linkUrl
        self.description = description
        self.source = source
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, linkUrl, description, source
    }
}

/// A commit included in a build (`CommitDetails`).
public struct CommitDetails: Codable, Sendable, Equatable {
    /// The commit hash.
    public var id: String
    public var linkUrl: String?
    public var comment: String?

    public init(id: String, linkUrl: String? = nil, comment: String? = nil) {
        self.id = id
        self.linkUrl = linkUrl
        self.comment = comment
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, linkUrl, comment
    }
}
