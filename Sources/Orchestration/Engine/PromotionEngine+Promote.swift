import Foundation
import OctopusClient
import OctopusModel

extension PromotionEngine {
    /// Runs a whole promotion like the template does for each child step: find and whatif (which resolves
    /// the approvals: from the parent release when a parent is named, as the API key's own user only when
    /// `approveAsMe` is set, otherwise nobody's) → schedule → (What If: stop) → deploy → wait.
    ///
    /// Before anything deploys, `progress` receives ``ProgressEvent/interventionsCovered(_:)``: who signs off each
    /// intervention. With a start time and waiting (the default), only the first stage is queued for it; the wait
    /// sleeps until its `QueueTime` (no polling through the night), follows it, auto-approves, and starts later
    /// stages in order. Not waiting, a scheduled promotion queues only the first stage and says so
    /// (``ProgressEvent/laterStagesNotScheduled(projects:startsAt:)``, and a warning on each later child).
    ///
    /// - Parameters:
    ///   - options: the promotion's options.
    ///   - progress: receives the coverage, deploy and wait events.
    ///   - readyToDeploy: awaited once the plan is found and previewed, before anything is scheduled or deployed (and
    ///     before a What If returns); its error stops the promotion. `conductor promote` reads the connection's user
    ///     and space meanwhile.
    /// - Returns: the final plan; each child carries its outputs and outcome.
    /// - Throws: `OrchestrationError` for what stops the promotion, `OctopusClientError`, or `CancellationError`.
    public func promote(
        _ options: PromotionOptions, progress: ProgressSink? = nil, readyToDeploy: () async throws -> Void = {}
    ) async throws -> PromotionPlan {
        // find and whatif pipelined; whatif resolves the approvals, so a wrong parent fails before anything deploys.
        var plan = try await findAndPreview(options)
        try await readyToDeploy()
        if let text = options.schedule {
            plan = try schedule(plan, at: text)
        }
        if options.whatIf {
            return plan
        }
        let coverage = plan.interventionCoverage
        if !coverage.isEmpty { progress?(.interventionsCovered(coverage)) }
        if !options.wait {
            plan = try await deploy(plan, progress: progress)
            for index in plan.children.indices where plan.children[index].deployment != nil {
                plan.children[index].outcome = .notWaited
            }
            reportUnscheduledStages(&plan, progress: progress)
            return plan
        }
        return try await wait(plan, progress: progress)
    }

    /// Not waiting with a start time: the stages after the first are not created (nothing would keep the order), so
    /// each says what to do instead.
    private func reportUnscheduledStages(_ plan: inout PromotionPlan, progress: ProgressSink?) {
        guard let schedule = plan.schedule else { return }
        let later = plan.children.indices.filter { plan.children[$0].willDeploy && plan.children[$0].deployment == nil }
        guard !later.isEmpty else { return }
        let first = plan.children.filter { $0.deployment != nil }.map(\.project.name).joined(separator: ", ")
        for index in later {
            plan.children[index].messages.append(PlanMessage(
                .warning,
                "Not scheduled: only the first stage (\(first)) starts at \(schedule.absoluteText), because nothing waits to start the later stages in order. Promote again once it has succeeded, or let the promotion wait so it starts the later stages in order and submits the approvals."))
        }
        progress?(.laterStagesNotScheduled(projects: later.map { plan.children[$0].project.name }, startsAt: schedule.absoluteText))
    }
}
