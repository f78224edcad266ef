import Foundation

/// How wide standard output is: the terminal's columns, else `COLUMNS`, else nil (a pipe or file: no limit, so
/// what scripts read does not depend on a window).
public enum TerminalWidth {
    public static func columns(environment: [String: String]) -> Int? {
        terminalColumns(of: STDOUT_FILENO) ?? environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// How wide standard error's terminal is; nil when it is not a terminal (messages are not wrapped then).
    public static func errorColumns() -> Int? {
        terminalColumns(of: STDERR_FILENO)
    }

    /// The columns of the terminal `descriptor` is, nil when it is none (or reports no width).
    private static func terminalColumns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
