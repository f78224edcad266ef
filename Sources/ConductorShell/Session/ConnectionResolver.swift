import Foundation

/// Chooses the server by shell.md §1's precedence: flags > `OCTOPUS_URL`/`OCTOPUS_API_KEY`/`OCTOPUS_SPACE` > the
/// named or default profile > the official Octopus CLI's config > the embedded sandbox.
public struct ConnectionResolver: Sendable {
    /// What the command line said.
    public struct Flags: Sendable, Hashable {
        public var server: String?
        public var apiKey: String?
        public var space: String?
        public var profile: String?

        public init(server: String? = nil, apiKey: String? = nil, space: String? = nil, profile: String? = nil) {
            self.server = server
            self.apiKey = apiKey
            self.space = space
            self.profile = profile
        }
    }

    /// A server chosen but not yet connected to.
    public struct Choice: Sendable, Hashable {
        public var server: String
        public var apiKey: String?
        public var space: String?
        public var origin: ShellConnection.Origin
    }

    public var flags: Flags
    public var environment: [String: String]
    public var paths: StatePaths

    public init(flags: Flags, environment: [String: String], paths: StatePaths) {
        self.flags = flags
        self.environment = environment
        self.paths = paths
    }

    private func value(_ text: String?) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespaces)
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    /// The real server to use, or nil for the embedded sandbox.
    /// - Throws: `ShellError.unknownSaved` for a profile that does not exist, `.apiKeyNeeded` for a key without a
    ///   server.
    public func choose() throws -> Choice? {
        let space = value(flags.space) ?? value(environment["OCTOPUS_SPACE"])
        if let server = value(flags.server) {
            return Choice(server: server, apiKey: value(flags.apiKey) ?? value(environment["OCTOPUS_API_KEY"]), space: space, origin: .flags)
        }
        if let server = value(environment["OCTOPUS_URL"]) {
            return Choice(server: server, apiKey: value(flags.apiKey) ?? value(environment["OCTOPUS_API_KEY"]), space: space, origin: .environment)
        }
        let config = try ConfigFile.load(paths.configFile)
        if let name = value(flags.profile) ?? config.defaultProfile {
            guard let profile = config.profiles[name] else {
                throw ShellError.unknownSaved(kind: "profile", name: name, available: config.profiles.keys.sorted())
            }
            return Choice(server: profile.server, apiKey: value(flags.apiKey) ?? profile.apiKey, space: space ?? profile.space, origin: .profile(name))
        }
        if let cli = OctopusCLIConfig.load(paths.octopusCLIConfig), let server = value(cli.url) {
            return Choice(server: server, apiKey: value(flags.apiKey) ?? value(cli.apiKey), space: space ?? value(cli.space), origin: .octopusCLIConfig)
        }
        if value(flags.apiKey) != nil { throw ShellError.apiKeyWithoutServer }
        return nil
    }
}
