/// One phase of a lifecycle (`PhaseResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct Phase: Codable, Sendable, Equatable {
    /// A GUID string (null in generated previews on some servers).
    public var id: String?
    public var name: String
    /// Environments deployed automatically when a release enters the phase.
    public var automaticDeploymentTargets: [EnvironmentID] = []
    /// Environments deployed manually.
    public var optionalDeploymentTargets: [EnvironmentID] = []
    /// How many environments must succeed before the next phase opens; 0 = all of them.
    public var minimumEnvironmentsBeforePromotion: Int = 0
    /// An optional phase may be skipped.
    public var isOptionalPhase: Bool = false
    public var isPriorityPhase: Bool? = false
    /// Nil: inherit the lifecycle's policy.
    public var releaseRetentionPolicy: RetentionPeriod?
    public var tentacleRetentionPolicy: RetentionPeriod?

    /// Every environment of the phase, automatic first, without duplicates.
    public var environmentIds: [EnvironmentID] {
        var seen = Set<EnvironmentID>()
        return (automaticDeploymentTargets + optionalDeploymentTargets).filter { seen.insert($0).inserted }
    }
}
