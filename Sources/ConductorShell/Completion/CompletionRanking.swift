import Foundation

/// Ranks candidates as fish does: prefix, then substring, then subsequence, each case-sensitive before
/// case-insensitive (which also ignores accents: `cafe` finds `Café`); only the best non-empty tier is kept. Within a tier the caller's order stands (lifecycle order,
/// newest release first, the application's projects first): an exact match is a prefix like the others, so
/// `2021.1.0.1` still lists after the newer `2021.1.0.15`.
public enum CompletionRanking {
    /// How a candidate matches the typed word; lower is better.
    enum Tier: Int, Comparable {
        case prefix, prefixIgnoringCase, substring, substringIgnoringCase, subsequence, subsequenceIgnoringCase
        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// The candidates of the best tier for `word`, duplicates dropped.
    public static func best(_ candidates: [CompletionCandidate], for word: String) -> [CompletionCandidate] {
        if word.isEmpty { return unique(candidates) }
        let typed = Array(word.unicodeScalars)
        let typedFolded = folded(word)
        var bestTier: Tier?
        var kept: [CompletionCandidate] = []
        for candidate in candidates {
            guard let tier = tier(of: candidate, typed: typed, typedFolded: typedFolded, prefixesOnly: bestTier == .prefix) else { continue }
            if let current = bestTier, tier > current { continue }
            if let current = bestTier, tier < current { kept.removeAll(keepingCapacity: true) }
            bestTier = tier
            kept.append(candidate)
        }
        return unique(kept)
    }

    /// The tier `candidate` matches in, nil when it does not match at all (or, with `prefixesOnly`, in another tier
    /// than `.prefix`: once a prefix matched, nothing else is kept). The value is matched in place, and the
    /// catalogue's folded form used when it has one: no copy of the name on the way.
    static func tier(of candidate: CompletionCandidate, typed: [Unicode.Scalar], typedFolded: [Unicode.Scalar], prefixesOnly: Bool = false) -> Tier? {
        let scalars = candidate.value.unicodeScalars
        if scalars.starts(with: typed) { return .prefix }
        if prefixesOnly { return nil }
        if let tier = match(scalars, typed, caseSensitive: true) { return tier }
        if let folded = candidate.folded { return match(folded, typedFolded, caseSensitive: false) }
        return match(folded(candidate.value), typedFolded, caseSensitive: false)
    }

    /// Lower case without accents. ASCII (most names) is folded by hand: Foundation's folding for every candidate
    /// of a large catalogue would cost more than the rest of the ranking.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar.properties.isUppercase ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar)
            } else {
                scalars += String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
            }
        }
        return scalars
    }

    private static func match<Scalars: Collection<Unicode.Scalar>>(_ value: Scalars, _ typed: [Unicode.Scalar], caseSensitive: Bool) -> Tier? {
        if value.starts(with: typed) { return caseSensitive ? .prefix : .prefixIgnoringCase }
        if contains(value, typed) { return caseSensitive ? .substring : .substringIgnoringCase }
        var index = 0
        for scalar in value where index < typed.count && scalar == typed[index] { index += 1 }
        if index == typed.count { return caseSensitive ? .subsequence : .subsequenceIgnoringCase }
        return nil
    }

    private static func contains<Scalars: Collection<Unicode.Scalar>>(_ value: Scalars, _ typed: [Unicode.Scalar]) -> Bool {
        guard let first = typed.first else { return true }
        var start = value.startIndex
        while start != value.endIndex {
            if value[start] == first, value[start...].starts(with: typed) { return true }
            value.formIndex(after: &start)
        }
        return false
    }

    private static func unique(_ candidates: [CompletionCandidate]) -> [CompletionCandidate] {
        var seen = Set<String>(minimumCapacity: candidates.count)
        return candidates.filter { seen.insert($0.value).inserted }
    }
}
