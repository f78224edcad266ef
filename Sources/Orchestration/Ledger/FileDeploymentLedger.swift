import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ledger in a JSON file that survives the process (by default `$XDG_STATE_HOME/conductor/ledger.json`).
///
/// Why a JSON file and not SQLite: the ledger holds a handful of entries per plan and every operation is a tiny
/// read-modify-write. An exclusive `flock` on a sidecar lock file makes each operation atomic across processes
/// (two `deploy` runs cannot both claim a key), and writing a temporary file then `rename(2)` means a crash leaves
/// either the old or the new file, never a torn one. That is the guarantee SQLite would give here, without a second
/// SQLite binding next to the sandbox's GRDB (which must stay inside the sandbox module).
public struct FileDeploymentLedger: DeploymentLedger {
    /// The JSON file.
    public let url: URL

    /// Opens (or will create) the ledger at `url`; the directory is created when missing.
    public init(url: URL) {
        self.url = url
    }

    /// The standard place: `$XDG_STATE_HOME/conductor/ledger.json` (XDG default `~/.local/state`).
    public static func standardURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let stateHome: URL
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            stateHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            stateHome = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state", isDirectory: true)
        }
        return stateHome.appendingPathComponent("conductor", isDirectory: true).appendingPathComponent("ledger.json")
    }

    public func claim(_ key: LedgerKey, at date: Date) async throws -> LedgerEntry? {
        try update { entries in
            if let existing = entries.first(where: { $0.key == key }) { return existing }
            entries.append(LedgerEntry(key: key, claimedAt: date))
            return nil
        }
    }

    public func complete(_ key: LedgerKey, deploymentId: String, taskId: String) async throws {
        try update { entries in
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].deploymentId = deploymentId
                entries[index].taskId = taskId
            } else {
                entries.append(LedgerEntry(key: key, claimedAt: Date(), deploymentId: deploymentId, taskId: taskId))
            }
        }
    }

    public func abandon(_ key: LedgerKey) async throws {
        try update { entries in entries.removeAll { $0.key == key } }
    }

    public func entries(planId: UUID) async throws -> [LedgerEntry] {
        try update { entries in entries.filter { $0.key.planId == planId } }
    }

    /// Runs `change` on the entries under the exclusive lock and writes them back atomically.
    private func update<T>(_ change: (inout [LedgerEntry]) throws -> T) throws -> T {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OrchestrationError.ledger(path: url.path, detail: "cannot create the directory: \(error.localizedDescription)")
        }
        let lockPath = url.path + ".lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            throw OrchestrationError.ledger(path: url.path, detail: "cannot open the lock file '\(lockPath)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw OrchestrationError.ledger(path: url.path, detail: "cannot lock '\(lockPath)': \(String(cString: strerror(errno)))")
        }
        defer { flock(descriptor, LOCK_UN) }

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
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Self.encoder.encode(entries).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw OrchestrationError.ledger(path: url.path, detail: "cannot replace the file: \(String(cString: strerror(errno)))")
            }
        } catch let error as OrchestrationError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OrchestrationError.ledger(path: url.path, detail: "cannot write: \(error.localizedDescription)")
        }
        return result
    }

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
