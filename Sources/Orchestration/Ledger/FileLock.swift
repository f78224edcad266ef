import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive `flock(2)` locks on files, shared correctly between processes (and between threads of one process:
/// each lock opens its own descriptor, and flock locks of separate descriptors exclude each other). The kernel drops
/// a lock when its process dies, so a `kill -9` never leaves a key locked.
enum FileLock {
    /// Holds the lock on `path` (created 0600 when missing) while `body` runs, blocking the calling thread while
    /// another holds it. Only for short, synchronous critical sections.
    static func withBlockingLock<T>(path: String, ledger: String, _ body: () throws -> T) throws -> T {
        let descriptor = try openLockFile(path, ledger: ledger)
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure(ledger, "cannot lock '\(path)'") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Holds the lock on `path` while the asynchronous `body` runs. Waiting polls without blocking a thread; after
    /// `patience` it gives up with an error naming the file.
    static func withLock<T: Sendable>(
        path: String, ledger: String, patience: Duration, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let descriptor = try openLockFile(path, ledger: ledger)
        defer { close(descriptor) }
        let start = ContinuousClock.now
        var pause = Duration.milliseconds(5)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw failure(ledger, "cannot lock '\(path)'") }
            guard ContinuousClock.now - start < patience else {
                throw OrchestrationError.ledger(path: ledger, detail: "another conductor has held the lock '\(path)' for over \(patience); is a promotion of the same release still running?")
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(200))
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    private static func openLockFile(_ path: String, ledger: String) throws -> Int32 {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(ledger, "cannot open the lock file '\(path)'") }
        return descriptor
    }

    static func failure(_ ledger: String, _ what: String) -> OrchestrationError {
        .ledger(path: ledger, detail: "\(what): \(String(cString: strerror(errno)))")
    }
}
