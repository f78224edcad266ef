import Foundation

/// A step or action `Properties` bag: property name to plain string value, e.g.
/// `Octopus.Action.TargetRoles: "web-server,api"`.
///
/// Sensitive properties arrive as `{"HasValue": true, "NewValue": null}` objects; their values are
/// never readable, so decoding keeps only the names of plain-string properties and drops the rest.
public struct PropertyBag: Codable, Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The plain-string properties.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value of a property, or nil when absent.
    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// A comma-separated property split into trimmed, non-empty parts (e.g. target roles or team ids).
    public func list(_ name: String) -> [String] {
        guard let value = values[name] else { return [] }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PropertyName.self)
        var values: [String: String] = [:]
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) {
                values[key.stringValue] = text
            }
        }
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PropertyName.self)
        for (name, value) in values {
            try container.encode(value, forKey: PropertyName(name))
        }
    }

    private struct PropertyName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension PropertyBag {
    /// `Octopus.Action.TargetRoles`: the roles a step runs on (comma-separated).
    public static let targetRoles = "Octopus.Action.TargetRoles"
    /// `Octopus.Action.Manual.Instructions`: markdown shown in a manual intervention.
    public static let manualInstructions = "Octopus.Action.Manual.Instructions"
    /// `Octopus.Action.Manual.ResponsibleTeamIds`: teams allowed to approve (comma-separated).
    public static let manualResponsibleTeamIds = "Octopus.Action.Manual.ResponsibleTeamIds"
    /// `Octopus.Action.Manual.BlockConcurrentDeployments`.
    public static let manualBlockConcurrentDeployments = "Octopus.Action.Manual.BlockConcurrentDeployments"
    /// `Octopus.Action.Script.ScriptBody`.
    public static let scriptBody = "Octopus.Action.Script.ScriptBody"
    /// `Octopus.Action.RunOnServer`: "true" when the step runs on a worker rather than targets.
    public static let runOnServer = "Octopus.Action.RunOnServer"
    /// `Octopus.Action.MaxParallelism`.
    public static let maxParallelism = "Octopus.Action.MaxParallelism"
}
