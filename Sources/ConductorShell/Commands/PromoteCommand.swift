import Foundation
import Orchestration

/// `promote [to ENV] …` runs find → whatif → approve (from the session's parent) → schedule → deploy → wait in one,
/// like the step template, with the same confirmation as `deploy`; `promote PROJECT [from ENV] to ENV` promotes one
/// project.
enum PromoteCommand {
    static let spec = CommandSpec(
        "promote", group: .promotion, abstract: "Find, preview, approve, deploy and wait in one step",
        examples: ["promote to Staging", "promote \"Web API\" from Test to Staging --yes", "promote to Production at \"tomorrow 19:00\""],
        parameters: [.positional("project", .project, help: "One project to promote instead of the application")]
            + CommandSupport.selectionKeywords
            + [
                .keyword("at", .time, help: "Start the first stage at this time"),
                .flag("no-wait", help: "Return once the deployments are created"),
                CommandSupport.yesFlag, CommandSupport.outputOption,
            ],
        changesServer: true,
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let engine = try session.engine()
        let application = invocation["project"].map { Application(sequential: [$0]) }
        let options = try session.promotionOptions(invocation, application: application)
        var plan = try await engine.whatIf(try await engine.find(options))
        if session.openPlan != nil { session.closePlan(result: "replaced") }
        try session.keep(plan)
        if options.parentProject != nil, options.autoApprove, !plan.deployable.isEmpty {
            plan = try await engine.approve(plan)
            try session.keep(plan)
        }
        if let at = invocation["at"] {
            plan = try engine.schedule(plan, at: at, timeZone: session.timeZone)
            if let schedule = plan.schedule { io.output.message("Scheduled: \(schedule.echo(now: Date()))") }
        }
        plan = try await DeployCommand.deploy(plan, engine: engine, invocation: invocation, session: &session, io: io)
        if invocation.has("no-wait") || plan.children.allSatisfy({ $0.deployment == nil }) {
            CommandSupport.printPlan(plan, invocation, session, io)
            return CommandOutcome(session, invalidates: [.deployments, .tasks])
        }
        let view = ProgressView(output: io.output, live: io.output.isTerminal && session.context.isInteractive, style: io.style,
                                columns: { [session] in session.terminalColumns })
        plan = try await WaitCommand.follow(plan, session: &session, view: view)
        view.finish()
        CommandSupport.printPlan(plan, invocation, session, io)
        CommandSupport.printWarnings(plan, io)
        let status = ExitStatus(plan: plan)
        session.closePlan(result: status == .success ? "succeeded" : PromotionReport.summary(of: plan))
        return CommandOutcome(session, status: status, invalidates: [.deployments, .tasks])
    }
}
