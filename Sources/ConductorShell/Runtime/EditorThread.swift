import Dispatch
import LineEditor

/// Owns the line editor and calls it on one serial queue: libedit blocks while it reads and is not thread-safe, so
/// it never runs on the concurrency pool and never on two threads at once. Tab is answered on that queue too,
/// synchronously, from the completion cache.
public final class EditorThread: @unchecked Sendable {
    // @unchecked: `editor` is touched only on `queue` (a serial queue), which is the confinement libedit needs.
    private let editor: any LineEditing
    private let queue = DispatchQueue(label: "conductor.line-editor")

    /// Wraps `editor`.
    public init(_ editor: any LineEditing) {
        self.editor = editor
    }

    /// Reads one logical line.
    public func readLine(_ prompt: Prompt) async -> LineInput {
        await readNumberedLine(prompt).input
    }

    /// Reads one logical line and the number of its first physical line (counted for plain input; 0 otherwise).
    public func readNumberedLine(_ prompt: Prompt) async -> (input: LineInput, line: Int) {
        await withCheckedContinuation { continuation in
            queue.async {
                let before = (self.editor as? PlainLineReader)?.physicalLinesRead ?? -1
                let input = self.editor.readLine(prompt)
                continuation.resume(returning: (input, before + 1))
            }
        }
    }

    /// Saves the history file.
    public func saveHistory() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                do {
                    try self.editor.saveHistory()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
