import Foundation

/// The catalogue on disk under `$XDG_CACHE_HOME/conductor/`, one file per (server, space), mode 0600: a new shell
/// (and `conductor __complete`) answers Tab from it at once. It holds names, ids and dates, never a key; the format is
/// `CatalogueFormat`.
public struct CatalogueStore: Sendable {
    /// The folder (`StatePaths.cache`).
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The file of `server` and `space`.
    public func file(server: String, space: String) -> URL {
        folder.appendingPathComponent(Self.baseName(server: server, space: space) + Self.suffix)
    }

    /// The stored catalogue; for no space, the one of `server` written last. Nil when none, or unreadable (another
    /// version, cut short, garbled): the next refresh rewrites it. The releases stay encoded until asked for; with
    /// `only`, just those parts are decoded (to read from, never to save).
    public func load(server: String, space: String?, only parts: Set<CompletionSnapshot.Kind>? = nil) -> CompletionSnapshot? {
        let url: URL
        if let space {
            url = file(server: server, space: space)
        } else {
            let prefix = "catalogue-\(Self.digest(server))-"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let newest = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(Self.suffix) }.map { folder.appendingPathComponent($0) }.max { a, b in
                Self.modified(a) < Self.modified(b)
            }
            guard let newest else { return nil }
            url = newest
        }
        guard let data = try? PrivateFile.read(url) else { return nil }
        return try? CatalogueFormat.decode(data, only: parts)
    }

    /// Writes the catalogue (atomically, 0600), and removes the version-1 file of the same catalogue.
    public func save(_ snapshot: CompletionSnapshot) throws {
        try PrivateFile.write(CatalogueFormat.encode(snapshot), to: file(server: snapshot.server, space: snapshot.space))
        let legacy = folder.appendingPathComponent(Self.baseName(server: snapshot.server, space: snapshot.space) + ".json")
        try? FileManager.default.removeItem(at: legacy)
    }

    /// Version 1 was `….json` (JSON, decoded whole); this format's files end so.
    static let suffix = ".catalogue"

    private static func baseName(server: String, space: String) -> String {
        "catalogue-\(digest(server))-\(digest(space.lowercased()))"
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// FNV-1a, hex: a stable file name for any server URL or space name.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
