import Foundation

/// Runs blocking work (a whole `conductor` run, a raw socket exchange) on a thread of its own, so a test that
/// blocks does not hold the cooperative pool (two threads on a two-core machine) and starve every other test —
/// an in-process sandbox among them, whose handlers run on that pool.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
