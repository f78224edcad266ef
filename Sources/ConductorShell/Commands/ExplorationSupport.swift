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
    /// - Throws: `OrchestrationError.notFound` with the closest names (`kind`: "project", "environment"), or all of
    ///   them when none is close and they are few (a space's environments).
    static func named<Item>(_ name: String, among items: [Item], kind: String, name key: (Item) -> String) throws -> Item {
        if let item = items.first(where: { key($0) == name }) ?? items.first(where: { key($0).caseInsensitiveCompare(name) == .orderedSame }) {
            return item
        }
        let names = items.map(key)
        let close = NameSuggestions.closest(to: name, among: names)
        throw OrchestrationError.notFound(kind: kind, name: name, suggestions: close.isEmpty && names.count <= 8 ? names : close)
    }

    /// `body`'s answer, with the server's 404 for `id` said as "No task ServerTasks-9 in this space" and the
    /// command that lists them, rather than as an HTTP failure.
    static func lookingUp<T>(_ kind: String, _ id: String, listedBy: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch OctopusClientError.http(let failure) where failure.status == 404 {
            throw ShellError.noSuchItem(kind: kind, id: id, listedBy: listedBy)
        }
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
