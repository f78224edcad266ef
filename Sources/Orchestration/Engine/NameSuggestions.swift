/// The closest existing names to a name that was not found, for "Did you mean …?".
public enum NameSuggestions {
    /// Up to three names that contain the wanted name (or it them), or are within a small edit distance.
    public static func closest(to wanted: String, among names: [String]) -> [String] {
        let target = wanted.lowercased()
        let containing = names.filter { $0.lowercased().contains(target) || target.contains($0.lowercased()) }
        if !containing.isEmpty { return Array(containing.prefix(3)) }
        let scored = names.map { ($0, distance(target, $0.lowercased())) }
            .filter { $0.1 <= max(2, target.count / 3) }
            .sorted { $0.1 < $1.1 }
        return scored.prefix(3).map(\.0)
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
