import Foundation
import Orchestration

/// `deploy [--yes]` creates the deployments of the plan's next stage after a confirmation (a protected
/// destination: its name typed); `deploy PROJECT VERSION to ENV` deploys one release of one project. Never twice:
/// the machine's ledger and the server are asked first.
enum DeployCommand {
    static let spec = CommandSpec(
        "deploy", group: .promotion, abstract: "Create the deployments of the plan's first stage (or of one project's release)",
        examples: ["deploy", "deploy --yes", "deploy \"Web API\" 2021.1.0.14 to Staging"],
        parameters: [
            .positional("project", .project, help: "One project to deploy (with VERSION and 'to ENV')"),
            .positional("version", .version, help: "Its release version"),
            .keyword("to", .environment, help: "The destination (single-project form)"),
            CommandSupport.yesFlag, CommandSupport.outputOption,
        ],
        changesServer: true,
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let engine = try session.engine()
        var plan: PromotionPlan
        if let project = invocation["project"] {
            guard let version = invocation["version"] else {
                throw ParseError.missingArgument(command: "deploy", parameter: "VERSION", usage: HelpRenderer.usageLine("deploy", spec))
            }
            var options = try session.promotionOptions(invocation, application: Application(sequential: [project]))
            options.releasePattern = try VersionPattern(version)
            options.mode = .alwaysLatest
            plan = try await engine.whatIf(try await engine.find(options))
            try session.keep(plan)
            if plan.deployable.isEmpty {
                CommandSupport.printPlan(plan, invocation, session, io)
                CommandSupport.printWarnings(plan, io)
                return CommandOutcome(session, status: .failure)
            }
        } else {
            plan = try CommandSupport.openPlan(session, for: "deploy")
            if session.openPlan?.verifyBeforeDeploy == true {
                try await verifyUnchanged(plan, engine: engine)
            }
        }
        plan = try await deploy(plan, engine: engine, invocation: invocation, session: &session, io: io)
        CommandSupport.printPlan(plan, invocation, session, io)
        if plan.children.contains(where: { $0.deployment != nil && $0.outcome == nil }) {
            io.output.message("Follow them with 'wait'.")
        }
        return CommandOutcome(session, invalidates: [.deployments, .tasks])
    }

    /// Confirms and creates the next stage's deployments; shared with `promote`.
    static func deploy(_ plan: PromotionPlan, engine: PromotionEngine, invocation: Invocation, session: inout Session, io: ShellIO) async throws -> PromotionPlan {
        var plan = plan
        if plan.children.contains(where: { $0.willDeploy && $0.preview == nil }) { plan = try await engine.whatIf(plan) }
        let pending = plan.stageIndices.first { stage in stage.contains { plan.children[$0].willDeploy && plan.children[$0].deployment == nil } } ?? []
        let creating = pending.filter { plan.children[$0].willDeploy && plan.children[$0].deployment == nil }
        guard !creating.isEmpty else {
            io.output.message(plan.deployable.isEmpty ? "Nothing to deploy: every child is skipped (see the ACTION column)." : "Every deployment of the plan exists already.")
            return plan
        }
        let names = creating.map { "\(plan.children[$0].project.name) \(plan.children[$0].release?.version ?? "")" }
        let when = plan.schedule.map { " at \($0.absoluteText)" } ?? " now"
        let later = plan.children.indices.filter { plan.children[$0].willDeploy && plan.children[$0].deployment == nil && !creating.contains($0) }
        let then = later.isEmpty ? "" : " Then \(later.count) more, stage by stage, as 'wait' sees each stage succeed."
        io.output.message(TerminalText.clean("Will create \(creating.count) deployment\(creating.count == 1 ? "" : "s") to \(plan.destination.name)\(when): \(names.joined(separator: ", ")).\(then)"))
        let destination = plan.destination.name
        try await Confirmation.confirm(
            "Deploy to \(destination)", invocation: invocation, session: session, io: io,
            protectedEnvironment: session.settings.isProtected(destination) ? destination : nil)
        // Recorded as deploying before the first POST: a crash or kill -9 mid-deploy leaves a plan that 'wait' picks up
        // (its deploy finds what was created in the ledger and on the server instead of creating it again).
        let confirmed = plan
        var deploying = plan
        deploying.step = max(plan.step, .deployed)
        try session.keep(deploying)
        let view = ProgressView(output: io.output, live: false, style: io.style)
        do {
            plan = try await engine.deploy(deploying, progress: view.sink)
        } catch {
            try? session.keep(confirmed)
            throw error
        }
        try session.keep(plan)
        return plan
    }

    /// A loaded plan is refused when what it would deploy changed on the server since it was made.
    static func verifyUnchanged(_ plan: PromotionPlan, engine: PromotionEngine) async throws {
        let fresh = try await engine.find(plan.options)
        var differences: [String] = []
        for child in plan.children {
            guard let now = fresh.children.first(where: { $0.project.id == child.project.id }) else {
                differences.append("\(child.project.name) is no longer in the application")
                continue
            }
            if now.release?.id != child.release?.id || now.action != child.action {
                differences.append("\(child.project.name): \(child.release?.version ?? "none") → \(now.release?.version ?? "none")")
            }
        }
        if !differences.isEmpty { throw ShellError.planChanged(differences: differences) }
    }
}
