import Foundation

/// Releases of a project and where each is deployed (`GET /progression/{projectId}`).
@MemberwiseInit @PascalCaseCodingKeys public struct ProjectProgression: Codable, Sendable, Equatable {
    public var id: String?
    /// In lifecycle order.
    @Defaulted public var environments: [ReferenceDataItem]
    @Defaulted public var channelEnvironments: [String: [ReferenceDataItem]]
    @Defaulted public var releases: [ReleaseProgression]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// One release in a project progression.
@MemberwiseInit @PascalCaseCodingKeys public struct ReleaseProgression: Codable, Sendable, Equatable {
    public var release: Release
    public var channel: Channel?
    /// Deployments per environment id, newest first.
    @Defaulted public var deployments: [String: [DashboardItem]]
    /// Environment ids the release can be deployed to next.
    @Defaulted public var nextDeployments: [EnvironmentID]
    @Defaulted public var hasUnresolvedDefect: Bool
    public var releaseRetentionPeriod: RetentionPeriod?
    public var tentacleRetentionPeriod: RetentionPeriod?
}

/// Where a release stands in its lifecycle (`GET /releases/{id}/progression`).
@MemberwiseInit @PascalCaseCodingKeys public struct LifecycleProgression: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var phases: [PhaseProgression]
    @Defaulted public var nextDeployments: [EnvironmentID]
    @Defaulted public var nextDeploymentsMinimumRequired: Int
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// How far a release has come in one lifecycle phase.
public enum PhaseProgress: String, Codable, Sendable, CaseIterable {
    case pending = "Pending"
    case current = "Current"
    case complete = "Complete"
}

/// One phase of a release's lifecycle progression.
@MemberwiseInit @PascalCaseCodingKeys public struct PhaseProgression: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var name: String
    @Defaulted public var blocked: Bool
    @Defaulted public var progress: PhaseProgress
    @Defaulted public var deployments: [PhaseDeployment]
    @Defaulted public var automaticDeploymentTargets: [EnvironmentID]
    @Defaulted public var optionalDeploymentTargets: [EnvironmentID]
    @Defaulted public var minimumEnvironmentsBeforePromotion: Int
    @Defaulted public var isOptionalPhase: Bool
}

/// A deployment in a phase with its task.
@MemberwiseInit @PascalCaseCodingKeys public struct PhaseDeployment: Codable, Sendable, Equatable {
    @Defaulted public var task: ServerTask
    @Defaulted public var deployment: Deployment
}

extension PhaseProgress: DefaultDecodable {
    /// A body without progress: `Pending`.
    public static var decodingDefault: PhaseProgress { .pending }
}
