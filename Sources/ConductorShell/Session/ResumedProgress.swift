import OctopusClient
import OctopusModel
import Orchestration

/// Where a resumed plan's deployments stand on the server, for the `Resuming plan …` line: the plan records an outcome
/// only when a `wait` sees it, so after a crash or a quit it may not know that a deployment has since finished.
struct ResumedProgress: Equatable {
    /// Deployments that have finished (recorded by the plan, or seen finished on the server now).
    var finished = 0
    /// Deployments running on the server.
    var running = 0
    /// Deployments waiting in the server's queue (a scheduled start, or behind other tasks).
    var queued = 0
    /// Deployments whose state could not be looked up (the server did not answer).
    var unknown = 0
    /// Children that will deploy but have no deployment yet (later stages).
    var notStarted = 0
    /// Whether the server says some deployment finished that the plan has not recorded.
    var finishedUnrecorded = false

    /// Looks up the tasks of the plan's deployments that have no recorded outcome (one request; none when there are
    /// none). A failed lookup leaves them `unknown`: the line is informative and must not stop the shell starting.
    static func look(at plan: PromotionPlan, with client: OctopusClient) async -> ResumedProgress {
        let deployable = plan.children.filter(\.willDeploy)
        let created = deployable.filter { $0.deployment != nil }
        let open = created.filter { $0.outcome == nil }.compactMap(\.deployment?.taskId)
        var progress = ResumedProgress(finished: created.count - open.count, notStarted: deployable.count - created.count)
        guard !open.isEmpty else { return progress }
        guard let tasks = try? await client.tasks(ids: open) else {
            progress.unknown = open.count
            return progress
        }
        let completed = tasks.filter(\.isCompleted).count
        progress.queued = tasks.filter { !$0.isCompleted && $0.state == .queued }.count
        progress.finished += completed
        progress.running = open.count - completed - progress.queued
        progress.finishedUnrecorded = completed > 0
        return progress
    }

    /// `2 finished, 1 running, 1 still to deploy`, or nil when nothing has been created yet.
    var summary: String? {
        guard finished + running + queued + unknown > 0 else { return nil }
        var parts: [String] = []
        if finished > 0 { parts.append("\(finished) finished") }
        if running > 0 { parts.append("\(running) running") }
        if queued > 0 { parts.append("\(queued) queued") }
        if unknown > 0 { parts.append("\(unknown) not seen to finish") }
        if notStarted > 0 { parts.append("\(notStarted) still to deploy") }
        return parts.joined(separator: ", ")
    }

    /// Whether `wait` has anything to do once something was deployed: follow a deployment, record an outcome, or
    /// deploy a later stage.
    var waitHasWork: Bool {
        summary != nil && (running > 0 || queued > 0 || unknown > 0 || notStarted > 0 || finishedUnrecorded)
    }
}
