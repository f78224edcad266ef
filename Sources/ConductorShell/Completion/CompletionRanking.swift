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
            guard let tier = tier(of: candidate.value, typed: typed, typedFolded: typedFolded) else { continue }
            if let current = bestTier, tier > current { continue }
            if let current = bestTier, tier < current { kept.removeAll(keepingCapacity: true) }
            bestTier = tier
            kept.append(candidate)
        }
        return unique(kept)
    }

    /// The tier `value` matches in, nil when it does not match at all.
    static func tier(of value: String, typed: [Unicode.Scalar], typedFolded: [Unicode.Scalar]) -> Tier? {
        // The usual case, a prefix as typed, without copying the name.
        if value.unicodeScalars.starts(with: typed) { return .prefix }
        if let tier = match(Array(value.unicodeScalars), typed, caseSensitive: true) { return tier }
        return match(folded(value), typedFolded, caseSensitive: false)
    }

    /// Lower case without accents. ASCII (most names) is folded by hand: Foundation's folding for every candidate
    /// of a large catalogue would cost more than the rest of the ranking.
    static func folded(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar.properties.isUppercase ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar)
            } else {
                scalars += String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
            }
        }
        return scalars
    }

    private static func match(_ value: [Unicode.Scalar], _ typed: [Unicode.Scalar], caseSensitive: Bool) -> Tier? {
        guard typed.count <= value.count else { return nil }
        if value.starts(with: typed) { return caseSensitive ? .prefix : .prefixIgnoringCase }
        if contains(value, typed) { return caseSensitive ? .substring : .substringIgnoringCase }
        var index = 0
        for scalar in value where index < typed.count && scalar == typed[index] { index += 1 }
        if index == typed.count { return caseSensitive ? .subsequence : .subsequenceIgnoringCase }
        return nil
    }

    private static func contains(_ value: [Unicode.Scalar], _ typed: [Unicode.Scalar]) -> Bool {
        guard let first = typed.first else { return true }
        var start = 0
        while start + typed.count <= value.count {
            if value[start] == first, value[start..<(start + typed.count)].elementsEqual(typed) { return true }
            start += 1
        }
        return false
    }

    private static func unique(_ candidates: [CompletionCandidate]) -> [CompletionCandidate] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0.value).inserted }
    }
}
