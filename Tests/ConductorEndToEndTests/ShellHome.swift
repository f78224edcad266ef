import Foundation

/// A fresh home for one shell run: its own XDG folders (config, state, cache, data) under a temporary directory,
/// no OCTOPUS_* variables unless given, so the embedded sandbox (persisted in the data folder) is used.
struct ShellHome: Sendable {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-shell-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// The environment for a run.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var variables = ProcessInfo.processInfo.environment
        for name in ["OCTOPUS_URL", "OCTOPUS_API_KEY", "OCTOPUS_SPACE", "NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR"] { variables[name] = nil }
        variables["HOME"] = root.path
        variables["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        variables["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        variables["XDG_CACHE_HOME"] = root.appendingPathComponent("cache").path
        variables["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        variables.merge(extra) { $1 }
        return variables
    }

    /// Runs `conductor arguments…` here.
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> ConductorBinary.Outcome {
        try ConductorBinary.located().run(arguments, environment: environment(extra), directory: root, input: input)
    }

    /// Writes a command file and returns its path.
    func script(_ name: String, _ lines: [String]) throws -> String {
        let url = root.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every file under the home, as text (for the "the key appears nowhere" check).
    func allFileContents() -> String {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return "" }
        var text = ""
        for case let url as URL in enumerator {
            if let data = try? Data(contentsOf: url) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }
}
