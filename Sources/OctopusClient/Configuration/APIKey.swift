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

    /// `API-****` followed by the key's last four characters — only for a well-formed key of more than 8
    /// characters; anything else (a pasted password, a key with a line break) shows no character of it.
    public var redacted: String {
        value.count <= 8 || !isWellFormed ? "API-****" : "API-****" + value.suffix(4)
    }

    /// Whether the key has Octopus's format: `API-` followed by upper-case letters and digits (`API-[A-Z0-9]+`).
    public var isWellFormed: Bool {
        value.hasPrefix("API-") && value.utf8.count > 4
            && value.utf8.dropFirst(4).allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Why the key cannot be an Octopus API key, in words that quote none of it; nil when well-formed.
    public var formatProblem: String? {
        if isWellFormed { return nil }
        if value.isEmpty { return "it is empty" }
        if !value.hasPrefix("API-") { return "it does not start with 'API-'" }
        if value.utf8.count == 4 { return "nothing follows 'API-'" }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it contains a control character (a line break?)" }
        return "after 'API-' it may only hold upper-case letters A-Z and digits"
    }

    /// `text` with every occurrence of the key replaced by its redacted form (for error bodies a server or proxy
    /// echoed the key into).
    public func scrubbing(_ text: String) -> String {
        guard !value.isEmpty, text.contains(value) else { return text }
        return text.replacingOccurrences(of: value, with: redacted)
    }

    public var description: String { redacted }
    public var debugDescription: String { redacted }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": redacted]) }
}
