import Foundation
import OctopusModel

/// A resource reference with the name to show.
public struct NamedReference<ID: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// The id.
    public var id: ID
    /// The name.
    public var name: String

    /// Creates a reference.
    public init(id: ID, name: String) {
        self.id = id
        self.name = name
    }
}

/// A release reference: id and version.
public struct ReleaseReference: Codable, Hashable, Sendable {
    /// The release id.
    public var id: ReleaseID
    /// The version, e.g. `2021.1.0.14`.
    public var version: String
    /// When the release was created (`Assembled`), once `whatif` or `approve` read it: a parent approval given
    /// before it does not cover it.
    public var created: Date?

    /// Creates a reference.
    public init(id: ReleaseID, version: String, created: Date? = nil) {
        self.id = id
        self.version = version
        self.created = created
    }
}

/// How far a plan has come through find → whatif → approve → schedule → deploy → wait.
public enum PlanStep: Int, Codable, Sendable, Comparable {
    case found, previewed, approved, scheduled, deployed, finished

    public static func < (lhs: PlanStep, rhs: PlanStep) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The promotion plan of an application: one row per child, in plan order, taken from step to step.
///
/// A value: every step returns a new plan; the shell may save it and resume later.
public struct PromotionPlan: Codable, Sendable, Hashable {
    /// Identifies the plan (the ledger's key for "the same deployment").
    public var id: UUID
    /// When `find` began making it (before its first request).
    public var createdAt: Date
    /// The options it was made with.
    public var options: PromotionOptions
    /// The child space.
    public var spaceId: SpaceID
    /// The destination environment.
    public var destination: NamedReference<EnvironmentID>
    /// The tenant the run deploys for (§5.8), nil when untenanted.
    public var tenant: NamedReference<TenantID>?
    /// The children in plan order (stage by stage).
    public var children: [ChildPlan]
    /// Approvers collected by `approve`, bound to this plan's releases.
    public var approvals: ApprovalSet?
    /// The schedule set by `schedule`.
    public var schedule: Schedule?
    /// The last step completed.
    public var step: PlanStep

    /// Creates a plan.
    public init(
        id: UUID = UUID(), createdAt: Date, options: PromotionOptions, spaceId: SpaceID,
        destination: NamedReference<EnvironmentID>, children: [ChildPlan], step: PlanStep = .found
    ) {
        self.id = id
        self.createdAt = createdAt
        self.options = options
        self.spaceId = spaceId
        self.destination = destination
        self.children = children
        self.step = step
    }

    /// Children indices grouped by stage, stages in order.
    public var stageIndices: [[Int]] {
        let stages = Set(children.map(\.stage)).sorted()
        return stages.map { stage in children.indices.filter { children[$0].stage == stage } }
    }

    /// The children that will be deployed.
    public var deployable: [ChildPlan] { children.filter(\.willDeploy) }
}

/// Why a child is not deployed.
public enum SkipReason: Codable, Hashable, Sendable {
    /// No release qualified (§5.14; not-found handling Warning or Skip).
    case noRelease
    /// Promote and the release is already the current one in the destination (§5.16, §5.25).
    case alreadyCurrent
    /// The child deploys to none of the specific machines and mismatch is not ignored (§5.25).
    case machineMismatch
    /// Promote with the source equal to the destination (§5.6).
    case sourceIsDestination
    /// A child of an earlier stage failed, was cancelled or timed out.
    case earlierStageFailed
    /// The tenant is not connected to the child project, or not in the destination (§5.9).
    case tenantNotConnected
}

/// What happens to a child.
public enum ChildAction: Codable, Hashable, Sendable {
    /// The release is deployed.
    case deploy
    /// The child is skipped.
    case skip(SkipReason)
}

/// The severity of a plan message, as the template logs it.
public enum MessageLevel: String, Codable, Sendable {
    case info, highlight, warning, error
}

/// One message of the promotion log, for a child or the whole plan.
public struct PlanMessage: Codable, Hashable, Sendable {
    /// Severity.
    public var level: MessageLevel
    /// Text.
    public var text: String

    /// Creates a message.
    public init(_ level: MessageLevel, _ text: String) {
        self.level = level
        self.text = text
    }
}

/// One child project's row of the plan.
public struct ChildPlan: Codable, Hashable, Sendable {
    /// Stage number (0-based); children of one stage deploy concurrently.
    public var stage: Int
    /// The child project.
    public var project: NamedReference<ProjectID>
    /// Project slug, for links.
    public var projectSlug: String
    /// The channel releases are taken from.
    public var channel: NamedReference<ChannelID>?
    /// The tenant the child is deployed for: the run's tenant, or nil when untenanted or the project is (§5.9).
    public var tenant: NamedReference<TenantID>?
    /// Where the release was looked for.
    public var sourceEnvironments: [NamedReference<EnvironmentID>]
    /// The release selected, if any.
    public var release: ReleaseReference?
    /// What find read about that release and whatif uses (nil: whatif reads the release).
    public var releaseFacts: ReleaseFacts?
    /// The release last successfully deployed in the destination, if any (not looked up in AlwaysLatest mode).
    public var currentReleaseId: ReleaseID?
    /// Its version, when known.
    public var currentVersion: String?
    /// Whether the release's variable snapshot is stale, when the deployment template was read during selection.
    public var snapshotIsStale: Bool?
    /// Guided failure for the deployment (§5.21): the project's mode `On`, or `EnvironmentDefault` and the
    /// destination uses guided failure.
    public var useGuidedFailure = false
    /// Deploy or skip, and why.
    public var action: ChildAction
    /// The template's log for this child, truthfully worded.
    public var messages: [PlanMessage]
    /// `ReleaseToPromote`, `ReleaseNotes`, `ChildReleaseToDeploy`.
    public var outputs: PromotionOutputs
    /// What `whatif` found out.
    public var preview: ChildPreview?
    /// The deployment created by `deploy`.
    public var deployment: ChildDeployment?
    /// How the deployment ended (`wait`).
    public var outcome: ChildOutcome?

