import Foundation
import OctopusClient
import OctopusModel
import Orchestration

/// What the exploration commands (shell.md §6) share: the output format, names resolved with the closest ones
/// offered, JSON encoding, and how times read.
enum ExplorationSupport {
    /// The output format: the command's `-o`, else the `output` variable.
    static func format(_ invocation: Invocation, _ session: Session) -> OutputFormat {
        invocation["output"].flatMap(OutputFormat.init(rawValue:)) ?? session.settings.output
    }

    /// The item named `name` (exact, then case-insensitive) among `items`.
    /// - Throws: `OrchestrationError.notFound` with the closest names (`kind`: "project", "environment").
    static func named<Item>(_ name: String, among items: [Item], kind: String, name key: (Item) -> String) throws -> Item {
        if let item = items.first(where: { key($0) == name }) ?? items.first(where: { key($0).caseInsensitiveCompare(name) == .orderedSame }) {
            return item
        }
        throw OrchestrationError.notFound(kind: kind, name: name, suggestions: NameSuggestions.closest(to: name, among: items.map(key)))
    }

    /// The project named `name`, from one listing of the space's projects.
    static func project(named name: String, client: OctopusClient) async throws -> Project {
        try named(name, among: try await client.allProjects(), kind: "project", name: \.name)
    }

    /// `value` as every `-o json` prints it.
    static func json(_ value: some Encodable) -> String {
        OutputFormat.jsonDocument(value)
    }

    /// One id per line (`-o basic`).
    static func basic(_ ids: [String]) -> String {
        ids.map { TerminalText.clean($0) + "\n" }.joined()
    }

    /// A time as tables show it, in `zone`: `2026-12-01 14:05`.
    static func time(_ date: Date?, in zone: TimeZone) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The `--limit` option.
    static func limitOption(_ defaultValue: Int) -> ParameterSpec {
        .option("limit", .count, help: "At most N (default \(defaultValue))")
    }
}
