import Foundation

/// The record of created deployments that, with the server check in `deploy`, makes a repeated, resumed or
/// concurrent promotion never create a deployment twice.
///
/// Protocol: `deploy` runs `exclusively(key)` around look-up → server check → `claim` → `POST /deployments` →
/// `complete`, so two runs racing for one key (threads, processes, machines sharing the state directory) take turns:
/// the first creates, the second finds the first's entry and follows it. `abandon` drops a claim the server refused.
/// A claim without completion means "may exist": the next holder asks the server before creating.
///
/// Use `FileDeploymentLedger.standard()` (or `FileDeploymentLedger(directory:)`) for anything a person runs;
/// `InMemoryDeploymentLedger` only where nothing outlives the process (tests, the embedded sandbox).
public protocol DeploymentLedger: Sendable {
    /// Runs `body` holding `key`'s exclusive lock: no other caller of this ledger — in this process or another using
    /// the same store — runs a body for the same key meanwhile. The lock is released when `body` ends, or when the
    /// process dies.
    func exclusively<T: Sendable>(_ key: LedgerKey, _ body: @Sendable () async throws -> T) async throws -> T
    /// The entry for `key`, if any.
    func entry(for key: LedgerKey) async throws -> LedgerEntry?
    /// Records that `planId` is about to create `key`'s deployment (replacing an older entry for the key).
    func claim(_ key: LedgerKey, planId: UUID, at date: Date) async throws
    /// Records the deployment `key` stands for (created, or an existing one taken over).
    func complete(_ key: LedgerKey, planId: UUID, deploymentId: String, taskId: String, at date: Date) async throws
    /// Drops the claim of a deployment the server refused to create.
    func abandon(_ key: LedgerKey) async throws
    /// Every entry, oldest claim first.
    func entries() async throws -> [LedgerEntry]
}

/// A ledger that lives as long as the process (tests; the embedded sandbox, whose data dies with the process too).
public actor InMemoryDeploymentLedger: DeploymentLedger {
    private var stored: [LedgerKey: LedgerEntry] = [:]
    private let locks = KeyedLock<LedgerKey>()

    /// Creates an empty ledger.
    public init() {}

    public nonisolated func exclusively<T: Sendable>(_ key: LedgerKey, _ body: @Sendable () async throws -> T) async throws -> T {
        try await locks.withLock(key, body)
    }

    public func entry(for key: LedgerKey) -> LedgerEntry? { stored[key] }

    public func claim(_ key: LedgerKey, planId: UUID, at date: Date) {
        stored[key] = LedgerEntry(key: key, planId: planId, claimedAt: date)
    }

    public func complete(_ key: LedgerKey, planId: UUID, deploymentId: String, taskId: String, at date: Date) {
        stored[key] = LedgerEntry(key: key, planId: planId, claimedAt: stored[key]?.claimedAt ?? date, deploymentId: deploymentId, taskId: taskId)
    }

    public func abandon(_ key: LedgerKey) {
        stored[key] = nil
    }

    public func entries() -> [LedgerEntry] {
        stored.values.sorted { $0.claimedAt < $1.claimedAt }
    }
}

/// Mutual exclusion per key inside one process, for async code (waiters suspend; no thread blocks).
actor KeyedLock<Key: Hashable & Sendable> {
    private var held: Set<Key> = []
    private var waiters: [Key: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` while holding `key`.
    nonisolated func withLock<T: Sendable>(_ key: Key, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(key)
        do {
            let result = try await body()
            await release(key)
            return result
        } catch {
            await release(key)
            throw error
        }
    }

    private func acquire(_ key: Key) async {
        if held.insert(key).inserted { return }
        await withCheckedContinuation { waiters[key, default: []].append($0) }
    }

    private func release(_ key: Key) {
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue.isEmpty ? nil : queue
            next.resume()  // ownership passes to the next waiter; `held` keeps the key
        } else {
            held.remove(key)
        }
    }
}
