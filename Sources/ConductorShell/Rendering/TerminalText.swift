/// Text from servers and from input made safe for a terminal: a renamed environment such as `"\u{1B}]0;x\u{07}"` or a
/// release note with `ESC [2J` must never clear the screen or set the window title.
public enum TerminalText {
    /// `text` with every C0/C1 control character except newline and tab replaced by `?` (input quoted back, where
    /// the reader should see that something was there).
    public static func clean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) && scalar != "\n" && scalar != "\t" {
                result.unicodeScalars.append("?")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Input quoted back in messages, cut to 80 characters.
    public static func short(_ text: String) -> String {
        let cleaned = clean(text)
        return cleaned.count > 80 ? String(cleaned.prefix(77)) + "…" : cleaned
    }

    /// `text` without control characters (progress lines, tables, messages); `keepingLineBreaks` keeps `\n` and
    /// `\t` (a lone carriage return, which could overwrite a line, never).
    public static func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLineBreaks, scalar == "\n" || scalar == "\t" {
                scalars.append(scalar)
            } else if !isControl(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
