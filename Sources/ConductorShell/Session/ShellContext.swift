import Foundation

/// What does not change during a session: where files live, the process environment, how the embedded sandbox is
/// started, and the mode (interactive or batch).
public struct ShellContext: Sendable {
    /// XDG folders.
    public var paths: StatePaths
    /// The process environment (OCTOPUS_*, NO_COLOR, …).
    public var environment: [String: String]
    /// Starts the embedded sandbox (nil: none available, e.g. in a library test).
    public var launcher: (any EmbeddedServerLauncher)?
    /// Whether a person is at a terminal (prompts, confirmations, colour, live views).
    public var isInteractive: Bool
    /// `--yes`: every confirmation answered yes.
    public var assumeYes: Bool
    /// The completion catalogue (interactive shells); the loop keeps it up to date after each command.
    public var catalogue: CompletionCache?

    /// Creates a context.
    public init(paths: StatePaths, environment: [String: String], launcher: (any EmbeddedServerLauncher)?, isInteractive: Bool, assumeYes: Bool = false) {
        self.paths = paths
        self.environment = environment
        self.launcher = launcher
        self.isInteractive = isInteractive
        self.assumeYes = assumeYes
    }
}
