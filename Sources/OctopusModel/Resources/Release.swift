import Foundation

/// A release (`ReleaseResource`): a version of a project with frozen package versions, process and
/// variables, promoted through its channel's lifecycle.
@MemberwiseInit @PascalCaseCodingKeys public struct Release: Codable, Sendable, Equatable {
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
    public var ignoreChannelRules: Bool = false
    public var selectedPackages: [SelectedPackage] = []
    public var projectDeploymentProcessSnapshotId: String?
    public var projectVariableSetSnapshotId: String?
    public var libraryVariableSetSnapshotIds: [String] = []
    /// Build information of each selected package version (packages, work items, commits).
    public var buildInformation: [ReleasePackageVersionBuildInformation] = []
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// The package version a release uses for one package reference (`SelectedPackage`).
@MemberwiseInit @PascalCaseCodingKeys public struct SelectedPackage: Codable, Sendable, Equatable {
    public var actionName: String
    /// "" = the action's primary package.
    public var packageReferenceName: String? = ""
    /// Legacy (pre-2019) step name.
    public var stepName: String?
    public var version: String
}

/// Build information attached to a package version in a release
/// (`ReleasePackageVersionBuildInformationResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct ReleasePackageVersionBuildInformation: Codable, Sendable, Equatable {
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
    public var workItems: [WorkItemLink] = []
    public var commits: [CommitDetails] = []
}

/// A work item (issue) linked to a build (`WorkItemLink`).
@MemberwiseInit @PascalCaseCodingKeys public struct WorkItemLink: Codable, Sendable, Equatable {
    public var id: String
    public var linkUrl: String?
    public var description: String?
    /// The issue tracker, e.g. "GitHub" or "Jira".
    public var source: String?
}

/// A commit included in a build (`CommitDetails`).
@MemberwiseInit @PascalCaseCodingKeys public struct CommitDetails: Codable, Sendable, Equatable {
    /// The commit hash.
    public var id: String
    public var linkUrl: String?
    public var comment: String?
}
