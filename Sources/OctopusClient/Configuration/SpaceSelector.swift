import Foundation

/// Which space the client works in, resolved once when the client connects.
public enum SpaceSelector: Sendable, Hashable, CustomStringConvertible {
    /// The server's default space (`IsDefault`).
    case `default`
    /// A space id such as `Spaces-1`.
    case id(String)
    /// A space name, matched exactly (case-insensitively) against `/api/spaces?partialName=`.
    case name(String)

    /// Reads a user's `--space` value: `Spaces-N` is an id, anything else a name, empty the default.
    public init(_ text: String?) {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty {
            self = .default
        } else if trimmed.range(of: #"^Spaces-\d+$"#, options: [.regularExpression, .caseInsensitive]) != nil {
            self = .id(trimmed)
        } else {
            self = .name(trimmed)
        }
    }

    public var description: String {
        switch self {
        case .default: "the default space"
        case .id(let id): id
        case .name(let name): "'\(name)'"
        }
    }
}
