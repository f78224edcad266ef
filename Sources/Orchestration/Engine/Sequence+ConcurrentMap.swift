extension Sequence where Element: Sendable {
    /// Maps the elements concurrently with at most `limit` transforms running at once, returning the results in the
    /// sequence's order. This is how the engine bounds the requests it has in flight: each transform makes its
    /// requests one after another.
    func concurrentMap<T: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Element) async throws -> T
    ) async throws -> [T] {
        let items = Array(self)
        guard !items.isEmpty else { return [] }
        return try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: items.count)
            var next = 0
            func startNext() {
                let index = next
                let item = items[index]
                group.addTask { (index, try await transform(item)) }
                next += 1
            }
            let width = Swift.min(Swift.max(1, limit), items.count)
            while next < width { startNext() }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < items.count { startNext() }
            }
            return results.compactMap { $0 }
        }
    }
}
