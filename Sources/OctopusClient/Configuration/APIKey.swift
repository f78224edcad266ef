import Foundation

/// An Octopus API key that never prints.
///
/// `description`, `debugDescription` and string interpolation all show the redacted form
/// `API-****1234` (the last four characters), so a key that ends up in a log line, an error or a
/// test snapshot cannot leak. Only the request layer reads `revealed`.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps a key such as `API-ABCDEF1234`.
    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The key itself, for the `X-Octopus-ApiKey` header only.
    public var revealed: String { value }

    /// `API-****` followed by the key's last four characters.
    public var redacted: String {
        value.count <= 8 ? "API-****" : "API-****" + value.suffix(4)
    }

    /// Whether the key looks like an Octopus API key (`API-` followed by letters and digits).
    public var isWellFormed: Bool {
        value.hasPrefix("API-") && value.count > 4
            && value.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber }
    }

    public var description: String { redacted }
    public var debugDescription: String { redacted }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted]) }
}
