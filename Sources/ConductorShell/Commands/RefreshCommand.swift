import Orchestration
/// `refresh`: read the completion catalogue again now (projects, environments, channels, tenants, spaces, tasks,
/// interventions and the application's releases), for changes made elsewhere within the TTL.
enum RefreshCommand {
    static let spec = CommandSpec(
        "refresh", group: .context, abstract: "Read the names Tab completes from the server again",
        examples: ["refresh"], handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let connection = try session.requireConnection()
        guard let catalogue = session.context.catalogue else {
            io.output.message("Nothing to refresh: Tab completion runs in the interactive shell only.")
            return CommandOutcome(session)
        }
        let source = CompletionCache.Source(client: connection.client, server: connection.identity, space: connection.spaceName)
        let request = CompletionCache.Request(
            source: source, kinds: Set(CompletionSnapshot.Kind.allCases), releasesOf: session.application?.projects ?? [])
        guard await catalogue.perform(request) else {
            throw ShellError.catalogueRefreshFailed(server: connection.serverURL)
        }
        let snapshot = catalogue.snapshot
        io.output.message("Tab now knows \(snapshot.projects.count) projects, \(snapshot.environments.count) environments, "
            + "\(snapshot.tenants.count) tenants, \(snapshot.tasks.count) recent tasks and \(snapshot.interventions.count) pending interventions.")
        return CommandOutcome(session)
    }
}
