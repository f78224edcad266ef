import Foundation

/// What a new release of a project would contain (`ReleaseTemplateResource`,
/// `GET /deploymentprocesses/{id}/template{?channel,releaseId}`): the suggested next version and
/// every package reference of the process with the version the last release used.
@MemberwiseInit @PascalCaseCodingKeys public struct ReleaseTemplate: Codable, Sendable, Equatable {
    public var id: String?
    public var deploymentProcessId: DeploymentProcessID
    /// Version of the project's (or channel's) newest release, nil when it has none.
    public var lastReleaseVersion: String?
    /// The project's versioning template applied to the last release.
    public var nextVersionIncrement: String
    public var versioningPackageStepName: String?
    public var versioningPackageReferenceName: String?
    public var packages: [ReleaseTemplatePackage] = []
    public var links: Links = [:]
}

/// One package reference in a ``ReleaseTemplate`` (`ReleaseTemplatePackage`).
@PascalCaseCodingKeys public struct ReleaseTemplatePackage: Codable, Sendable, Equatable {
    public var actionName: String
    public var stepName: String
    public var packageId: String
    /// "" = the action's primary package.
    public var packageReferenceName: String
    public var feedId: FeedID
    public var feedName: String
    public var nuGetPackageId: String
    public var nuGetFeedId: FeedID
    public var nuGetFeedName: String
    /// The version the project's last release selected for this reference.
    public var versionSelectedLastRelease: String?
    public var projectName: String
    public var isResolvable: Bool

    public init(
        actionName: String, stepName: String, packageId: String, packageReferenceName: String = "",
        feedId: FeedID = "feeds-builtin", feedName: String = "Octopus Server (built-in)",
        versionSelectedLastRelease: String? = nil, projectName: String, isResolvable: Bool = true
    ) {
        self.actionName = actionName
        self.stepName = stepName
        self.packageId = packageId
        self.packageReferenceName = packageReferenceName
        self.feedId = feedId
        self.feedName = feedName
        self.nuGetPackageId = packageId
        self.nuGetFeedId = feedId
        self.nuGetFeedName = feedName
        self.versionSelectedLastRelease = versionSelectedLastRelease
        self.projectName = projectName
        self.isResolvable = isResolvable
    }
}
