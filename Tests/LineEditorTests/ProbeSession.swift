import PseudoTerminal

#if canImport(Glibc)
import Glibc
#endif

/// Starts `lineedit-probe` (built next to the test bundle) on a pseudo-terminal with a clean,
/// CI-like environment: TERM and a UTF-8 locale set explicitly, HOME in a private folder.
enum ProbeSession {
    static let prompt = "probe> "

    /// The folder holding the built products (`.build/debug`).
    static var productsFolder: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = length > 0
            ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        var folder = executable
        // The test bundle may be a directory (…/X.xctest/…); climb to the folder that holds the probe.
        while !folder.isEmpty {
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
            if access(folder + "/lineedit-probe", X_OK) == 0 { return folder }
        }
        return "."
    }

    static var probePath: String { productsFolder + "/lineedit-probe" }

    /// A fresh private folder for HOME, history and editrc files.
    static func makeFolder() -> String {
        var template = Array("/tmp/lineedit-probe-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template) else { return "/tmp" }
        return String(cString: folder)
    }

    static func start(
        _ arguments: [String] = [],
        home: String = makeFolder(),
        environment extra: [String: String] = [:],
        columns: Int = 80,
        rows: Int = 40,
        waitForPrompt: Bool = true
    ) throws -> PseudoTerminalProcess {
        var environment = ["TERM": "xterm", "LANG": "C.UTF-8", "HOME": home, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { $1 }
        let probe = try PseudoTerminalProcess(
            executable: probePath, arguments: arguments, environment: environment, columns: columns, rows: rows
        )
        if waitForPrompt { try probe.waitForCursorLine(prompt) }
        return probe
    }
}
