/// Writes a completed name back into the line in the quoting style the user already chose, so
/// the tokenizer reads it back as the name.
public enum WordQuoting {
    private enum Style {
        case backslashes
        case doubleQuotes
        case singleQuotes
    }

    /// Quotes `name` like `word`: inside the quote the user opened (or started the word with),
    /// otherwise with backslash escapes as bash does.
    /// - Parameters:
    ///   - name: the completed name, unescaped.
    ///   - word: the word being completed, as typed.
    ///   - closing: close the quote (a unique, finished match).
    /// - Returns: the text that replaces the word.
    static func quote(_ name: String, like word: PartialWord, closing: Bool) -> String {
        switch style(of: word, for: name) {
        case .backslashes:
            return escapedWithBackslashes(name)
        case .doubleQuotes:
            var quoted = "\""
            for scalar in name.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted.unicodeScalars.append("\\") }
                quoted.unicodeScalars.append(scalar)
            }
            return closing ? quoted + "\"" : quoted
        case .singleQuotes:
            return closing ? "'" + name + "'" : "'" + name
        }
    }

    private static func style(of word: PartialWord, for name: String) -> Style {
        let quote = word.openQuote ?? word.raw.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        switch quote {
        case "\"": return .doubleQuotes
        // Nothing can escape ' inside single quotes: fall back to backslashes for the whole word.
        case "'": return name.contains("'") ? .backslashes : .singleQuotes
        default: return .backslashes
        }
    }

    /// Escapes exactly what the tokenizer treats specially: whitespace, quotes and backslash.
    public static func escapedWithBackslashes(_ name: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\"" || scalar == "'" || scalar == "\\" {
                escaped.append("\\")
            }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
