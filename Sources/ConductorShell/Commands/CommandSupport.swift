import Foundation
import Orchestration

/// What several commands share: printing a plan in the session's format, and the order and staleness rules of
/// shell.md §5.
enum CommandSupport {
    /// The open plan for `command`, after the order and staleness checks.
    /// - Throws: `ShellError.noPlan`, `.stalePlan` or `.planForOtherServer`.
    static func openPlan(_ session: Session, for command: String) throws -> PromotionPlan {
        guard let stored = session.openPlan else { throw ShellError.noPlan(command: command) }
        if let reason = stored.staleReason { throw ShellError.stalePlan(reason: reason) }
        let connection = try session.requireConnection()
        if stored.server != connection.identity || stored.space != connection.spaceName {
            throw ShellError.planForOtherServer(planServer: "\(stored.server) (space \(stored.space))", current: "\(connection.identity) (space \(connection.spaceName))")
        }
        return stored.plan
    }

    /// Prints `plan` on stdout in the session's output format (the command's `-o` wins).
    static func printPlan(_ plan: PromotionPlan, _ invocation: Invocation, _ session: Session, _ io: ShellIO, view: PlanView = .plan) {
        let format = invocation["output"].flatMap(OutputFormat.init(rawValue:)) ?? session.settings.output
        let report = PromotionReport(plan: plan)
        switch (format, view) {
        case (.table, .preview):
            io.output.write(TerminalText.clean(PreviewReport(plan: plan).render(width: session.terminalColumns)))
        case (.table, .coverage):
            io.output.write(TerminalText.clean(CoverageReport(plan: plan).render(width: session.terminalColumns)))
        default: io.output.write(TerminalText.clean(report.render(format, width: session.terminalColumns)))
        }
    }

    /// Which table a command prints for a plan.
    enum PlanView { case plan, preview, coverage }

    /// Prints the plan's warnings and errors, each child's; those `earlier` (the plan before this step) already had
    /// were said by the step that made them and are not repeated. On stderr: progress said the rest.
    static func printWarnings(_ plan: PromotionPlan, _ io: ShellIO, after earlier: PromotionPlan? = nil) {
        for child in plan.children {
            let said = Set(earlier?.children.first { $0.project.id == child.project.id }?.messages.map(\.text) ?? [])
            for message in child.messages where (message.level == .warning || message.level == .error) && !said.contains(message.text) {
                io.output.message(TerminalText.clean("\(child.project.name): \(message.level.rawValue): \(message.text)"))
            }
        }
    }

    /// The output option every plan command takes.
    static let outputOption = ParameterSpec.option("output", short: "o", .choice(OutputFormat.allCases.map(\.rawValue)), help: "table, json or basic (default: the 'output' variable)")

    /// The keyword overrides of `find` and `promote` (shell.md §5).
    static let selectionKeywords: [ParameterSpec] = [
        .keyword("to", .environment, help: "Destination environment (default: the 'to' variable)"),
        .keyword("from", .environment, help: "Source environment (default: the lifecycle's previous phase)"),
        .keyword("release", .releasePattern, help: "Release pattern for this plan (default: the 'pattern' variable)"),
        .keyword("channel", .channel, help: "Channel for this plan"),
        .keyword("tenant", .tenant, help: "Tenant for this plan"),
    ]

    /// The confirmation flag.
    static let yesFlag = ParameterSpec.flag("yes", short: "y", help: "Answer yes to the confirmation")
}
