/// One phase of a channel's lifecycle as the walk needs it (from `GET lifecycles/{id}/preview`, §5.11).
public struct LifecyclePhase: Sendable, Hashable {
    /// Phase name, for messages.
    public var name: String
    /// Environments deployed automatically on entering the phase.
    public var automaticEnvironmentIds: [String]
    /// Environments deployed manually.
    public var optionalEnvironmentIds: [String]
    /// Whether the phase may be skipped.
    public var isOptional: Bool

    /// Creates a phase.
    public init(name: String, automaticEnvironmentIds: [String], optionalEnvironmentIds: [String], isOptional: Bool) {
        self.name = name
        self.automaticEnvironmentIds = automaticEnvironmentIds
        self.optionalEnvironmentIds = optionalEnvironmentIds
        self.isOptional = isOptional
    }

    /// Every environment of the phase: automatic first, then optional (the template's order).
    public var environmentIds: [String] { automaticEnvironmentIds + optionalEnvironmentIds }
}

/// Where a child's release is looked for (§5.12).
public struct SourceEnvironments: Sendable, Hashable {
    /// Why these environments were chosen.
    public enum Reason: Sendable, Hashable {
        /// Redeploy / AlwaysLatest: the destination itself.
        case destinationItself
        /// Promote into the lifecycle's first phase: the newest release in the channel is used.
        case firstPhase
        /// An explicit source environment was given.
        case explicit
        /// The phases before the destination's, walked back through optional phases (names, nearest first).
        case previousPhases([String])
    }

    /// Environment ids to search, in the template's order.
    public var environmentIds: [String]
    /// Whether the destination is in the first phase (Promote only).
    public var isFirstPhase: Bool
    /// Whether the walk reached a required phase; when false an empty task search falls back to the channel.
    public var hasRequiredPhase: Bool
    /// Why.
    public var reason: Reason

    /// Creates a result.
    public init(environmentIds: [String], isFirstPhase: Bool, hasRequiredPhase: Bool, reason: Reason) {
        self.environmentIds = environmentIds
        self.isFirstPhase = isFirstPhase
        self.hasRequiredPhase = hasRequiredPhase
        self.reason = reason
    }
}

/// The lifecycle walk of §5.12: which environments a release is promoted from.
public enum LifecycleWalk {
    /// Computes the source environments.
    /// - Parameters:
    ///   - phases: the channel lifecycle's phases in order (generated phases included).
    ///   - destinationId: the destination environment id.
    ///   - mode: Promote walks the lifecycle; Redeploy and AlwaysLatest use the destination itself.
    ///   - explicitSourceId: a source environment given by the user, if any.
    /// - Returns: nil when Promote and the destination is in no phase (the caller reports it).
    public static func sources(
        phases: [LifecyclePhase], destinationId: String, mode: DeploymentMode, explicitSourceId: String?
    ) -> SourceEnvironments? {
        guard mode == .promote else {
            return SourceEnvironments(environmentIds: [destinationId], isFirstPhase: false, hasRequiredPhase: false, reason: .destinationItself)
        }
        guard let index = phases.firstIndex(where: { $0.environmentIds.contains(destinationId) }) else { return nil }
        if index == 0 {
            // An explicit source is ignored in the first phase, as in the template.
            return SourceEnvironments(environmentIds: [destinationId], isFirstPhase: true, hasRequiredPhase: false, reason: .firstPhase)
        }
        if let explicitSourceId {
            // As the template: not validated against the lifecycle and not "required", so the channel fallback applies.
            return SourceEnvironments(environmentIds: [explicitSourceId], isFirstPhase: false, hasRequiredPhase: false, reason: .explicit)
        }
        var ids: [String] = []
        var names: [String] = []
        var required = false
        for phase in phases[..<index].reversed() {
            ids += phase.environmentIds
            names.append(phase.name)
            if !phase.isOptional {
                required = true
                break
            }
        }
        return SourceEnvironments(environmentIds: ids, isFirstPhase: false, hasRequiredPhase: required, reason: .previousPhases(names))
    }
}
