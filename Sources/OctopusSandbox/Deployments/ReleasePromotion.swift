import Foundation
import GRDB
import OctopusModel

/// Where a release stands in its lifecycle: each phase's progress and the environments it may be
/// deployed to now.
///
/// Octopus's rules: a phase is complete when `MinimumEnvironmentsBeforePromotion` of its environments
/// (0 = all) have a successful deployment of the release; an optional phase never blocks the next
/// one. The release may be deployed to every environment of every phase up to and including the
/// first incomplete required phase, and redeployed anywhere it already succeeded.
struct ReleasePromotion: Sendable, Equatable {
    /// One phase with its resolved environments.
    struct PhaseState: Sendable, Equatable {
        var phase: Phase
        var environments: [EnvironmentID]
        var progress: PhaseProgress
        /// Environments of the phase with a successful deployment.
        var deployed: [EnvironmentID]
        var isComplete: Bool
    }

    var phases: [PhaseState]
    /// Environments the release may be deployed to now, in lifecycle order.
    var allowed: [EnvironmentID]
    /// Allowed environments where the release has not succeeded yet.
    var next: [EnvironmentID]
    /// How many of `next` must succeed before the following phase opens.
    var nextMinimumRequired: Int

    /// Evaluates `phases` (the effective ones: see `LifecycleRules.effectivePhases`) against the
    /// environments where the release succeeded.
    ///
    /// - Parameters:
    ///   - phases: the lifecycle's effective phases, in order.
    ///   - catalogue: every environment of the space, for "any environment" phases.
    ///   - successful: the environments where the release has a successful deployment.
    init(phases: [Phase], catalogue: [DeploymentEnvironment], successful: Set<EnvironmentID>) {
        let members = LifecycleRules.phaseEnvironments(phases, environments: catalogue.map(\.id), sortedBy: catalogue)
        var states: [PhaseState] = []
        for (phase, environments) in zip(phases, members) {
            let deployed = environments.filter(successful.contains)
            let required = LifecycleRules.requiredSuccesses(of: phase, environmentCount: environments.count)
            states.append(
                PhaseState(
                    phase: phase, environments: environments, progress: .pending, deployed: deployed,
                    isComplete: deployed.count >= required))
        }
        var allowed: [EnvironmentID] = []
        var next: [EnvironmentID] = []
        var minimum = 0
        var reachedCurrent = false
        for index in states.indices {
            if reachedCurrent {
                // Beyond the current phase only environments already deployed stay deployable.
                allowed += states[index].deployed
                states[index].progress = states[index].isComplete && !states[index].deployed.isEmpty ? .complete : .pending
                continue
            }
            allowed += states[index].environments
            if states[index].isComplete || states[index].phase.isOptionalPhase {
                states[index].progress = states[index].isComplete ? .complete : .current
                next += states[index].environments.filter { !successful.contains($0) }
                continue
            }
            states[index].progress = .current
            next += states[index].environments.filter { !successful.contains($0) }
            let required = LifecycleRules.requiredSuccesses(
                of: states[index].phase, environmentCount: states[index].environments.count)
            minimum = max(0, required - states[index].deployed.count)
            reachedCurrent = true
        }
        var seen = Set<EnvironmentID>()
        self.phases = states
        self.allowed = allowed.filter { seen.insert($0).inserted }
        var seenNext = Set<EnvironmentID>()
        self.next = next.filter { seenNext.insert($0).inserted }
        self.nextMinimumRequired = minimum
    }
}

extension Database {
    /// The effective phases of a release's lifecycle (its channel's, else its project's) and the
    /// space's environments.
    func effectivePhases(of release: Release) throws -> (phases: [Phase], catalogue: [DeploymentEnvironment]) {
        let catalogue = try documents(
            DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", release.spaceId.databaseValue)], order: .oldestFirst))
        guard let project = try document(Project.self, id: release.projectId.rawValue) else { return ([], catalogue) }
        let channel = try document(Channel.self, id: release.channelId.rawValue)
        let id = LifecycleRules.lifecycleID(channel: channel, project: project)
        guard let lifecycle = try document(Lifecycle.self, id: id.rawValue) else { return ([], catalogue) }
        return (LifecycleRules.effectivePhases(of: lifecycle, environments: catalogue), catalogue)
    }

    /// Evaluates a release's lifecycle progress (for a tenant: its own and untenanted deployments).
    func promotion(of release: Release, tenant: TenantID? = nil) throws -> ReleasePromotion {
        let (phases, catalogue) = try effectivePhases(of: release)
        return ReleasePromotion(
            phases: phases, catalogue: catalogue, successful: try successfulEnvironments(of: release.id, tenant: tenant))
    }

    /// Why the lifecycle refuses `environment` for `release` (and tenant) now (empty when it allows it).
    func lifecycleProblems(
        release: Release, project: Project, environment: DeploymentEnvironment, tenant: TenantID? = nil
    ) throws -> [String] {
        let promotion = try promotion(of: release, tenant: tenant)
        guard !promotion.allowed.contains(environment.id) else { return [] }
        guard promotion.phases.contains(where: { $0.environments.contains(environment.id) }) else {
            return [
                "The environment '\(environment.name)' is not part of the lifecycle of \(project.name) release \(release.version), so the release cannot be deployed there."
            ]
        }
        let names = try LifecycleRules.ordered(
            documents(DeploymentEnvironment.self, DocumentQuery([.oneOf("id", promotion.allowed.map(\.databaseValue))]))
        ).map(\.name)
        return [
            "Release '\(release.version)' of project '\(project.name)' cannot be deployed to environment '\(environment.name)' yet: the lifecycle requires earlier phases to be completed first. It can be deployed to: \(names.isEmpty ? "(none)" : names.joined(separator: ", "))."
        ]
    }
}
