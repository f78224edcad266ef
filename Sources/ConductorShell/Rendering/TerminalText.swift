/// Text from servers and from input made safe for a terminal: control characters (escape sequences that could clear
/// the screen or set the title) become visible `\u{…}` escapes or are dropped, and long input is cut.
public enum TerminalText {
    /// `text` with every C0/C1 control character except newline and tab replaced by `?`.
    public static func clean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(value) {
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
}
