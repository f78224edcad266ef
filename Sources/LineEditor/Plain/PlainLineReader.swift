#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or file with no prompt, no echo and no escape sequences, so piped
/// command files run as scripts. Keeps no history (batch mode). Joins continuation lines like the
/// terminal editor, and tolerates CRLF line ends and a last line without a newline.
public final class PlainLineReader: LineEditing {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var reachedEnd = false
    /// How many physical lines were read so far, so a script runner can say `FILE:LINE:`.
    public private(set) var physicalLinesRead = 0

    /// Reads from `fileDescriptor` (standard input by default), which stays open afterwards.
    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    /// Reads the next logical line; the prompt is ignored. At the end of input an unfinished
    /// logical line (open quote) is returned as it is, for the parser to report.
    public func readLine(_ prompt: Prompt) -> LineInput {
        var logical = ContinuedLine()
        while let line = nextPhysicalLine() {
            if logical.append(line) { return .line(logical.text) }
        }
        return logical.isEmpty ? .endOfInput : .line(logical.text)
    }

    /// Does nothing: batch input never enters history.
    public func saveHistory() {}

    private func nextPhysicalLine() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                physicalLinesRead += 1
                return Self.decode(buffer[start..<newline])
            }
            if reachedEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                physicalLinesRead += 1
                return Self.decode(buffer[start...])
            }
            fill()
        }
    }

    private func fill() {
        buffer.removeSubrange(0..<start)
        start = 0
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
        } else if count == 0 || errno != EINTR {
            reachedEnd = true
        }
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: trimmed, as: UTF8.self)
    }
}
