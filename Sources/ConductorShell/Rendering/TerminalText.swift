/// Text that came from a server or from a flag, made safe to print on a terminal.
///
/// A renamed environment such as `"\u{1B}]0;x\u{07}"` or a release note with `ESC [2J` must never clear the screen
/// or set the window title: every C0 and C1 control character, and DEL, is removed. Tabs and line breaks are kept
/// only where the caller allows them (multi-line notes); a lone carriage return, which could overwrite a line, never.
public enum TerminalText {
    /// `text` without control characters; `keepingLineBreaks` keeps `\n` and `\t`.
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
