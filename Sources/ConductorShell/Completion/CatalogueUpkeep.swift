import Foundation
import Orchestration

/// What the loop does for the catalogue after each statement: publish the session facts Tab ranks by, switch to the
/// catalogue of the session's (server, space), and queue the targeted refresh the command's `invalidates` (or the
/// TTL, or a new application) calls for. Synchronous: the refresh itself runs on the worker.
extension CompletionCache {
    public func commandFinished(_ session: Session, invalidated scope: CacheScope) {
        publish(Self.context(of: session))
        guard let connection = session.connection else { return }
        let source = Source(client: connection.client, server: connection.identity, space: connection.spaceName)
        load(server: source.server, space: source.space)
        setSource(source)
        if let request = request(after: scope, source: source, applicationProjects: session.application?.projects ?? []) {
            enqueue(request)
        }
    }

    /// The session facts of `session`.
    static func context(of session: Session) -> CompletionContext {
        var context = CompletionContext()
        context.applicationProjects = session.application?.projects ?? []
        context.nextEnvironment = session.settings["to"] ?? session.openPlan?.plan.destination.name
        context.pattern = session.settings["pattern"]
        if session.connection?.isSandbox == true {
            context.sandboxUsers = session.embedded?.accounts.map(\.displayName) ?? []
        }
        if let config = try? ConfigFile.load(session.context.paths.configFile) {
            context.profiles = config.profiles.keys.sorted()
            context.applications = config.applications.keys.sorted()
        }
        context.directory = FileManager.default.currentDirectoryPath
        return context
    }
}
