import Foundation

/// Writes files that may hold private data: created with mode 0600 (folders 0700), replaced atomically (write to a
/// temporary file in the same folder, then rename), so a crash never leaves half a file and no other user can read
/// it at any moment.
public enum PrivateFile {
    /// Writes `data` to `url` atomically with mode 0600.
    /// - Throws: `ShellError.file` naming the path.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw ShellError.file(path: url.path, detail: "cannot create \(temporary.lastPathComponent)")
            }
            if rename(temporary.path, url.path) != 0 {
                let detail = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw ShellError.file(path: url.path, detail: detail)
            }
        } catch let error as ShellError {
            throw error
        } catch {
            throw ShellError.file(path: url.path, detail: error.localizedDescription)
        }
    }

    /// The contents of `url`, nil when it does not exist.
    /// - Throws: `ShellError.file` when it exists but cannot be read.
    public static func read(_ url: URL) throws -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ShellError.file(path: url.path, detail: error.localizedDescription)
        }
    }
}
