/// Where history lives, how much of it is kept and which lines may enter it.
public struct HistoryPolicy: Sendable {
    /// The history file (libedit format); nil keeps history in memory only.
    public var file: String?
    /// The most entries kept in memory and in the file.
    public var limit: Int
    /// The file is rewritten after this many new entries (and always by `saveHistory()`).
    public var saveInterval: Int
    /// Decides whether a line (as typed) may be stored; lines it rejects are never stored.
    public var accepts: @Sendable (String) -> Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - file: the history file, or nil for memory only.
    ///   - limit: the most entries kept.
    ///   - saveInterval: new entries between automatic saves.
    ///   - accepts: the filter; `HistoryPolicy.skipsLeadingSpace` by default.
    public init(
        file: String? = nil,
        limit: Int = 1000,
        saveInterval: Int = 10,
        accepts: @escaping @Sendable (String) -> Bool = HistoryPolicy.skipsLeadingSpace
    ) {
        self.file = file
        self.limit = max(1, limit)
        self.saveInterval = max(1, saveInterval)
        self.accepts = accepts
    }

    /// The bash `ignorespace` convention: a line typed with a leading space is kept out of history.
    public static let skipsLeadingSpace: @Sendable (String) -> Bool = { line in
        !(line.first?.isWhitespace ?? false)
    }

    /// The entry stored for `line`, or nil when it must not be stored (blank or rejected).
    /// Whitespace is trimmed because completion leaves a trailing space.
    func entry(for line: String) -> String? {
        guard accepts(line) else { return nil }
        let trimmed = line.drop { $0.isWhitespace }
        let entry = String(trimmed.reversed().drop { $0.isWhitespace }.reversed())
        return entry.isEmpty ? nil : entry
    }
}
