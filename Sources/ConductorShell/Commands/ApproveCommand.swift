import Orchestration

/// `approve`, `approve as me`, `approve from PARENT RELEASE [in ENV]`: collects approvers, binds them to this
/// plan's releases, and prints the coverage of every expected intervention. Nothing is approved that no `approve`
/// asked for.
enum ApproveCommand {
    static let spec = CommandSpec(
        "approve", group: .promotion,
        abstract: "Collect approvers for the plan and show who covers each expected intervention",
        examples: ["approve", "approve from \"Release Orchestration\" 2021.1.0 in \"Prod Approval\"", "approve as me"],
        parameters: [CommandSupport.outputOption],
        subcommands: [
            CommandSpec(
                "as", group: .promotion, abstract: "Approve as the API key's own user (only for teams that user is in)",
                examples: ["approve as me"],
                parameters: [.positional("who", .choice(["me"]), required: true, help: "'me'"), CommandSupport.outputOption],
                handler: asMe),
            CommandSpec(
                "from", group: .promotion, abstract: "Take approvals from a parent project's deployment",
                examples: ["approve from \"Release Orchestration\" 2021.1.0 in \"Prod Approval\""],
                parameters: [
                    .positional("parent", .project, required: true, help: "The parent (orchestration) project"),
                    .positional("release", .version, required: true, help: "Its release whose deployment holds the approvals"),
                    .keyword("in", .environment, help: "The environment of that deployment (default: the destination)"),
                    CommandSupport.outputOption,
                ],
                handler: fromParent),
        ],
        discussion: "'approve' alone takes the session's parent ('use parent', 'set parent' and 'set parent-release'); with none set it means 'approve as me' and the table says so.",
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        if let parent = session.settings["parent"] {
            guard session.parentRelease != nil else {
                throw ShellError.parentReleaseNeeded(parent: parent)
            }
            return try await approve(invocation, session, io, asMe: false)
        }
        io.output.message("No parent is set ('use parent' or 'set parent'), so this approves as yourself ('approve as me').")
        return try await approve(invocation, session, io, asMe: true)
    }

    static func asMe(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        try await approve(invocation, session, io, asMe: true)
    }

    static func fromParent(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var plan = try CommandSupport.openPlan(session, for: "approve")
        plan.options.parentProject = invocation["parent"]
        plan.options.parentRelease = invocation["release"]
        plan.options.approvalEnvironment = invocation["in"] ?? plan.options.approvalEnvironment
        var session = session
        session.openPlan?.plan = plan
        return try await approve(invocation, session, io, asMe: false)
    }

    static func approve(_ invocation: Invocation, _ session: Session, _ io: ShellIO, asMe: Bool) async throws -> CommandOutcome {
        var session = session
        let engine = try session.engine()
        var plan = try CommandSupport.openPlan(session, for: "approve")
        if plan.step < .previewed || plan.children.contains(where: { $0.willDeploy && $0.preview == nil }) {
            plan = try await engine.whatIf(plan)
        }
        if !asMe, plan.options.parentProject == nil {
            plan.options.parentProject = session.settings["parent"]
            plan.options.parentRelease = session.parentRelease
        }
        if asMe { plan.options.parentProject = nil }
        plan = try await engine.approve(plan, asCurrentUser: asMe)
        try session.keep(plan)
        CommandSupport.printPlan(plan, invocation, session, io, view: .coverage)
        return CommandOutcome(session, invalidates: .tasks)
    }
}
