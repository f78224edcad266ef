/// One phase of a lifecycle (`PhaseResource`).
public struct Phase: Codable, Sendable, Equatable {
    /// A GUID string (null in generated previews on some servers).
    public var id: String?
    public var name: String
    /// Environments deployed automatically when a release enters the phase.
    public var automaticDeploymentTargets: [EnvironmentID]
    /// Environments deployed manually.
    public var optionalDeploymentTargets: [EnvironmentID]
    /// How many environments must succeed before the next phase opens; 0 = all of them.
    public var minimumEnvironmentsBeforePromotion: Int
    /// An optional phase may be skipped.
    public var isOptionalPhase: Bool
    public var isPriorityPhase: Bool?
    /// Nil: inherit the lifecycle's policy.
    public var releaseRetentionPolicy: RetentionPeriod?
    public var tentacleRetentionPolicy: RetentionPeriod?

    public init(
        id: String? = nil, name: String, automaticDeploymentTargets: [EnvironmentID] = [],
        optionalDeploymentTargets: [EnvironmentID] = [], minimumEnvironmentsBeforePromotion: Int = 0,
        isOptionalPhase: Bool = false, isPriorityPhase: Bool? = false, releaseRetentionPolicy: RetentionPeriod? = nil,
        tentacleRetentionPolicy: RetentionPeriod? = nil
    ) {
        self.id = id
        self.name = name
        self.automaticDeploymentTargets = automaticDeploymentTargets
        self.optionalDeploymentTargets = optionalDeploymentTargets
        self.minimumEnvironmentsBeforePromotion = minimumEnvironmentsBeforePromotion
        self.isOptionalPhase = isOptionalPhase
        self.isPriorityPhase = isPriorityPhase
        self.releaseRetentionPolicy = releaseRetentionPolicy
        self.tentacleRetentionPolicy = tentacleRetentionPolicy
    }

    /// Every environment of the phase, automatic first, without duplicates.
    public var environmentIds: [EnvironmentID] {
        var seen = Set<EnvironmentID>()
        return (automaticDeploymentTargets + optionalDeploymentTargets).filter { seen.insert($0).inserted }
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, automaticDeploymentTargets, optionalDeploymentTargets, minimumEnvironmentsBeforePromotion
        case isOptionalPhase, isPriorityPhase, releaseRetentionPolicy, tentacleRetentionPolicy
    }
}
