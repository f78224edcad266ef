import CPseudoTerminal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program running on its own pseudo-terminal, driven like a person at a keyboard: send keys,
/// wait (with a bounded deadline) until the rendered screen shows what is expected, read the exit
/// status. The program is a session leader with the pty as controlling terminal, an empty signal
/// mask and default signal dispositions, so Ctrl-C, Ctrl-Z and window resizes reach it as they
/// would from a real terminal, even headless under a test runner.
public final class PseudoTerminalProcess {
    /// The child's process id.
    public let processID: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var exitStatus: Int32?
    private var columns: Int
    private var rows: Int

    /// Keys as a terminal sends them.
    public enum Key {
        public static let tab = "\t"
        public static let enter = "\r"
        public static let interrupt = "\u{03}"
        public static let endOfFile = "\u{04}"
        public static let suspend = "\u{1A}"
        public static let killLine = "\u{15}"
        public static let up = "\u{1B}[A"
        public static let down = "\u{1B}[B"
        public static let left = "\u{1B}[D"
        public static let right = "\u{1B}[C"
    }

    /// Starts `executable` on a new pty.
    /// - Parameters:
    ///   - executable: absolute path of the program.
    ///   - arguments: arguments after the program name.
    ///   - environment: the complete environment (set TERM and LANG: CI often has neither).
    ///   - columns: terminal width.
    ///   - rows: terminal height.
    /// - Throws: `PseudoTerminalError.spawnFailed` with the errno.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        columns: Int = 80,
        rows: Int = 24
    ) throws(PseudoTerminalError) {
        var master: Int32 = -1
        var pid: pid_t = 0
        let argv = [executable] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let error = Self.withCStrings(argv) { argvPointers in
            Self.withCStrings(envp) { envPointers in
                cpty_spawn(executable, argvPointers, envPointers, UInt16(columns), UInt16(rows), &master, &pid)
            }
        }
        guard error == 0 else { throw .spawnFailed(executable: executable, errno: error) }
        self.master = master
        self.processID = pid
        self.columns = columns
        self.rows = rows
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            waitpid(processID, &status, 0)
        }
        close(master)
    }

    /// Everything the program wrote so far, rendered.
    public var screen: TerminalScreen {
        drain()
        return TerminalScreen(columns: columns, rows: rows, output: output)
    }

    /// Everything the program wrote so far, raw.
    public var rawOutput: [UInt8] {
        drain()
        return output
    }

    /// Types `keys` (UTF-8). Send a control key such as Ctrl-C in its own call, after the echo of
    /// what precedes it: the terminal discards pending input when it turns ^C into SIGINT.
    /// - Parameters:
    ///   - keys: the keys, as text.
    ///   - waitForRawMode: first wait until the program reads keys itself (the terminal
    ///     is out of canonical mode). A line editor prints its prompt *before* it switches the
    ///     terminal to raw mode; keys typed in between would be echoed and edited by the kernel.
    /// - Throws: `PseudoTerminalError.timedOut` waiting for raw mode, `.writeFailed` when the keys cannot be written.
    public func send(_ keys: String, waitForRawMode: Bool = true) throws(PseudoTerminalError) {
        if waitForRawMode { try waitUntilReadingKeys() }
        var bytes = Array(keys.utf8)[...]
        let deadline = ContinuousClock.now + .seconds(10)
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno != EAGAIN && errno != EINTR {
                throw .writeFailed(errno: errno)
            } else if ContinuousClock.now > deadline {
                throw .writeFailed(errno: EAGAIN)
            } else {
                drain()
                wait(milliseconds: 5, forWriting: true)
            }
        }
    }

    /// Waits until the terminal is out of canonical mode (the program reads single keys).
    public func waitUntilReadingKeys(timeout: Duration = .seconds(15)) throws(PseudoTerminalError) {
        let deadline = ContinuousClock.now + timeout
        var settings = termios()
        while true {
            if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            drain()
            if exitStatus != nil || ContinuousClock.now >= deadline {
                throw .timedOut(waitingFor: "raw mode", screen: screen.text + Self.rawTail(output))
            }
            wait(milliseconds: 2, forWriting: false)
        }
    }

    /// Types `keys`, then waits until the program answered and the cursor's line reads `line`.
    /// Only a screen that changed after the keys were sent counts: after Enter, the prompt from
    /// before the keys were processed must not pass for the next prompt.
    public func send(_ keys: String, untilCursorLine line: String) throws(PseudoTerminalError) {
        drain()
        let outputBefore = output.count
        try send(keys)
        try waitForScreen("cursor line '\(line)' after typing \(keys.debugDescription)") { screen in
            output.count > outputBefore && screen.cursorLine == line
        }
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    public func resize(columns: Int, rows: Int) {
        drain()
        self.columns = columns
        self.rows = rows
        _ = cpty_resize(master, UInt16(columns), UInt16(rows))
    }

    /// Waits until `condition` holds for the rendered screen.
    /// - Parameters:
    ///   - description: what is awaited, for the error message.
    ///   - timeout: the longest wait; a failing test fails after it instead of hanging.
    ///   - condition: what the screen must show.
    /// - Returns: the screen that satisfied the condition.
    /// - Throws: `PseudoTerminalError.timedOut` with the screen as it was.
    @discardableResult
    public func waitForScreen(
        _ description: String,
        timeout: Duration = .seconds(15),
        until condition: (TerminalScreen) -> Bool
    ) throws(PseudoTerminalError) -> TerminalScreen {
        let deadline = ContinuousClock.now + timeout
        while true {
            let current = screen
            if condition(current) { return current }
            if exitStatus != nil || ContinuousClock.now >= deadline {
                // One last read: the output may have arrived together with the exit.
                let last = screen
                if condition(last) { return last }
                throw .timedOut(waitingFor: description, screen: last.text + Self.rawTail(output))
            }
            wait(milliseconds: 20, forWriting: false)
        }
    }

    /// Waits until the screen's text contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(15)) throws(PseudoTerminalError) -> TerminalScreen {
        try waitForScreen("'\(text)'", timeout: timeout) { $0.text.contains(text) }
    }

    /// Waits until the line holding the cursor reads `line` (for example the prompt and the typed text).
    @discardableResult
    public func waitForCursorLine(_ line: String, timeout: Duration = .seconds(15)) throws(PseudoTerminalError) -> TerminalScreen {
        try waitForScreen("cursor line '\(line)'", timeout: timeout) { $0.cursorLine == line }
    }

    /// Waits for the program to exit and returns its exit status (128 + signal when killed).
    public func waitForExit(timeout: Duration = .seconds(15)) throws(PseudoTerminalError) -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            drain()
            if let exitStatus { return exitStatus }
            if ContinuousClock.now >= deadline {
                throw .timedOut(waitingFor: "exit", screen: screen.text + Self.rawTail(output))
            }
            wait(milliseconds: 20, forWriting: false)
        }
    }

    /// Reads whatever is available and notes the exit status once the program is gone.
    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break  // EAGAIN: nothing yet; EIO or 0: the program closed the terminal
            }
        }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(processID, &status, WNOHANG) == processID {
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                // Output written just before exit may still be in the pty.
                while true {
                    let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                    guard count > 0 else { break }
                    output.append(contentsOf: chunk[0..<count])
                }
            }
        }
    }

    /// The end of the raw output with control characters made visible, for failure messages.
    private static func rawTail(_ output: [UInt8]) -> String {
        let tail = String(decoding: output.suffix(300), as: UTF8.self)
        return "\n--- raw output (end) ---\n" + tail.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? "\\x" + String(scalar.value, radix: 16) : String(scalar)
        }.joined()
    }

    private func wait(milliseconds: Int32, forWriting: Bool) {
        var descriptor = pollfd(fd: master, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
        _ = poll(&descriptor, 1, milliseconds)
    }

    /// Calls `body` with a NULL-terminated C array of `strings`; returns its errno-style result.
    private static func withCStrings(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Int32
    ) -> Int32 {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return EINVAL }
            return body(base)
        }
    }
}
