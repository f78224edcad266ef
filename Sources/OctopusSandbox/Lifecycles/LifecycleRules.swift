import Foundation
import OctopusModel

/// Octopus's lifecycle rules as pure functions (no store, no HTTP), shared by the lifecycle preview,
/// deployment checks and progression:
/// - a channel with no `LifecycleId` uses its project's lifecycle;
/// - a lifecycle without phases has one implicit phase per environment, in environment `SortOrder`;
/// - a phase listing no environments covers every environment not listed by an earlier phase.
package enum LifecycleRules {
    /// The lifecycle that governs releases of `channel` (the channel's own, else the project's).
    package static func lifecycleID(channel: Channel?, project: Project) -> LifecycleID {
        channel?.lifecycleId ?? project.lifecycleId
    }

    /// The phases a release walks through: the lifecycle's own, or, when it has none, one generated
    /// phase per environment in `SortOrder` (named after the environment, deployed manually, all
    /// environments required). Generated phases have deterministic ids so previews are stable.
    package static func effectivePhases(of lifecycle: Lifecycle, environments: [DeploymentEnvironment]) -> [Phase] {
        guard lifecycle.phases.isEmpty else { return lifecycle.phases }
        return ordered(environments).map { environment in
            Phase(
                id: "\(lifecycle.id.rawValue)-\(environment.id.rawValue)", name: environment.name,
                automaticDeploymentTargets: [], optionalDeploymentTargets: [environment.id],
                minimumEnvironmentsBeforePromotion: 0, isOptionalPhase: false)
        }
    }

    /// The lifecycle with ``effectivePhases(of:environments:)`` filled in and "any environment"
    /// phases made explicit (their environments listed as optional targets): what
    /// `GET /lifecycles/{id}/preview` returns.
    package static func preview(of lifecycle: Lifecycle, environments: [DeploymentEnvironment]) -> Lifecycle {
        var preview = lifecycle
        let phases = effectivePhases(of: lifecycle, environments: environments)
        let members = phaseEnvironments(phases, environments: environments.map(\.id), sortedBy: environments)
        preview.phases = zip(phases, members).map { phase, environments in
            var phase = phase
            if phase.environmentIds.isEmpty { phase.optionalDeploymentTargets = environments }
            return phase
        }
        return preview
    }

    /// Each phase's environments, resolving phases that list none to every environment not listed by
    /// an earlier phase (in `SortOrder` when `sortedBy` is given, else in the given order).
    package static func phaseEnvironments(
        _ phases: [Phase], environments: [EnvironmentID], sortedBy catalogue: [DeploymentEnvironment] = []
    ) -> [[EnvironmentID]] {
        let order = catalogue.isEmpty ? environments : ordered(catalogue).map(\.id).filter(Set(environments).contains)
        var listed = Set<EnvironmentID>()
        var result: [[EnvironmentID]] = []
        for phase in phases {
            var members = phase.environmentIds
            if members.isEmpty {
                members = order.filter { !listed.contains($0) }
            }
            listed.formUnion(members)
            result.append(members)
        }
        return result
    }

    /// Every environment the lifecycle reaches, in phase order (first phase first), each once.
    package static func environments(of phases: [Phase], catalogue: [DeploymentEnvironment]) -> [EnvironmentID] {
        var seen = Set<EnvironmentID>()
        return phaseEnvironments(phases, environments: catalogue.map(\.id), sortedBy: catalogue)
            .flatMap { $0 }
            .filter { seen.insert($0).inserted }
    }

    /// How many of a phase's environments must succeed before the next phase opens.
    package static func requiredSuccesses(of phase: Phase, environmentCount: Int) -> Int {
        phase.minimumEnvironmentsBeforePromotion > 0
            ? min(phase.minimumEnvironmentsBeforePromotion, environmentCount) : environmentCount
    }

    /// Environments sorted as Octopus lists them: `SortOrder`, then name.
    package static func ordered(_ environments: [DeploymentEnvironment]) -> [DeploymentEnvironment] {
        environments.sorted {
            ($0.sortOrder, $0.name.lowercased(), $0.id) < ($1.sortOrder, $1.name.lowercased(), $1.id)
        }
    }
}
