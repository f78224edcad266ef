#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a pseudo-terminal session failed.
public enum PseudoTerminalError: Error, Equatable, CustomStringConvertible {
    /// The program could not be started.
    case spawnFailed(executable: String, errno: Int32)
    /// Writing keys to the terminal failed.
    case writeFailed(errno: Int32)
    /// The expected screen did not appear in time; `screen` is what was shown instead.
    case timedOut(waitingFor: String, screen: String)

    /// The message, with the screen at the time of failure.
    public var description: String {
        switch self {
        case let .spawnFailed(executable, code):
            return "Could not start '\(executable)' on a pseudo-terminal: \(String(cString: strerror(code))). Check that it is built."
        case let .writeFailed(code):
            return "Could not type into the pseudo-terminal: \(String(cString: strerror(code)))."
        case let .timedOut(awaited, screen):
            return "Timed out waiting for \(awaited). The screen showed:\n\(screen)"
        }
    }
}
