import Foundation
import Synchronization

/// Where the shell writes: data on standard output, progress and messages on standard error (shell.md §8).
public protocol TextOutput: Sendable {
    /// Writes data (a result) to standard output, as is.
    func write(_ text: String)
    /// Writes a message line to standard error (a newline is added).
    func message(_ text: String)
    /// Writes to standard error as is (a live view's redraw, which places the cursor itself).
    func writeError(_ text: String)
    /// Whether standard error is a terminal (live views redraw in place there).
    var isTerminal: Bool { get }
    /// Whether to colour.
    var usesColor: Bool { get }
}

/// The process's standard output and error.
public struct StandardStreams: TextOutput {
    public let isTerminal: Bool
    public let usesColor: Bool

    /// Colour follows the official CLI's order: `NO_COLOR` wins, then `--no-color`, then `CLICOLOR_FORCE`/
    /// `FORCE_COLOR`, then `CLICOLOR=0`, then whether standard output is a terminal.
    public init(environment: [String: String], noColor: Bool) {
        isTerminal = isatty(STDERR_FILENO) == 1
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true || noColor {
            usesColor = false
        } else if environment["CLICOLOR_FORCE"].map({ $0 != "0" && !$0.isEmpty }) == true || environment["FORCE_COLOR"].map({ $0 != "0" && !$0.isEmpty }) == true {
            usesColor = true
        } else if environment["CLICOLOR"] == "0" {
            usesColor = false
        } else {
            usesColor = stdoutIsTerminal
        }
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// On a terminal the message is broken between words at its width (`ProseWrap`).
    public func message(_ text: String) {
        writeError((isTerminal ? ProseWrap.wrap(text, width: TerminalWidth.errorColumns()) : text) + "\n")
    }

    public func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Keeps what was written, for tests.
public final class RecordingOutput: TextOutput {
    private let storage = Mutex<(out: String, err: String)>(("", ""))
    public let isTerminal: Bool
    public let usesColor: Bool

    public init(isTerminal: Bool = false, usesColor: Bool = false) {
        self.isTerminal = isTerminal
        self.usesColor = usesColor
    }

    public func write(_ text: String) { storage.withLock { $0.out += text } }
    public func message(_ text: String) { storage.withLock { $0.err += text + "\n" } }
    public func writeError(_ text: String) { storage.withLock { $0.err += text } }

    /// Everything written to standard output.
    public var standardOutput: String { storage.withLock { $0.out } }
    /// Everything written to standard error.
    public var standardError: String { storage.withLock { $0.err } }
}
