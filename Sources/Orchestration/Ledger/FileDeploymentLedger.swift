import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent ledger: a JSON file (by default `$XDG_STATE_HOME/conductor/ledger.json`) shared by every process
/// of the user — `conductor promote`, the shell, a resumed plan.
///
/// Crash-safe: each change is written to a temporary file, flushed (`fsync`) and renamed over the ledger, so a crash
/// leaves the old or the new file, never a torn one. Safe between processes: every read-modify-write holds an
/// exclusive `flock` on `ledger.json.lock`, and `exclusively(key)` holds one of 64 key lock files
/// (`ledger.json.locks/NN.lock`, chosen by a hash of the key; two keys sharing a file only take turns) for the whole
/// claim → server check → create → complete. The kernel releases both when a process dies, so a `kill -9` leaves no
/// stale lock. Why not SQLite: a handful of tiny read-modify-writes needs no second SQLite binding beside the
/// sandbox's GRDB (which stays inside the sandbox module).
///
/// Entries older than 30 days are dropped when the file is next written: the server check in `deploy`, not the
/// ledger, is what finds old deployments.
public struct FileDeploymentLedger: DeploymentLedger {
    /// The JSON file.
    public let url: URL
    /// How long `exclusively` waits for another holder of the same key before giving up (default 10 minutes).
    public var lockPatience: Duration

    private static let keyLockFiles = 64
    private static let retention: TimeInterval = 30 * 24 * 3600
    /// In-process waiters queue here instead of polling the key's lock file.
    private let localLocks: KeyedLock<Int>

    /// Opens (or will create) the ledger at `url`; its directory is created when missing.
    public init(url: URL, lockPatience: Duration = .seconds(600)) {
        self.url = url
        self.lockPatience = lockPatience
        self.localLocks = Self.sharedLocks(for: url)
    }

    /// The ledger `ledger.json` in `directory` (the shell passes its resolved state directory).
    public init(directory: URL) {
        self.init(url: directory.appendingPathComponent("ledger.json"))
    }

    /// The standard ledger, `$XDG_STATE_HOME/conductor/ledger.json`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> FileDeploymentLedger {
        FileDeploymentLedger(url: standardURL(environment: environment))
    }

    /// The standard place: `$XDG_STATE_HOME/conductor/ledger.json` (XDG default `~/.local/state`; a relative
    /// `XDG_STATE_HOME` is ignored, as the XDG specification says).
    public static func standardURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let stateHome: URL
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            stateHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state", isDirectory: true)
        }
        return stateHome.appendingPathComponent("conductor", isDirectory: true).appendingPathComponent("ledger.json")
    }

    public func exclusively<T: Sendable>(_ key: LedgerKey, _ body: @Sendable () async throws -> T) async throws -> T {
        let stripe = Self.stripe(of: key)
        let directory = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".locks", isDirectory: true)
        try createDirectory(directory)
        let path = directory.appendingPathComponent(String(format: "%02d.lock", stripe)).path
        let ledger = url.path
        let patience = lockPatience
        return try await localLocks.withLock(stripe) {
            try await FileLock.withLock(path: path, ledger: ledger, patience: patience, body)
        }
    }

    public func entry(for key: LedgerKey) async throws -> LedgerEntry? {
        try update { entries in entries.first { $0.key == key } }
    }

    public func claim(_ key: LedgerKey, planId: UUID, at date: Date) async throws {
        try update { entries in
            entries.removeAll { $0.key == key }
            entries.append(LedgerEntry(key: key, planId: planId, claimedAt: date))
        }
    }

    public func complete(_ key: LedgerKey, planId: UUID, deploymentId: String, taskId: String, at date: Date) async throws {
        try update { entries in
            let claimedAt = entries.first { $0.key == key }?.claimedAt ?? date
            entries.removeAll { $0.key == key }
            entries.append(LedgerEntry(key: key, planId: planId, claimedAt: claimedAt, deploymentId: deploymentId, taskId: taskId))
        }
    }

    public func abandon(_ key: LedgerKey) async throws {
        try update { entries in entries.removeAll { $0.key == key } }
    }

    public func entries() async throws -> [LedgerEntry] {
        try update { entries in entries.sorted { $0.claimedAt < $1.claimedAt } }
    }

    /// Runs `change` on the entries under the file's exclusive lock and, when they changed, writes them back
    /// atomically.
    private func update<T>(_ change: (inout [LedgerEntry]) throws -> T) throws -> T {
        let directory = url.deletingLastPathComponent()
        try createDirectory(directory)
        return try FileLock.withBlockingLock(path: url.path + ".lock", ledger: url.path) {
            var entries: [LedgerEntry] = []
            if FileManager.default.fileExists(atPath: url.path) {
                do {
                    entries = try Self.decoder.decode([LedgerEntry].self, from: Data(contentsOf: url))
                } catch {
                    throw OrchestrationError.ledger(path: url.path, detail: "it is not a ledger file (\(error.localizedDescription)); move it away to start a new one")
                }
            }
            let before = entries
            let result = try change(&entries)
            guard entries != before else { return result }
            let horizon = Date().addingTimeInterval(-Self.retention)
            entries.removeAll { $0.claimedAt < horizon }
            try write(entries, in: directory)
            return result
        }
    }

    /// Temporary file, `fsync`, `rename(2)` over the ledger, `fsync` of the directory.
    private func write(_ entries: [LedgerEntry], in directory: URL) throws {
        let data: Data
        do {
            data = try Self.encoder.encode(entries)
        } catch {
            throw OrchestrationError.ledger(path: url.path, detail: "cannot encode the entries: \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileLock.failure(url.path, "cannot create '\(temporary)'") }
        let written = data.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress else { return fsync(descriptor) == 0 }
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(descriptor, base + offset, bytes.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return fsync(descriptor) == 0
        }
        let failure = written ? nil : FileLock.failure(url.path, "cannot write '\(temporary)'")
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, url.path) == 0 else {
            let error = FileLock.failure(url.path, "cannot replace the file")
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private func createDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw OrchestrationError.ledger(path: url.path, detail: "cannot create the directory '\(directory.path)': \(error.localizedDescription)")
        }
    }

    /// FNV-1a of the key's text: stable across processes and runs (Swift's `hashValue` is seeded per process).
    static func stripe(of key: LedgerKey) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.description.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(keyLockFiles))
    }

    /// One in-process lock table per ledger file, shared by every `FileDeploymentLedger` value of that file.
    private static func sharedLocks(for url: URL) -> KeyedLock<Int> {
        registry.withLock { table in
            let path = url.standardizedFileURL.path
            if let existing = table[path] { return existing }
            let created = KeyedLock<Int>()
            table[path] = created
            return created
        }
    }

    private static let registry = Mutex<[String: KeyedLock<Int>]>([:])

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// `write(2)`, named apart from Foundation's `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
