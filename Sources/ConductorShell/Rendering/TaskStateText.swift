import OctopusModel

/// How a task's state reads and is coloured everywhere the shell shows one, like the Octopus dashboard: green
/// success, red failed, yellow executing or queued, and a symbol that says the same without colour.
public enum TaskStateText {
    /// The symbol for a state; a task waiting on a person shows `!` whatever else it is doing.
    public static func symbol(_ state: TaskState, waitingForPerson: Bool = false) -> String {
        if waitingForPerson && !state.isCompleted { return "!" }
        switch state {
        case .success: return "✓"
        case .failed, .timedOut: return "✗"
        case .executing: return "●"
        case .queued: return "◷"
        case .canceled, .cancelling: return "⊘"
        }
    }

    /// The word for a state: `Success`, `Failed`, `Waiting` (for a person), `Timed out`.
    public static func word(_ state: TaskState, waitingForPerson: Bool = false) -> String {
        if waitingForPerson && !state.isCompleted { return "Waiting" }
        switch state {
        case .timedOut: return "Timed out"
        case .canceled: return "Cancelled"
        default: return state.rawValue
        }
    }

    /// `text` coloured for `state`.
    public static func colour(_ text: String, _ state: TaskState, waitingForPerson: Bool = false, style: Style) -> String {
        if waitingForPerson && !state.isCompleted { return style.boldYellow(text) }
        switch state {
        case .success: return style.green(text)
        case .failed, .timedOut: return style.red(text)
        case .executing, .queued, .cancelling: return style.yellow(text)
        case .canceled: return style.dim(text)
        }
    }

    /// The legend under a matrix, wrapped to `width` columns (nil: one line).
    public static func legend(style: Style, width: Int? = nil) -> String {
        let entries: [(String, (String) -> String)] = [
            ("✓ success", style.green), ("✗ failed", style.red), ("● executing", style.yellow), ("◷ queued", style.yellow),
            ("! waiting for a person", style.boldYellow), ("⊘ cancelled", style.dim), ("· never deployed", style.dim),
        ]
        var lines: [[String]] = [[]]
        var used = 0
        for (text, paint) in entries {
            if let width, !lines[lines.count - 1].isEmpty, used + 2 + text.count > width {
                lines.append([])
                used = 0
            }
            used += (lines[lines.count - 1].isEmpty ? 0 : 2) + text.count
            lines[lines.count - 1].append(paint(text))
        }
        return lines.map { $0.joined(separator: "  ") }.joined(separator: "\n")
    }
}
