import Foundation
import Hummingbird

/// A request's query parameters with Octopus's leniency: names case-insensitive, list values
/// comma-separated or repeated (`ids=a,b` and `ids=a&ids=b`), booleans `true`/`false`.
package struct QueryParameters: Sendable {
    private var values: [(name: String, value: String)]

    package init(_ request: Request) {
        values = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }

    package init(_ pairs: [(String, String)]) {
        values = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// All name/value pairs as sent (decoded).
    package var pairs: [(name: String, value: String)] { values }

    /// The first value of a parameter; nil when absent or empty.
    package func string(_ name: String) -> String? {
        values.first { $0.name.caseInsensitiveCompare(name) == .orderedSame && !$0.value.isEmpty }?.value
    }

    /// Every value of a list parameter, split on commas and trimmed; nil when absent.
    package func list(_ name: String) -> [String]? {
        let matching = values.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        guard !matching.isEmpty else { return nil }
        let items = matching.flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }

    /// An integer parameter; nil when absent, a 400 naming the parameter when not an integer.
    package func integer(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw SandboxError.badRequest(
                message: "The '\(name)' parameter must be a whole number, but was '\(text)'.")
        }
        return value
    }

    /// A boolean parameter; nil when absent, a 400 when neither `true` nor `false`.
    package func boolean(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw SandboxError.badRequest(message: "The '\(name)' parameter must be true or false, but was '\(text)'.")
        }
    }
}
