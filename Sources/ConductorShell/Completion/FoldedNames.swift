import Synchronization

/// A catalogue list's names folded for ranking (lower case, no accents), worked out on the list's first
/// case-insensitive Tab and kept with it: folding 2,000 names on every Tab cost more than the rest of the ranking.
/// The snapshot gives each list a new one whenever the list changes, so the memo always matches its list.
final class FoldedNames: Sendable, Equatable {
    private let memo = Mutex<[[Unicode.Scalar]]?>(nil)

    init() {}

    /// The folded form of each of `names` (the list this memo belongs to), in order.
    func of<Names: Collection<String>>(_ names: Names) -> [[Unicode.Scalar]] {
        if let folded = memo.withLock({ $0 }), folded.count == names.count { return folded }
        let folded = names.map(CompletionRanking.folded)
        memo.withLock { $0 = folded }
        return folded
    }

    /// A cache, not data: two snapshots with the same names are equal whatever their memos hold.
    static func == (a: FoldedNames, b: FoldedNames) -> Bool { true }
}
