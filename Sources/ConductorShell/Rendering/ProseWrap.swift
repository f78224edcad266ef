/// Prose messages broken between words at the terminal's width: left to the terminal, a long hint or note breaks
/// mid-word at 80 columns ("relea" / "se"). Only messages on a terminal are wrapped; pipes and files get each
/// message on one line, so what scripts read does not depend on a window.
public enum ProseWrap {
    /// `text` with each line longer than `width` columns broken at its last space that fits; a continuation keeps
    /// the line's own indentation. A word longer than the room is left whole (the terminal wraps it).
    public static func wrap(_ text: String, width: Int?) -> String {
        guard let width, width > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int) -> String {
        guard TableLayout.visibleWidth(line) > width else { return line }
        let indent = String(line.prefix(while: { $0 == " " }))
        // An indented line wider than the terminal is left alone when its indentation leaves no room for prose.
        guard indent.count < width / 2 else { return line }
        var lines: [String] = []
        var current = indent
        var currentWidth = indent.count
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = TableLayout.visibleWidth(String(word))
            let separator = currentWidth > indent.count ? 1 : 0
            if currentWidth > indent.count, currentWidth + separator + wordWidth > width {
                lines.append(current)
                current = indent + word
                currentWidth = indent.count + wordWidth
            } else {
                current += (separator == 1 ? " " : "") + word
                currentWidth += separator + wordWidth
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
