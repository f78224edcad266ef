/// `tour`: a guided walk through the blog post's scenario on the sandbox — what to type, in order, and what each
/// step shows. Every line it suggests parses (a test checks).
enum TourCommand {
    /// The steps: what to type, and why.
    static let steps: [(command: String, why: String)] = [
        ("use parent \"Release Orchestration\"", "The application: the parent project's four 'Deploy …' steps, in order."),
        ("status", "What is deployed where: the projects × environments of the application."),
        ("find to Staging", "The plan: for each child, the release last deployed to Test and whether it goes."),
        ("whatif", "The preview: steps, machines, the manual interventions and who must act on them."),
        ("approve as me", "Who covers each intervention (the Web Admins' one needs Wes Admin)."),
        ("deploy", "Creates the first stage's deployments after you confirm."),
        ("wait", "Follows them, starts the later stages in order; Ctrl-C stops watching, 'wait' resumes."),
        ("connect sandbox as \"Wes Admin\"", "Act as a Web Admin to answer the intervention a service account cannot."),
        ("interventions", "Pending manual interventions; 'respond ID proceed' answers one."),
        ("history", "The plans of this machine and how they ended."),
    ]

    static let spec = CommandSpec(
        "tour", group: .context, abstract: "A guided walk through the blog's scenario on the sandbox",
        examples: ["tour"], handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var text = io.style.bold("A tour of Conductor on the sample application") + "\n"
        text += "The blog's team promotes Database, Web API, Scheduling Service and Web UI together. Type these in order:\n\n"
        for (index, step) in steps.enumerated() {
            text += "  \(index + 1). \(io.style.cyan(step.command))\n     \(step.why)\n"
        }
        text += "\n'help COMMAND' explains any of them; 'sandbox reset' starts the sample again.\n"
        io.output.write(text)
        return CommandOutcome(session)
    }
}
