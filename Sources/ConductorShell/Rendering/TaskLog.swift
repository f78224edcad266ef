import Foundation
import OctopusModel

/// A task's activity log as lines: each step (indented by depth) with its state, then its log messages. Each line
/// has a key, so `log --follow` prints only what it has not printed before as the tree grows.
public struct TaskLog: Sendable {
    /// One printed line.
    public struct Line: Sendable, Hashable {
        public var key: String
        public var text: String
    }

    public var lines: [Line]

    /// The lines of `nodes` (a task's `ActivityLogs`), times in `zone`.
    public init(_ nodes: [ActivityLogTreeNode], zone: TimeZone, style: Style) {
        var lines: [Line] = []
        func visit(_ node: ActivityLogTreeNode, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            lines.append(Line(key: node.id, text: indent + style.bold(TerminalText.clean(node.name))))
            for (index, entry) in node.logElements.enumerated() {
                let time = entry.occurredAt.map { Self.clock($0, zone) } ?? "        "
                let text = TerminalText.clean(entry.messageText).replacingOccurrences(of: "\n", with: "\n" + indent + "           ")
                lines.append(Line(key: "\(node.id)#\(index)", text: "\(indent)  \(style.dim(time)) \(Self.colour(text, entry.category, style))"))
            }
            for child in node.children { visit(child, depth: depth + 1) }
            if let finished = Self.finished(node.status) {
                lines.append(Line(key: "\(node.id)$", text: indent + Self.colour("\(finished) \(TerminalText.clean(node.name))", node.status, style)))
            }
        }
        for node in nodes { visit(node, depth: 0) }
        self.lines = lines
    }

    /// The whole log as text.
    public var text: String { lines.map { $0.text + "\n" }.joined() }

    /// How a finished step reads, nil while it runs.
    static func finished(_ status: ActivityStatus) -> String? {
        switch status {
        case .pending, .running: nil
        case .success: "✓ done:"
        case .successWithWarning: "✓ done with warnings:"
        case .failed: "✗ failed:"
        case .skipped: "– skipped:"
        case .canceled: "⊘ cancelled:"
        }
    }

    static func colour(_ text: String, _ category: ActivityLogCategory, _ style: Style) -> String {
        switch category {
        case .error, .fatal: style.red(text)
        case .warning: style.yellow(text)
        case .highlight: style.bold(text)
        case .verbose, .trace: style.dim(text)
        default: text
        }
    }

    static func colour(_ text: String, _ status: ActivityStatus, _ style: Style) -> String {
        switch status {
        case .success: style.green(text)
        case .successWithWarning: style.yellow(text)
        case .failed: style.red(text)
        default: style.dim(text)
        }
    }

    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
