import Foundation

/// The catalogue on disk under `$XDG_CACHE_HOME/conductor/`, one file per (server, space), mode 0600: a new shell
/// (and `conductor __complete`) answers Tab from it at once. It holds names, ids and dates, never a key.
public struct CatalogueStore: Sendable {
    /// The folder (`StatePaths.cache`).
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The file of `server` and `space`.
    public func file(server: String, space: String) -> URL {
        folder.appendingPathComponent("catalogue-\(Self.digest(server))-\(Self.digest(space.lowercased())).json")
    }

    /// The stored catalogue; for no space, the one of `server` written last. Nil when none (or unreadable: the
    /// next refresh rewrites it).
    public func load(server: String, space: String?) -> CompletionSnapshot? {
        let url: URL
        if let space {
            url = file(server: server, space: space)
        } else {
            let prefix = "catalogue-\(Self.digest(server))-"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let newest = names.filter { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0) }.max { a, b in
                Self.modified(a) < Self.modified(b)
            }
            guard let newest else { return nil }
            url = newest
        }
        guard let data = try? PrivateFile.read(url) else { return nil }
        return try? Self.decode(data)
    }

    /// Writes the catalogue (atomically, 0600).
    public func save(_ snapshot: CompletionSnapshot) throws {
        try PrivateFile.write(try Self.encode(snapshot), to: file(server: snapshot.server, space: snapshot.space))
    }

    /// The file's format: JSON, dates as seconds since 1970.
    static func encode(_ snapshot: CompletionSnapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(snapshot)
    }

    static func decode(_ data: Data) throws -> CompletionSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(CompletionSnapshot.self, from: data)
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
