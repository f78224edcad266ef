import Foundation
import Orchestration

/// The session variables that are set (unset ones take their defaults), checked through `SettingSpec`.
public struct Settings: Sendable, Hashable, Codable {
    /// Values by name, normalised.
    public private(set) var values: [String: String] = [:]

    /// No variable set.
    public init() {}

    /// The value of `name`, nil when unset.
    public subscript(_ name: String) -> String? { values[name] }

    /// Sets a variable after checking it.
    /// - Throws: `ShellError.unknownSetting` (with the valid names) or `.invalidSetting`.
    public mutating func set(_ name: String, _ value: String) throws {
        guard let spec = SettingSpec.named(name) else {
            throw ShellError.unknownSetting(name, suggestions: NameSuggestions.closest(to: name, among: SettingSpec.all.map(\.name)))
        }
        values[name] = try spec.normalise(value)
    }

    /// Clears a variable.
    /// - Throws: `ShellError.unknownSetting` for a name that is no variable.
    public mutating func unset(_ name: String) throws {
        guard SettingSpec.named(name) != nil else {
            throw ShellError.unknownSetting(name, suggestions: NameSuggestions.closest(to: name, among: SettingSpec.all.map(\.name)))
        }
        values[name] = nil
    }

    /// Whether an on/off variable is on (its default when unset).
    public func isOn(_ name: String, default defaultValue: Bool) -> Bool {
        guard let value = values[name] else { return defaultValue }
        return value == "on"
    }

    /// The prompted variables set with `set variable.NAME VALUE`.
    public var promptedVariables: [PromptedVariable] {
        values.keys.filter { $0.hasPrefix("variable.") }.sorted().map { key in
            PromptedVariable(name: String(key.dropFirst("variable.".count)), value: values[key] ?? "")
        }
    }

    /// The output format.
    public var output: OutputFormat { values["output"].flatMap(OutputFormat.init(rawValue:)) ?? .table }

    /// The wait timeout in seconds.
    public var timeout: Double { values["timeout"].flatMap(DurationText.seconds) ?? 1800 }

    /// Environments that need their name typed to confirm: the `protect` list, or names containing `prod`.
    public func isProtected(_ environment: String) -> Bool {
        if let list = values["protect"] {
            return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.contains(environment.lowercased())
        }
        return environment.lowercased().contains("prod")
    }
}
