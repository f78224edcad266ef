import Foundation

/// A release-number filter with PowerShell `-like` semantics (step template §5.13.3).
///
/// The whole version must match, case-insensitively: `*` is any run of characters (also none), `?` exactly one
/// character, `[abc]` / `[a-c]` one character from a set or range, and a backtick escapes the next character.
/// A pattern without wildcards is therefore an exact (case-insensitive) version. A blank pattern matches every
/// version.
///
/// Departure B7: wildcards may stand anywhere (`2021.*.5`); only the literal text before the first wildcard is
/// offered to the server as `searchByVersion` (the template sent the pattern with every `*` removed, so interior
/// wildcards found nothing).
public struct VersionPattern: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a parsed pattern.
    enum Token: Sendable, Hashable {
        case literal(Character)
        case anyRun
        case anyOne
        case set([ClosedRange<Character>])
    }

    /// The pattern exactly as given (trimmed).
    public let text: String
    let tokens: [Token]

    /// The pattern that matches every version.
    public static let any = VersionPattern(validated: "")

    /// Parses a pattern.
    /// - Parameter text: the pattern, e.g. `2021.1.*`, `2021.1.0.14` or blank.
    /// - Throws: `OrchestrationError.invalidReleasePattern` for an unclosed `[` or a trailing backtick.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.text = trimmed
        self.tokens = try Self.parse(trimmed)
    }

    private init(validated text: String) {
        self.text = text
        self.tokens = (try? Self.parse(text)) ?? []
    }

    /// True when the pattern is blank and therefore filters nothing.
    public var isBlank: Bool { text.isEmpty }

    public var description: String { isBlank ? "(any)" : text }

    /// True when the pattern contains no wildcard, so it names one exact version.
    public var isExact: Bool { tokens.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// The literal text before the first wildcard, to send as `searchByVersion`; nil when there is none.
    public var serverSearchPrefix: String? {
        var prefix = ""
        for token in tokens {
            guard case .literal(let character) = token else { break }
            prefix.append(character)
        }
        return prefix.isEmpty ? nil : prefix
    }

    /// Whether `version` matches the whole pattern, ignoring case.
    public func matches(_ version: String) -> Bool {
        if isBlank { return true }
        let subject = Array(version.lowercased())
        // Iterative wildcard matching with one backtrack point for the last `*` (linear in practice).
        var s = 0, p = 0
        var starP = -1, starS = 0
        while s < subject.count {
            if p < tokens.count, Self.matchesOne(tokens[p], subject[s]) {
                s += 1; p += 1
            } else if p < tokens.count, tokens[p] == .anyRun {
                starP = p; starS = s; p += 1
            } else if starP >= 0 {
                p = starP + 1; starS += 1; s = starS
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }

    private static func matchesOne(_ token: Token, _ character: Character) -> Bool {
        switch token {
        case .literal(let literal): literal == character
        case .anyOne: true
        case .anyRun: false
        case .set(let ranges): ranges.contains { $0.contains(character) }
        }
    }

    private static func parse(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text.lowercased())[...]
        while let character = characters.popFirst() {
            switch character {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                tokens.append(.anyOne)
            case "`":
                guard let escaped = characters.popFirst() else {
                    throw OrchestrationError.invalidReleasePattern(text, reason: .trailingEscape)
                }
                tokens.append(.literal(escaped))
            case "[":
                guard let close = characters.firstIndex(of: "]") else {
                    throw OrchestrationError.invalidReleasePattern(text, reason: .unclosedSet)
                }
                let body = Array(characters[characters.startIndex..<close])
                characters = characters[(close + 1)...]
                guard !body.isEmpty else {
                    throw OrchestrationError.invalidReleasePattern(text, reason: .emptySet)
                }
                tokens.append(.set(setRanges(body)))
            default:
                tokens.append(.literal(character))
            }
        }
        return tokens
    }

    private static func setRanges(_ body: [Character]) -> [ClosedRange<Character>] {
        var ranges: [ClosedRange<Character>] = []
        var index = 0
        while index < body.count {
            let low = body[index]
            if index + 2 < body.count, body[index + 1] == "-", low <= body[index + 2] {
                ranges.append(low...body[index + 2])
                index += 3
            } else {
                ranges.append(low...low)
                index += 1
            }
        }
        return ranges
    }
}
