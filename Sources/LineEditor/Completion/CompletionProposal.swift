/// The caller's answer to a Tab: the word being completed and the names that could replace it.
public struct CompletionProposal: Sendable, Equatable {
    /// The word under the cursor as the tokenizer saw it; the whole raw word is replaced.
    public var word: PartialWord
    /// Plain (unquoted) names; those that do not start with `word.text` are ignored.
    public var candidates: [String]
    /// The caller already chose and ordered the candidates (a fuzzy match may not start with the word): keep them
    /// all, in this order, in the edit and the listing.
    public var isRanked: Bool

    /// Creates a proposal for `word`.
    public init(word: PartialWord, candidates: [String], isRanked: Bool = false) {
        self.word = word
        self.candidates = candidates
        self.isRanked = isRanked
    }

    /// Tokenizes `lineBeforeCursor` and asks `candidates` for the names that fit after its
    /// finished words (for example `["use", "project"]` → project names).
    /// - Parameters:
    ///   - lineBeforeCursor: the line up to the cursor.
    ///   - candidates: the names allowed after the given finished words.
    public init(lineBeforeCursor: String, candidates: (_ finishedWords: [String]) -> [String]) {
        let tokens = Tokenizer.scan(lineBeforeCursor)
        self.init(word: tokens.partial, candidates: candidates(tokens.words))
    }
}

/// The completion function a caller supplies: the line before the cursor → the word to replace
/// and its candidates. It runs synchronously on Tab, so it must answer from memory (a cache).
public typealias CompletionSource = @Sendable (_ lineBeforeCursor: String) -> CompletionProposal
