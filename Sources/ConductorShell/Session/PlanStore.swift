import Foundation
import Orchestration

/// The open plan and the history of past plans under `$XDG_STATE_HOME/conductor/plans/`.
///
/// Atomic files rather than SQLite: the open plan is one small document written whole after every step (rename makes
/// each write all-or-nothing, so `kill -9` leaves the previous or the new plan, never half of one), and history is
/// append-only lines. What must be exact across processes — never creating a deployment twice — is the ledger's job,
/// not this store's: two shells writing the open plan at once keep the last one written.
public struct PlanStore: Sendable {
    /// The open plan with what it was made against.
    public struct Stored: Codable, Sendable, Hashable {
        /// The plan.
        public var plan: PromotionPlan
        /// The server URL it was made against.
        public var server: String
        /// The space name.
        public var space: String
        /// Why it is stale, if its inputs changed after `find`.
        public var staleReason: String?
        /// When it was last written.
        public var savedAt: Date
        /// Set by `plan load`: `deploy` first checks that the server still decides the same (terraform's stale plan).
        public var verifyBeforeDeploy: Bool?
    }

    /// One line of `history`.
    public struct Entry: Codable, Sendable, Hashable {
        public var planId: UUID
        public var createdAt: Date
        public var endedAt: Date
        public var server: String
        public var space: String
        public var destination: String
        public var projects: [String]
        public var step: String
        /// `succeeded`, `failed`, `discarded`, `timed out`, …
        public var result: String
    }

    /// The folder.
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    var currentFile: URL { folder.appendingPathComponent("current.json") }
    var historyFile: URL { folder.appendingPathComponent("history.jsonl") }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// The open plan, nil when there is none (or the file is unreadable: a plan is a convenience, the ledger and the
    /// server hold the truth, so a damaged file never blocks the shell).
    public func current() -> Stored? {
        guard let data = try? PrivateFile.read(currentFile) else { return nil }
        return try? Self.decoder.decode(Stored.self, from: data)
    }

    /// Moves an open-plan file that does not decode (damaged, or written by another version of Conductor) aside as
    /// `current.unreadable-<time>.json`, so it is neither silently ignored forever nor lost; returns where it went, or
    /// nil when there is no such file.
    public func setAsideUnreadable(at date: Date) -> URL? {
        guard current() == nil, FileManager.default.fileExists(atPath: currentFile.path) else { return nil }
        let stamp = Int(date.timeIntervalSince1970)
        let aside = folder.appendingPathComponent("current.unreadable-\(stamp).json")
        do {
            try FileManager.default.moveItem(at: currentFile, to: aside)
            return aside
        } catch {
            return nil
        }
    }

    /// Writes the open plan.
    public func save(_ stored: Stored) throws {
        try PrivateFile.write(try Self.encoder.encode(stored), to: currentFile)
    }

    /// Closes the open plan: records how it ended and removes it.
    public func close(_ stored: Stored, result: String, at date: Date) throws {
        try append(Entry(
            planId: stored.plan.id, createdAt: stored.plan.createdAt, endedAt: date, server: stored.server, space: stored.space,
            destination: stored.plan.destination.name, projects: stored.plan.children.map(\.project.name),
            step: String(describing: stored.plan.step), result: result))
        try? FileManager.default.removeItem(at: currentFile)
    }

    /// Past plans, oldest first.
    public func history() throws -> [Entry] {
        guard let data = try PrivateFile.read(historyFile), let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? Self.decoder.decode(Entry.self, from: Data($0.utf8)) }
    }

    private func append(_ entry: Entry) throws {
        var data = try PrivateFile.read(historyFile) ?? Data()
        data.append(try Self.encoder.encode(entry))
        data.append(UInt8(ascii: "\n"))
        try PrivateFile.write(data, to: historyFile)
    }

    /// A plan file written by `plan save` / `whatif --save` (no secrets: plans never hold a key).
    public static func write(_ stored: Stored, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try PrivateFile.write(try encoder.encode(stored), to: url)
    }

    /// Reads a plan file.
    public static func read(_ url: URL) throws -> Stored {
        guard let data = try PrivateFile.read(url) else { throw ShellError.file(path: url.path, detail: "no such file") }
        do {
            return try decoder.decode(Stored.self, from: data)
        } catch {
            throw ShellError.file(path: url.path, detail: "not a Conductor plan file")
        }
    }
}
