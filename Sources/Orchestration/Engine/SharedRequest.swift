import Foundation

/// Requests shared by every child of a run, made at most once per key: the first child that needs a value starts the
/// request and every other child awaits the same one (children run concurrently, so a plain dictionary would fetch a
/// lifecycle once per child that asked before the first answer came back).
actor SharedRequests<Key: Hashable & Sendable, Value: Sendable> {
    private var requests: [Key: Task<Value, any Error>] = [:]

    /// The value for `key`, fetching it with `fetch` only when no child has asked before.
    func value(for key: Key, fetch: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let existing = requests[key] { return try await existing.value }
        let request = Task { try await fetch() }
        requests[key] = request
        return try await request.value
    }
}
