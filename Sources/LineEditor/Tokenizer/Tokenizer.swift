/// Splits shell input into words: whitespace separates words, `'…'` keeps everything literally,
/// `"…"` keeps everything except `\"` and `\\`, and a backslash outside quotes escapes any character.
/// A backslash before a newline joins lines. Adjacent quoted and unquoted parts form one word
/// (`a"b c"d` is `ab cd`), and `""` is an empty word.
///
/// Parsing (`words(in:)`) and completion (`scan(_:)` of the text before the cursor) use the same
/// scanner, so whatever completion inserts parses back to the candidate.
public enum Tokenizer {
    /// Scans `text` (typically the line before the cursor) without failing on open quotes.
    /// - Returns: the finished words and the word under the cursor.
    public static func scan(_ text: Substring) -> TokenizedLine {
        var scanner = Scanner()
        for scalar in text.unicodeScalars {
            scanner.consume(scalar)
        }
        return scanner.result
    }

    /// Scans `text` without failing on open quotes; see `scan(_:)` for a substring.
    public static func scan(_ text: String) -> TokenizedLine {
        scan(text[...])
    }

    /// Scans `line` up to `cursor`: the word under the cursor is the partial word of the result.
    public static func scan(_ line: String, cursor: String.Index) -> TokenizedLine {
        scan(line[..<cursor])
    }

    /// Splits a complete line into words.
    /// - Throws: `LineEditorError.unterminatedQuote` or `.danglingBackslash` for incomplete input.
    public static func words(in line: String) throws(LineEditorError) -> [String] {
        var scanner = Scanner()
        for scalar in line.unicodeScalars {
            scanner.consume(scalar)
        }
        let result = scanner.result
        if let quote = result.partial.openQuote {
            throw .unterminatedQuote(quote, line: line)
        }
        if result.partial.endsInEscape {
            throw .danglingBackslash(line: line)
        }
        return scanner.hasWord ? result.words + [result.partial.text] : result.words
    }
}

/// The scanner's state machine, one Unicode scalar at a time.
private struct Scanner {
    private enum State {
        case unquoted
        case escaped
        case singleQuoted
        case doubleQuoted
        case escapedInDoubleQuotes
        /// After a `#` that starts a word, to the end of the physical line: a comment's quotes (`# it's`) open
        /// nothing, so a command file's comment never swallows the lines after it.
        case comment
    }

    private var state = State.unquoted
    private var words: [String] = []
    private var text = String.UnicodeScalarView()
    private var raw = String.UnicodeScalarView()
    /// A word has started even if its text is empty (`""`).
    private(set) var hasWord = false

    mutating func consume(_ scalar: Unicode.Scalar) {
        switch state {
        case .unquoted:
            if scalar.properties.isWhitespace {
                finishWord()
                return
            }
            if scalar == "#" && !hasWord {
                state = .comment
                return
            }
            raw.append(scalar)
            switch scalar {
            case "\\": state = .escaped
            case "'": state = .singleQuoted
            case "\"": state = .doubleQuoted
            default: text.append(scalar)
            }
            hasWord = true
        case .escaped:
            raw.append(scalar)
            if scalar != "\n" { text.append(scalar) }
            state = .unquoted
        case .singleQuoted:
            raw.append(scalar)
            if scalar == "'" { state = .unquoted } else { text.append(scalar) }
        case .doubleQuoted:
            raw.append(scalar)
            switch scalar {
            case "\"": state = .unquoted
            case "\\": state = .escapedInDoubleQuotes
            default: text.append(scalar)
            }
        case .escapedInDoubleQuotes:
            raw.append(scalar)
            switch scalar {
            case "\"", "\\": text.append(scalar)
            case "\n": break
            default:
                // Like POSIX shells: inside double quotes a backslash only escapes " and \.
                text.append("\\")
                text.append(scalar)
            }
            state = .doubleQuoted
        case .comment:
            if scalar == "\n" { state = .unquoted }
        }
    }

    private mutating func finishWord() {
        if hasWord { words.append(String(text)) }
        text = String.UnicodeScalarView()
        raw = String.UnicodeScalarView()
        hasWord = false
    }

    var result: TokenizedLine {
        let openQuote: Character?
        switch state {
        case .singleQuoted: openQuote = "'"
        case .doubleQuoted, .escapedInDoubleQuotes: openQuote = "\""
        case .unquoted, .escaped, .comment: openQuote = nil
        }
        let partial = PartialWord(
            text: String(text),
            raw: String(raw),
            openQuote: openQuote,
            endsInEscape: state == .escaped || state == .escapedInDoubleQuotes
        )
        return TokenizedLine(words: words, partial: partial)
    }
}
