/// What Tab needs from the session rather than the server: the application's projects (ranked first), the next
/// environment of the plan, the release pattern, the current setting values, the sandbox's seeded users, saved
/// profiles and applications. The loop publishes it after every statement; the completer only reads it.
public struct CompletionContext: Sendable, Equatable {
    /// Projects of the current application, in stage order.
    public var applicationProjects: [String] = []
    /// The environment a `find` would promote to next (the `to` setting or the plan's destination).
    public var nextEnvironment: String?
    /// The session's release pattern (`2021.1.0.*`): releases that match it rank first.
    public var pattern: String?
    /// Display names of the sandbox's seeded users (empty when not on the sandbox).
    public var sandboxUsers: [String] = []
    /// Saved profile names.
    public var profiles: [String] = []
    /// Saved application names.
    public var applications: [String] = []
    /// The working directory `source FILE` and `plan load FILE` complete in.
    public var directory: String = "."

    public init() {}
}
