import CEditLineShim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Edits lines on a terminal with libedit (BSD editline): emacs keys by default, the user's
/// `~/.editrc` (`conductor:` lines), Tab completion through `LineEditorConfiguration.completion`,
/// history with a filter, Ctrl-C → `.interrupted`, Ctrl-D on an empty line → `.endOfInput`.
///
/// libedit reaches this object through `EL_CLIENTDATA`; there is no global state besides the
/// process-wide SIGINT disposition, which is installed only while `readLine` waits for input.
/// Use it only when standard input and output are terminals (`StandardInput.lineEditor`).
public final class LibEditLineEditor: LineEditing {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let configuration: LineEditorConfiguration
    /// The prompt libedit shows, owned here (libedit keeps only the pointer we return).
    private var promptText: UnsafeMutablePointer<CChar>
    /// Where the last Tab left the line: a second Tab at the same place lists the candidates.
    private var lastTab: TabPosition?
    private var entriesSinceSave = 0
    /// False until the history file was read, so a failed load never overwrites the file.
    private var historyLoaded = false

    private struct TabPosition: Equatable {
        var line: String
        var cursorBytes: Int
    }

    /// Starts libedit on the process's terminal.
    /// - Parameter configuration: program name, history and completion.
    /// - Throws: `.terminalUnavailable` when libedit cannot start, `.historyUnreadable` when the
    ///   history file exists but is not a libedit history file.
    public init(configuration: LineEditorConfiguration = LineEditorConfiguration()) throws(LineEditorError) {
        // Before el_init: under a non-UTF-8 locale libedit silently drops non-ASCII input.
        _ = swel_ensure_utf8_locale()
        guard let editLine = swel_init(configuration.programName) else {
            throw .terminalUnavailable(program: configuration.programName)
        }
        guard let history = history_init(), let promptText = strdup("") else {
            el_end(editLine)
            throw .terminalUnavailable(program: configuration.programName)
        }
        self.editLine = editLine
        self.history = history
        self.promptText = promptText
        self.configuration = configuration

        swel_history_setsize(history, Int32(clamping: configuration.history.limit))
        swel_history_setunique(history, 1)
        try loadHistory()

        // Order matters: EL_EDITOR resets the key maps, and EL_BIND needs the EL_ADDFN name.
        swel_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        swel_set_editor(editLine, "emacs")
        swel_set_signal(editLine, 1)
        swel_set_hist(editLine, history)
        swel_set_prompt_esc(editLine, Self.promptCallback, CChar(PromptEscapes.marker.value))
        swel_addfn(editLine, Self.completeFunction, "Complete the word under the cursor", Self.completeCallback)
        swel_bind(editLine, "^I", Self.completeFunction)
        sourceEditrc()
        // An editrc that switches to vi mode (`bind -v`) resets the key maps: bind Tab again.
        swel_bind(editLine, "^I", Self.completeFunction)
    }

    deinit {
        if entriesSinceSave > 0 { try? saveHistory() }
        history_end(history)
        el_end(editLine)
        free(promptText)
    }

    /// Reads one logical line; see `LineEditing.readLine(_:)`.
    public func readLine(_ prompt: Prompt) -> LineInput {
        // Without a handler libedit's re-raised SIGINT would kill the process; with one (and no
        // SA_RESTART) el_gets returns NULL with EINTR. Put the caller's disposition back afterwards.
        let handlerInstalled = swel_install_sigint_handler() == 0
        defer { if handlerInstalled { swel_restore_sigint() } }

        var logical = ContinuedLine()
        while true {
            setPrompt(logical.isEmpty ? prompt.primary : prompt.continuation)
            lastTab = nil
            var count: Int32 = 0
            let interruptsBefore = swel_sigint_count()
            errno = 0
            guard let bytes = el_gets(editLine, &count) else {
                if count == -1 && errno == EINTR {
                    // Another signal with a handler (not libedit's SIGWINCH/SIGCONT) also ends the
                    // read with EINTR: only a SIGINT means the user pressed Ctrl-C.
                    guard swel_sigint_count() != interruptsBefore else { continue }
                    // ECHO is off while editing, so the terminal did not show the ^C itself.
                    swel_write_stdout("^C\n")
                    return .interrupted
                }
                // Ctrl-D on an empty line (libedit printed ^D), or the terminal went away.
                swel_write_stdout("\n")
                return logical.isEmpty ? .endOfInput : .line(logical.text)
            }
            var line = String(cString: bytes)
            if line.hasSuffix("\n") { line.removeLast() }
            if logical.append(line) {
                record(logical.text)
                return .line(logical.text)
            }
        }
    }

