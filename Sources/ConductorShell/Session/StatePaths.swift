import Foundation

/// The XDG locations of DESIGN.md's "Files and state", resolved once from the environment.
public struct StatePaths: Sendable, Hashable {
    /// `$XDG_CONFIG_HOME/conductor` (config.json, rc).
    public var config: URL
    /// `$XDG_STATE_HOME/conductor` (history, plans, the ledger).
    public var state: URL
    /// `$XDG_CACHE_HOME/conductor` (the completion catalogue).
    public var cache: URL
    /// `$XDG_DATA_HOME/conductor` (the embedded sandbox's database).
    public var data: URL
    /// The home directory (for the official Octopus CLI's config).
    public var home: URL

    /// Resolves the folders from `environment` (XDG variables, else the XDG defaults under `HOME`).
    public init(environment: [String: String]) {
        let home = URL(fileURLWithPath: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory(), isDirectory: true)
        func folder(_ variable: String, _ fallback: String) -> URL {
            let base = environment[variable].flatMap { $0.hasPrefix("/") ? $0 : nil }
                .map { URL(fileURLWithPath: $0, isDirectory: true) } ?? home.appendingPathComponent(fallback, isDirectory: true)
            return base.appendingPathComponent("conductor", isDirectory: true)
        }
        self.home = home
        config = folder("XDG_CONFIG_HOME", ".config")
        state = folder("XDG_STATE_HOME", ".local/state")
        cache = folder("XDG_CACHE_HOME", ".cache")
        data = folder("XDG_DATA_HOME", ".local/share")
    }

    /// Profiles and saved applications (mode 0600).
    public var configFile: URL { config.appendingPathComponent("config.json") }
    /// Startup commands.
    public var rcFile: URL { config.appendingPathComponent("rc") }
    /// Interactive history (never holds secrets).
    public var historyFile: URL { state.appendingPathComponent("history") }
    /// The open plan and past plans.
    public var plansFolder: URL { state.appendingPathComponent("plans", isDirectory: true) }
    /// The record of created deployments.
    public var ledgerFile: URL { state.appendingPathComponent("ledger.json") }
    /// The embedded sandbox's database.
    public var sandboxDatabase: URL { data.appendingPathComponent("sandbox.sqlite") }
    /// The official Octopus CLI's config file.
    public var octopusCLIConfig: URL { home.appendingPathComponent(".config/octopus/cli_config.json") }
}
