/// What a command did: the changed session, whether the shell goes on, the status it stands for, and which parts
/// of the completion catalogue it made stale (pgcli's "what changed" flags).
public struct CommandOutcome: Sendable {
    /// Whether the shell goes on after the command.
    public enum Flow: Sendable { case `continue`, quit }

    /// The session after the command.
    public var session: Session
    /// Go on or quit.
    public var flow: Flow
    /// The command's status: a `wait` whose deployment failed is 4, a timed-out wait 124.
    public var status: ExitStatus
    /// Catalogue parts to refresh.
    public var invalidates: CacheScope

    public init(_ session: Session, flow: Flow = .continue, status: ExitStatus = .success, invalidates: CacheScope = []) {
        self.session = session
        self.flow = flow
        self.status = status
        self.invalidates = invalidates
    }
}

/// Parts of the server's state a command may have changed.
public struct CacheScope: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Server, space or user changed: everything.
    public static let connection = CacheScope(rawValue: 1 << 0)
    /// Releases or deployments changed.
    public static let deployments = CacheScope(rawValue: 1 << 1)
    /// Tasks or interventions changed.
    public static let tasks = CacheScope(rawValue: 1 << 2)
}
