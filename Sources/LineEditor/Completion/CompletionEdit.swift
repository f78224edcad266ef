/// What one Tab does to the line: delete the raw word before the cursor and insert its completion.
public struct CompletionEdit: Sendable, Equatable {
    /// Unicode scalars to delete before the cursor (libedit's `el_deletestr` counts scalars).
    public var deleteScalars: Int
    /// Text to insert at the cursor.
    public var insertion: String
    /// The candidates that match the word, in the caller's order, without duplicates.
    public var matches: [String]
    /// Whether `matches` are in the caller's ranked order, which the listing keeps (newest release first).
    public var isOrdered: Bool

    /// Creates an edit.
    public init(deleteScalars: Int, insertion: String, matches: [String], isOrdered: Bool = false) {
        self.deleteScalars = deleteScalars
        self.insertion = insertion
        self.matches = matches
        self.isOrdered = isOrdered
    }

    /// True when applying the edit changes the line.
    public var changesLine: Bool { deleteScalars > 0 || !insertion.isEmpty }

    /// Works out the edit for a proposal the way bash does: a unique match replaces the word,
    /// quoted like the user typed it and followed by a space; several matches extend the word to
    /// their longest common prefix (quote left open); otherwise nothing changes.
    public init(_ proposal: CompletionProposal) {
        let word = proposal.word
        var seen = Set<String>()
        let matches = proposal.candidates.filter { (proposal.isRanked || $0.hasPrefix(word.text)) && seen.insert($0).inserted }
        self.init(deleteScalars: 0, insertion: "", matches: matches, isOrdered: proposal.isRanked)

        let replacement: String
        if matches.count == 1 {
            replacement = WordQuoting.quote(matches[0], like: word, closing: true) + " "
        } else if let prefix = Self.longestCommonPrefix(of: matches), prefix.count > word.text.count,
                  prefix.lowercased().hasPrefix(word.text.lowercased()) {
            replacement = WordQuoting.quote(prefix, like: word, closing: false)
        } else {
            return
        }
        if replacement != word.raw {
            deleteScalars = word.rawScalarCount
            insertion = replacement
        }
    }

    /// Applies the edit to the text before the cursor (what libedit does with the edit).
    public func applied(to lineBeforeCursor: String) -> String {
        var scalars = lineBeforeCursor.unicodeScalars
        scalars.removeLast(min(deleteScalars, scalars.count))
        return String(scalars) + insertion
    }

    /// The longest prefix, in characters, shared by all of `names`; nil for no names.
    static func longestCommonPrefix(of names: [String]) -> String? {
        guard let first = names.first else { return nil }
        var prefix = first[...]
        for name in names.dropFirst() {
            let shared = zip(prefix, name).prefix { $0 == $1 }.count
            prefix = prefix.prefix(shared)
        }
        return String(prefix)
    }
}
