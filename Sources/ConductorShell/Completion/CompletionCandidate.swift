import Foundation

/// One name Tab may put on the line, with the short description the outer shells show beside it.
public struct CompletionCandidate: Sendable, Equatable {
    /// The plain (unquoted) value.
    public var value: String
    /// What the description is made from: formatted when read, so a Tab over 2,000 releases formats only those it
    /// shows (the shell's own Tab never reads them).
    var about: About
    /// The value folded for ranking, when the catalogue has it already (else the ranking folds it).
    var folded: [Unicode.Scalar]?

    public init(_ value: String, _ description: String = "") {
        self.value = value
        about = .text(description)
    }

    init(_ value: String, about: About, folded: [Unicode.Scalar]? = nil) {
        self.value = value
        self.about = about
        self.folded = folded
    }

    /// A few words about it: a project's group, a release's channel and age, `next` for an environment.
    public var description: String {
        get {
            switch about {
            case .text(let text): text
            case .release(let channel, let created, let now): "\(channel), \(AgeText.text(from: created, to: now))"
            case .position(let position, let count): "\(position) of \(count)"
            }
        }
        set { about = .text(newValue) }
    }

    /// The parts of a description.
    enum About: Sendable {
        case text(String)
        case release(channel: String, created: Date, now: Date)
        case position(Int, of: Int)
    }

    public static func == (a: CompletionCandidate, b: CompletionCandidate) -> Bool {
        a.value == b.value && a.description == b.description
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
