/// One name Tab may put on the line, with the short description the outer shells show beside it.
public struct CompletionCandidate: Sendable, Equatable {
    /// The plain (unquoted) value.
    public var value: String
    /// A few words about it: a project's group, a release's channel and age, `next` for an environment.
    public var description: String

    public init(_ value: String, _ description: String = "") {
        self.value = value
        self.description = description
    }
}

/// The completer's answer: the word under the cursor and the candidates of its best tier, in display order.
public struct CompletionResult: Sendable, Equatable {
    /// The partial word as typed (replaced whole by a unique candidate).
    public var word: String
    /// Candidates, best first.
    public var candidates: [CompletionCandidate]
    /// Whether a file path is expected (the outer shells then fall back to file completion).
    public var expectsFile: Bool
    /// Projects whose releases the line asks for and the catalogue has not read yet.
    public var wantsReleasesOf: [String] = []

    public init(word: String, candidates: [CompletionCandidate], expectsFile: Bool = false) {
        self.word = word
        self.candidates = candidates
        self.expectsFile = expectsFile
    }

    /// The values only.
    public var values: [String] { candidates.map(\.value) }
}
