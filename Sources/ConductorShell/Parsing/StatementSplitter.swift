import Foundation

/// Splits one logical line into statements on `;` and drops a `#` comment, both only outside quotes (psql's
/// scanner does the same for `;`). Quotes and escapes are kept for the tokenizer, which reads each statement.
public enum StatementSplitter {
    /// The statements of `line`, trimmed, empty ones dropped.
    public static func statements(in line: String) -> [String] {
        split(line).parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The last statement as typed (untrimmed: a trailing space means a finished word), what Tab completes; nil when
    /// the line ends in a comment.
    public static func unfinishedStatement(in line: String) -> String? {
        let (parts, endsInComment) = split(line)
        return endsInComment ? nil : parts.last.map { String($0.drop { $0.isWhitespace }) }
    }

    private static func split(_ line: String) -> (parts: [String], endsInComment: Bool) {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        var atWordStart = true
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                current.append(character)
                if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\\":
                current.append(character)
                escaped = true
            case "'", "\"":
                current.append(character)
                quote = character
            case ";":
                statements.append(current)
                current = ""
            case "#" where atWordStart:
                // A comment runs to the end of the line; `#` inside a word (`C#`) is text.
                statements.append(current)
                return (statements, true)
            default:
                current.append(character)
            }
            atWordStart = character.isWhitespace || character == ";"
        }
        statements.append(current)
        return (statements, false)
    }
}
