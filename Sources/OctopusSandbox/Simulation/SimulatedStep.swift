import Foundation
import OctopusModel

/// One action of a deployment process as the simulator runs it: a timed piece of work, or a manual
/// intervention that waits for a person.
struct SimulatedStep: Codable, Sendable, Equatable {
    /// What the step does while it runs.
    enum Kind: String, Codable, Sendable {
        /// Runs for `duration`, then succeeds (or fails when `failureMessage` is set).
        case work
        /// Raises a `ManualIntervention` interruption and waits for Proceed or Abort.
        case manualIntervention
    }

    var actionId: String
    /// "1", "2", "2.1", ... as the preview numbers actions.
    var actionNumber: String
    var name: String
    var kind: Kind
    /// Real seconds the step runs, already divided by the sandbox speed.
    var duration: TimeInterval
    /// Machine names the step runs on; empty when it runs on a worker or the server.
    var targets: [String]
    /// Manual intervention instructions (markdown).
    var instructions: String?
    /// Teams allowed to act on the manual intervention; empty means anyone.
    var responsibleTeamIds: [TeamID]
    /// When set, the first attempt of this step fails with this message (a seed or a test arranged it).
    var failureMessage: String?

    init(
        actionId: String, actionNumber: String, name: String, kind: Kind = .work, duration: TimeInterval = 0,
        targets: [String] = [], instructions: String? = nil, responsibleTeamIds: [TeamID] = [],
        failureMessage: String? = nil
    ) {
        self.actionId = actionId
        self.actionNumber = actionNumber
        self.name = name
        self.kind = kind
        self.duration = duration
        self.targets = targets
        self.instructions = instructions
        self.responsibleTeamIds = responsibleTeamIds
        self.failureMessage = failureMessage
    }
}

/// Everything a simulated task will do, fixed when the deployment is created.
struct TaskRunPlan: Codable, Sendable, Equatable {
    var steps: [SimulatedStep]
    /// A failing step raises a `GuidedFailure` interruption instead of failing the task.
    var useGuidedFailure: Bool
    /// How long `Cancelling` lasts before `Canceled` (real seconds, already scaled by speed).
    var cancellationGrace: TimeInterval

    init(steps: [SimulatedStep], useGuidedFailure: Bool = false, cancellationGrace: TimeInterval = 2) {
        self.steps = steps
        self.useGuidedFailure = useGuidedFailure
        self.cancellationGrace = cancellationGrace
    }
}
