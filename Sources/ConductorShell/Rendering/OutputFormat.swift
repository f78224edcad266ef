/// How command results are printed on standard output (`-o`, shell-conventions.md §9).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One JSON document for programs.
    case json
    /// One id per line, for pipes (the official CLI's `basic`).
    case basic
}
