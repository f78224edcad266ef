import OctopusClient
import OctopusModel

/// What `deploy` and `wait` report while they run, one event per change (never repeated on every poll).
public enum ProgressEvent: Sendable, Hashable {
    /// Before anything deploys: every manual intervention the deployments will raise and who signs it off
    /// (`promote` sends it once, after the approvals are resolved; empty lists are not sent).
    case interventionsCovered([InterventionCoverage])
    /// A scheduled promotion that does not wait: only the first stage is queued for `startsAt`; `projects` (the
    /// later stages' children, in order) are not created, since nothing would start them in order.
    case laterStagesNotScheduled(projects: [String], startsAt: String)
    /// A stage starts (its children's deployments are being created).
    case stageStarted(stage: Int, projects: [String])
    /// A child deployment was created, or found again in the ledger (`reused`).
    case deploymentCreated(project: String, version: String, taskId: ServerTaskID, webLink: String, reused: Bool)
    /// A deployment of the same release to the same environment (and tenant) was already queued, executing or
    /// freshly succeeded — made by another run, process or person — so it is followed instead of creating another.
    case followingExisting(project: String, version: String, environment: String, taskId: ServerTaskID, state: TaskState, webLink: String)
    /// A child task waits in the server's queue behind other tasks (Octopus runs one deployment of a project to an
    /// environment and tenant at a time); `blockers` describe them, e.g. `ServerTasks-27 (Deploy Web API … , Executing)`.
    case queuedBehind(project: String, taskId: ServerTaskID, blockers: [String])
    /// A request failed transiently (after the client's own retries); the engine tries `work` again until its fault
    /// budget, counted from the first failure in a row, runs out.
    case retrying(work: RetriedWork, failure: OctopusClientError, budgetLeft: Int)
    /// A child task changed state.
    case stateChanged(project: String, state: TaskState)
    /// A child task started a step (read from one task's activity log per poll, round-robin, so a poll stays within
    /// its request budget; with several tasks running a step change may be reported a poll late).
    case stepStarted(project: String, step: String)
    /// A child task waits on a manual intervention or a guided-failure prompt.
    case interventionPending(project: String, title: String, guidedFailure: Bool, responsibleTeams: [String], canAct: Bool, interruptionId: String = "")
    /// A manual intervention was approved on an approver's behalf.
    case approvalSubmitted(project: String, title: String, approver: String)
    /// A pending intervention is left to a person, and why (no matching approver, no permission, approvals for another
    /// release, guided failure).
    case interventionLeftToPeople(project: String, title: String, reason: LeftToPeopleReason)
    /// A child ran longer than the wait timeout; `cancelled` says whether the cancel request succeeded, and
    /// `waitingOn` names the manual intervention its task was blocked on, if any (then it was not "running").
    case timedOut(project: String, seconds: Int, cancelled: Bool, waitingOn: String? = nil)
    /// A child finished.
    case finished(project: String, outcome: ChildOutcome)
    /// Later stages are not deployed because a child failed.
    case laterStagesSkipped(because: String, projects: [String])
}

/// Work the engine repeats after transient faults (only work that is safe to repeat; see `FaultBudget`).
public enum RetriedWork: Hashable, Sendable, CustomStringConvertible {
    /// The wait's poll of the children's tasks (and their interventions).
    case followingDeployments
    /// Creating one child's deployment (the ledger and the server are checked again first).
    case creatingDeployment(project: String)

    /// `following the deployments`, `creating the deployment of Web API`.
    public var description: String {
        switch self {
        case .followingDeployments: "following the deployments"
        case .creatingDeployment(let project): "creating the deployment of \(project)"
        }
    }
}

/// Where the engine reports progress: a caller-owned callback, called once per event, in order, from the engine's
/// task. The engine never finishes or closes anything of the caller's, so one sink may serve several steps
/// (deploy, then wait, then a resumed wait) and a cancelled wait leaves the caller's printer intact.
public typealias ProgressSink = @Sendable (ProgressEvent) -> Void
