#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the folders above a history file (`$XDG_STATE_HOME/conductor/` may not exist yet).
enum HistoryFolder {
    /// Creates every missing folder above `path` with mode 0700.
    /// - Returns: false when a folder could not be created.
    static func create(containing path: String) -> Bool {
        let absolute = path.hasPrefix("/")
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder = folder.isEmpty && !absolute ? String(component) : folder + "/" + component
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
