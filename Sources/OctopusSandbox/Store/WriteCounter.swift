import Synchronization

/// How many write transactions the store has run: a generation of its data that a cache compares without a trip to
/// the database's serial queue (issue 10: a request's key and permission checks each cost one).
///
/// Every write goes through ``SandboxStore/write(_:)``, which advances it inside the transaction; reads and writes
/// share one serial queue, so a read sees the count of the writes before it, and a value read at a count stays true
/// until the count moves. (A failed write advances it too: a needless miss, never a stale hit.)
package final class WriteCounter: Sendable {
    private let writes = Atomic<Int>(0)

    package init() {}

    /// The writes so far.
    package var current: Int { writes.load(ordering: .acquiring) }

    /// Counts one more write.
    func advance() {
        writes.wrappingAdd(1, ordering: .releasing)
    }
}
