import Foundation
import Testing

/// A piped run uses no libedit: no prompt, no escape sequences, no history.
@Suite("lineedit-probe with piped input")
struct PipedProbeTests {
    /// Runs the probe with `input` on a pipe; returns its standard output and exit status.
    static func run(_ input: String, arguments: [String] = []) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProbeSession.probePath)
        process.arguments = arguments
        process.environment = ["TERM": "xterm", "LANG": "C.UTF-8", "HOME": ProbeSession.makeFolder()]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: output, as: UTF8.self), process.terminationStatus)
    }

    @Test func readsEveryLineWithoutPromptsOrEscapes() throws {
        let (output, status) = try Self.run("a\nb\n")
        #expect(status == 0)
        #expect(output == "-> [a]\n-> [b]\nbye\n")
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("probe>"))
    }

    @Test func joinsContinuationsAndKeepsUTF8() throws {
        let (output, status) = try Self.run("use project \"Café\nBackend\"\ndeploy \\\nnow\nnaïve ✓")
        #expect(status == 0)
        #expect(output == "-> [use] [project] [Café\nBackend]\n-> [deploy] [now]\n-> [naïve] [✓]\nbye\n")
    }

    @Test func keepsNoHistoryInBatchMode() throws {
        let file = ProbeSession.makeFolder() + "/history"
        let (output, _) = try Self.run("find\n", arguments: ["--history", file])
        #expect(output == "-> [find]\nbye\n")
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
