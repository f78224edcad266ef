extension Sequence where Element: Sendable {
    /// Maps the elements concurrently with at most `limit` transforms running at once, returning the results in the
    /// sequence's order. This is how the engine bounds the requests it has in flight: each transform makes its
    /// requests one after another.
    ///
    /// When transforms fail, the error of the first failing element in sequence order is thrown (not whichever
    /// failed first in time), so a promotion reports the same error every run.
    func concurrentMap<T: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Element) async throws -> T
    ) async throws -> [T] {
        let items = Array(self)
        guard !items.isEmpty else { return [] }
        let results = await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            var results = [Result<T, any Error>?](repeating: nil, count: items.count)
            var next = 0
            func startNext() {
                let index = next
                let item = items[index]
                group.addTask {
                    do { return (index, .success(try await transform(item))) } catch { return (index, .failure(error)) }
                }
                next += 1
            }
            let width = Swift.min(Swift.max(1, limit), items.count)
            while next < width { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count { startNext() }
            }
            return results
        }
        return try results.map { result in
            guard let result else { throw CancellationError() }
            return try result.get()
        }
    }
}
