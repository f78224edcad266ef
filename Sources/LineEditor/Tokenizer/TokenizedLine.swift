/// A line (or the part of it before the cursor) split into words by `Tokenizer`.
public struct TokenizedLine: Sendable, Equatable {
    /// The finished words before the last one, unescaped.
    public var words: [String]
    /// The last word, which is the word under the cursor when the text ended at the cursor.
    public var partial: PartialWord

    /// Creates a tokenized line.
    public init(words: [String], partial: PartialWord) {
        self.words = words
        self.partial = partial
    }

    /// True unless a quote is still open or the text ends in a backslash (more input is needed).
    public var isComplete: Bool { partial.openQuote == nil && !partial.endsInEscape }
}

/// The word at the end of the scanned text, as typed and as it means.
public struct PartialWord: Sendable, Equatable {
    /// The word with quotes removed and escapes resolved.
    public var text: String
    /// The word exactly as typed, from its first character to the end of the scanned text.
    public var raw: String
    /// `"` or `'` when that quote is open at the end of the text.
    public var openQuote: Character?
    /// True when the text ends in a backslash that still waits for the character it escapes.
    public var endsInEscape: Bool

    /// Creates a partial word.
    public init(text: String = "", raw: String = "", openQuote: Character? = nil, endsInEscape: Bool = false) {
        self.text = text
        self.raw = raw
        self.openQuote = openQuote
        self.endsInEscape = endsInEscape
    }

    /// Length of `raw` in Unicode scalars: what libedit's `el_deletestr` counts.
    public var rawScalarCount: Int { raw.unicodeScalars.count }
}