    /// Creates a row.
    public init(
        stage: Int, project: NamedReference<ProjectID>, projectSlug: String, channel: NamedReference<ChannelID>? = nil,
        sourceEnvironments: [NamedReference<EnvironmentID>] = [], release: ReleaseReference? = nil,
        action: ChildAction, messages: [PlanMessage] = [], outputs: PromotionOutputs
    ) {
        self.stage = stage
        self.project = project
        self.projectSlug = projectSlug
        self.channel = channel
        self.sourceEnvironments = sourceEnvironments
        self.release = release
        self.action = action
        self.messages = messages
        self.outputs = outputs
    }

    /// Whether the plan deploys this child.
    public var willDeploy: Bool { action == .deploy }
}

/// A manual-intervention step the child's deployment will raise.
public struct ExpectedIntervention: Codable, Hashable, Sendable {
    /// Step (action) name.
    public var stepName: String
    /// Teams that may act on it (empty = anyone with permission).
    public var responsibleTeamIds: [TeamID]
    /// Their names, in the same order (the id when a team is unknown).
    public var responsibleTeams: [String]

    /// Creates an expected intervention.
    public init(stepName: String, responsibleTeamIds: [TeamID], responsibleTeams: [String] = []) {
        self.stepName = stepName
        self.responsibleTeamIds = responsibleTeamIds
        self.responsibleTeams = responsibleTeams
    }
}

/// The release notes artifact of §5.26.
public struct NotesArtifact: Codable, Hashable, Sendable {
    /// File name, e.g. `Web API 2021.1.0.14 Staging.ReleaseNotes_2021_01_14_10_30.txt`.
    public var name: String
    /// The notes.
    public var contents: String
}

/// What a child's deployment would do (`whatif`, §5.17–§5.27).
public struct ChildPreview: Codable, Hashable, Sendable {
    /// `SpecificMachineIds` for the deployment (empty = all machines).
    public var specificMachineIds: [MachineID]
    /// Every machine the preview lists, by name.
    public var machineNames: [String]
    /// Step names that would run.
    public var steps: [String]
    /// `FormValues` for the prompted variables.
    public var formValues: [String: String]
    /// Guided failure for the deployment (§5.21).
    public var useGuidedFailure: Bool
    /// Release notes (§5.24).
    public var notes: ReleaseNotes
    /// Manual interventions expected, with their responsible teams.
    public var interventions: [ExpectedIntervention]
    /// Whether the release's variable snapshot is older than the project's variables.
    public var snapshotIsStale: Bool
    /// Whether `whatif`'s caller asked to refresh and it was refreshed.
    public var snapshotRefreshed: Bool
    /// The notes artifact, when asked for.
    public var artifact: NotesArtifact?
}

/// A deployment created (or found again) by `deploy`.
public struct ChildDeployment: Codable, Hashable, Sendable {
    /// The deployment.
    public var deploymentId: DeploymentID
    /// Its server task.
    public var taskId: ServerTaskID
    /// Link to the deployment in the Octopus web portal.
    public var webLink: String
    /// Whether it existed before this deploy (a repeated or resumed deploy, or a deployment someone else made that
    /// this run follows).
    public var wasAlreadyCreated: Bool
    /// When this plan created it or took it over: the wait timeout counts from here, queued time included (nil in
    /// plans saved before it was recorded: the task's queue time is used).
    public var followedSince: Date?

    /// Creates a record of a deployment.
    public init(deploymentId: DeploymentID, taskId: ServerTaskID, webLink: String, wasAlreadyCreated: Bool, followedSince: Date? = nil) {
        self.deploymentId = deploymentId
        self.taskId = taskId
        self.webLink = webLink
        self.wasAlreadyCreated = wasAlreadyCreated
        self.followedSince = followedSince
    }
}

/// How a child deployment ended.
public enum ChildOutcome: String, Codable, Hashable, Sendable {
    case success = "Success"
    case failed = "Failed"
    case canceled = "Canceled"
    /// The server timed the task out (departure B3: terminal).
    case timedOut = "TimedOut"
    /// Conductor's wait timeout passed and the task was cancelled (departure B1: the cancel is really sent).
    case cancelledOnTimeout = "CancelledOnTimeout"
    /// Scheduled or not waited for.
    case notWaited = "NotWaited"

    /// Whether later stages may run.
    public var allowsLaterStages: Bool { self == .success || self == .notWaited }

    /// How a person says it, after the project's name: `was cancelled after the wait timeout`.
    public var phrase: String {
        switch self {
        case .success: "succeeded"
        case .failed: "failed"
        case .canceled: "was cancelled"
        case .timedOut: "was timed out by the server"
        case .cancelledOnTimeout: "was cancelled after the wait timeout"
        case .notWaited: "was not waited for"
        }
    }
}
