import Foundation
import Orchestration

/// `plan`, `plan save FILE`, `plan load FILE`, `plan discard`.
enum PlanCommand {
    static let spec = CommandSpec(
        "plan", group: .promotion, abstract: "Show, save, load or discard the current plan",
        examples: ["plan", "plan save tonight.json", "plan load tonight.json", "plan discard"],
        parameters: [CommandSupport.outputOption],
        subcommands: [
            CommandSpec("save", group: .promotion, abstract: "Write the plan to a file (no secrets in it)",
                        parameters: [.positional("file", .file, required: true, help: "The file")], handler: save),
            CommandSpec("load", group: .promotion, abstract: "Open a saved plan; 'deploy' refuses it if the server now decides otherwise",
                        parameters: [.positional("file", .file, required: true, help: "The file")], handler: load),
            CommandSpec("discard", group: .promotion, abstract: "Close the plan (it goes to 'history')", handler: discard),
        ],
        handler: show)

    static func show(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        guard let stored = session.openPlan else { throw ShellError.noPlan(command: "plan") }
        if let reason = stored.staleReason { io.output.message("This plan is stale: \(reason) after 'find'. Run 'find' again.") }
        CommandSupport.printPlan(stored.plan, invocation, session, io)
        return CommandOutcome(session)
    }

    static func save(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        guard let stored = session.openPlan else { throw ShellError.noPlan(command: "plan save") }
        let path = invocation["file"] ?? ""
        try PlanStore.write(stored, to: SourceCommand.url(path, session: session))
        io.output.message("Plan written to \(path).")
        return CommandOutcome(session)
    }

    static func load(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        var stored = try PlanStore.read(SourceCommand.url(invocation["file"] ?? "", session: session))
        let connection = try session.requireConnection()
        if stored.server != connection.identity || stored.space != connection.spaceName {
            throw ShellError.planForOtherServer(planServer: "\(stored.server) (space \(stored.space))", current: "\(connection.identity) (space \(connection.spaceName))")
        }
        stored.verifyBeforeDeploy = true
        session.openPlan = stored
        try session.planStore.save(stored)
        CommandSupport.printPlan(stored.plan, invocation, session, io)
        return CommandOutcome(session)
    }

    static func discard(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        guard session.openPlan != nil else { throw ShellError.noPlan(command: "plan discard") }
        session.closePlan(result: "discarded")
        io.output.message("Plan discarded.")
        return CommandOutcome(session)
    }
}
