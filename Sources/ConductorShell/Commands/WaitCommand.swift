import Foundation
import Orchestration

/// `wait [--timeout D]`: follows every child, starts later stages, auto-approves covered interventions, says who
/// must act on the others, cancels on timeout. Ctrl-C stops waiting; the tasks keep running and `wait` resumes.
enum WaitCommand {
    static let spec = CommandSpec(
        "wait", group: .promotion, abstract: "Follow the deployments to the end, starting later stages in order",
        examples: ["wait", "wait --timeout 45m"],
        parameters: [.option("timeout", .duration, help: "Cancel a child still running after this long (default: the 'timeout' variable)"), CommandSupport.outputOption],
        changesServer: true,
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        guard let stored = session.openPlan else { throw ShellError.noPlan(command: "wait") }
        var plan = stored.plan
        // After a 'deploy' that found nothing to deploy, there is nothing to follow: that is not an error.
        if plan.deployable.isEmpty {
            io.output.message("Nothing to wait for: every child is skipped (see the ACTION column).")
            return CommandOutcome(session, status: .success)
        }
        guard plan.step >= .deployed || plan.children.contains(where: { $0.deployment != nil }) else {
            throw ShellError.planStepMissing(command: "wait", needs: "deploy")
        }
        if let timeout = invocation["timeout"].flatMap(DurationText.seconds) { plan.options.waitTimeout = timeout }
        let view = ProgressView(output: io.output, live: io.output.isTerminal && session.context.isInteractive, style: io.style,
                                columns: { [session] in session.terminalColumns })
        plan = try await follow(plan, session: &session, view: view)
        view.finish()
        CommandSupport.printPlan(plan, invocation, session, io)
        CommandSupport.printWarnings(plan, io)
        let status = ExitStatus(plan: plan)
        session.closePlan(result: status == .success ? "succeeded" : PromotionReport.summary(of: plan))
        return CommandOutcome(session, status: status, invalidates: [.deployments, .tasks])
    }

    /// Waits and keeps the plan on disk as it goes; shared with `promote`.
    static func follow(_ plan: PromotionPlan, session: inout Session, view: ProgressView) async throws -> PromotionPlan {
        let engine = try session.engine()
        let finished = try await engine.wait(plan, progress: view.sink)
        try session.keep(finished)
        return finished
    }
}
