import Foundation
import Orchestration

/// `history`: past plans of this machine and how they ended.
enum HistoryCommand {
    static let spec = CommandSpec(
        "history", group: .exploration, abstract: "Past plans of this machine and how they ended",
        examples: ["history", "history --limit 5"],
        parameters: [.option("limit", .count, help: "Only the newest N (default 20)")],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let limit = invocation["limit"].flatMap(Int.init) ?? 20
        let entries = try session.planStore.history().suffix(limit).reversed()
        var rows = entries.map { entry in
            [String(entry.planId.uuidString.prefix(8)), Self.format(entry.endedAt), entry.destination, entry.projects.joined(separator: ", "), entry.result]
        }
        if let open = session.openPlan {
            rows.insert([String(open.plan.id.uuidString.prefix(8)), "open", open.plan.destination.name, open.plan.children.map(\.project.name).joined(separator: ", "), open.staleReason.map { "stale: \($0)" } ?? PromptRenderer.stepName(open.plan.step)], at: 0)
        }
        if rows.isEmpty {
            io.output.message("No plans yet on this machine.")
            return CommandOutcome(session)
        }
        io.output.write(TerminalText.clean(TableLayout(header: ["PLAN", "ENDED", "TO", "PROJECTS", "RESULT"], rows: rows).render(style: io.style)))
        return CommandOutcome(session)
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
