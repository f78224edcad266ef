import Foundation
import Orchestration

/// `find [to ENV] [from ENV] [release PATTERN] [channel NAME] [tenant NAME]`: makes the plan — per child the
/// channel, sources, the release chosen and why, deploy or skip and why.
enum FindCommand {
    static let spec = CommandSpec(
        "find", group: .promotion, abstract: "Make the plan: which release of each child goes to the destination, and why",
        examples: ["find to Staging", "find to Production release 2021.1.1.*", "find to Staging from Test tenant \"Acme Corp\""],
        parameters: CommandSupport.selectionKeywords + [CommandSupport.outputOption],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let options = try session.promotionOptions(invocation)
        let plan = try await session.engine().find(options)
        if let previous = session.openPlan, previous.plan.step >= .deployed, previous.plan.step < .finished {
            io.output.message("The previous plan (\(previous.plan.id.uuidString.prefix(8))) had deployments not yet followed to the end; it is in 'history'.")
            session.closePlan(result: "replaced while deployed")
        } else if session.openPlan != nil {
            session.closePlan(result: "replaced")
        }
        try session.keep(plan)
        CommandSupport.printPlan(plan, invocation, session, io)
        CommandSupport.printWarnings(plan, io)
        return CommandOutcome(session)
    }
}

/// `whatif [--save FILE]`: the preview of every deployment the plan would create.
enum WhatIfCommand {
    static let spec = CommandSpec(
        "whatif", aliases: ["what-if", "preview"], group: .promotion,
        abstract: "Preview the plan: machines, steps, prompted variables, interventions and their teams, stale snapshots",
        examples: ["whatif", "whatif --save plan.json", "whatif -o json"],
        parameters: [.option("save", .file, help: "Also write the plan to FILE (for 'plan load')"), CommandSupport.outputOption],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let found = try CommandSupport.openPlan(session, for: "whatif")
        let plan = try await session.engine().whatIf(found)
        try session.keep(plan)
        if let path = invocation["save"], let stored = session.openPlan {
            try PlanStore.write(stored, to: SourceCommand.url(path, session: session))
            io.output.message("Plan written to \(path).")
        }
        CommandSupport.printPlan(plan, invocation, session, io, view: .preview)
        CommandSupport.printWarnings(plan, io, after: found)
        return CommandOutcome(session)
    }
}