    /// Writes the history to its file (created with mode 0600, folders with 0700).
    public func saveHistory() throws(LineEditorError) {
        guard let path = configuration.history.file, historyLoaded else { return }
        entriesSinceSave = 0
        guard HistoryFolder.create(containing: path), swel_history_save(history, path) >= 0 else {
            throw .historyNotSaved(path: path)
        }
    }

    // MARK: - History

    private func loadHistory() throws(LineEditorError) {
        guard let path = configuration.history.file else { return }
        if access(path, F_OK) == 0 {
            guard swel_history_load(history, path) >= 0 else { throw .historyUnreadable(path: path) }
            dropRejectedEntries()
        }
        historyLoaded = true
    }

    /// Removes loaded entries the filter rejects (written before the filter changed, or by hand).
    private func dropRejectedEntries() {
        var entries: [String] = []
        var entry = swel_history_oldest(history)
        while let text = entry {
            entries.append(String(cString: text))
            entry = swel_history_newer(history)
        }
        let kept = entries.compactMap(configuration.history.entry(for:))
        guard kept != entries else { return }
        swel_history_clear(history)
        for line in kept { swel_history_enter(history, line) }
    }

    private func record(_ line: String) {
        guard let entry = configuration.history.entry(for: line) else { return }
        swel_history_enter(history, entry)
        entriesSinceSave += 1
        if entriesSinceSave >= configuration.history.saveInterval {
            try? saveHistory()
        }
    }

    // MARK: - Prompt and editrc

    private func setPrompt(_ text: String) {
        guard let copy = strdup(PromptEscapes.bracketed(text)) else { return }
        free(promptText)
        promptText = copy
    }

    private func sourceEditrc() {
        let path: String
        if let explicit = configuration.editrcPath {
            path = explicit
        } else if let fromEnvironment = getenv("EDITRC") {
            path = String(cString: fromEnvironment)
        } else if let home = getenv("HOME") {
            path = String(cString: home) + "/.editrc"
        } else {
            return
        }
        guard access(path, R_OK) == 0 else { return }
        el_source(editLine, path)
    }

    // MARK: - Completion

    private static let completeFunction = "lineeditor-complete"

    private func complete() -> UInt8 {
        guard let source = configuration.completion, let info = el_line(editLine)?.pointee else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let position = Self.position(of: info)
        let edit = CompletionEdit(source(Self.text(from: info.buffer, to: info.cursor)))

        if position == lastTab && edit.matches.count >= 2 {
            let width = Int(swel_terminal_columns(editLine))
            let rows = CandidateColumns.rows(edit.matches, width: width, keepingOrder: edit.isOrdered)
            swel_write_stdout("\n" + rows.joined(separator: "\n") + "\n")
            // CC_REDISPLAY: libedit redraws the prompt and the line below the listing.
            return UInt8(CC_REDISPLAY)
        }
        guard edit.changesLine else {
            lastTab = position
            return UInt8(CC_REFRESH_BEEP)
        }
        if edit.deleteScalars > 0 { el_deletestr(editLine, Int32(clamping: edit.deleteScalars)) }
        if !edit.insertion.isEmpty { el_insertstr(editLine, edit.insertion) }
        lastTab = el_line(editLine).map { Self.position(of: $0.pointee) }
        return UInt8(CC_REFRESH)
    }

    /// The line and the cursor's byte offset.
    private static func position(of info: LineInfo) -> TabPosition {
        TabPosition(line: text(from: info.buffer, to: info.lastchar), cursorBytes: max(0, info.cursor - info.buffer))
    }

    /// Decodes libedit's line buffer between two pointers: UTF-8 bytes, not NUL-terminated.
    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: max(0, end - start))
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - C callbacks (non-capturing; they find the editor through EL_CLIENTDATA)

    private static func editor(of editLine: OpaquePointer?) -> LibEditLineEditor? {
        guard let editLine, let data = swel_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { editLine in
        editor(of: editLine)?.promptText
    }

    private static let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        editor(of: editLine)?.complete() ?? UInt8(CC_ERROR)
    }
}
