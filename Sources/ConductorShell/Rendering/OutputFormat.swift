import Foundation

/// How command results are printed on standard output (`-o`, shell-conventions.md §9).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One JSON document for programs.
    case json
    /// One id per line, for pipes (the official CLI's `basic`).
    case basic
}

extension OutputFormat {
    /// `value` as `-o json` prints it: pretty, key-sorted JSON, ISO 8601 dates, ending in a newline.
    static func jsonDocument(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
