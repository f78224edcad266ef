import Foundation
import Orchestration

/// `$XDG_CONFIG_HOME/conductor/config.json` (mode 0600): connection profiles and saved applications. The only file
/// that may hold an API key (a profile's), as the official CLI's config does.
public struct ConfigFile: Codable, Sendable, Hashable {
    /// A saved connection.
    public struct Profile: Codable, Sendable, Hashable {
        /// Server URL.
        public var server: String
        /// API key.
        public var apiKey: String
        /// Space name, nil for the default space.
        public var space: String?
    }

    /// A saved application.
    public struct SavedApplication: Codable, Sendable, Hashable {
        /// The stages.
        public var stages: [[String]]
        /// The parent project that supplies approvals, when the application came from `use parent`.
        public var parent: String?
    }

    /// Profiles by name.
    public var profiles: [String: Profile] = [:]
    /// The profile used when none is named.
    public var defaultProfile: String?
    /// Applications by name.
    public var applications: [String: SavedApplication] = [:]

    /// An empty config.
    public init() {}

    /// Reads the file (an empty config when it does not exist).
    /// - Throws: `ShellError.file` for an unreadable or malformed file.
    public static func load(_ url: URL) throws -> ConfigFile {
        guard let data = try PrivateFile.read(url) else { return ConfigFile() }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: data)
        } catch {
            throw ShellError.file(path: url.path, detail: "not a Conductor config file (\(error.localizedDescription)); fix or remove it")
        }
    }

    /// Writes the file with mode 0600.
    public func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try PrivateFile.write(try encoder.encode(self), to: url)
    }
}

/// The official Octopus CLI's `~/.config/octopus/cli_config.json`: `Url`, `ApiKey`, `Space`.
struct OctopusCLIConfig: Decodable {
    var url: String?
    var apiKey: String?
    var space: String?

    enum CodingKeys: String, CodingKey {
        case url = "Url", apiKey = "ApiKey", space = "Space"
    }

    static func load(_ url: URL) -> OctopusCLIConfig? {
        guard let data = try? PrivateFile.read(url) else { return nil }
        return try? JSONDecoder().decode(OctopusCLIConfig.self, from: data)
    }
}
