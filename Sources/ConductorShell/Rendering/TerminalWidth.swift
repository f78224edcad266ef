import Foundation

/// How wide standard output is: the terminal's columns, else `COLUMNS`, else nil (a pipe or file: no limit, so
/// what scripts read does not depend on a window).
public enum TerminalWidth {
    public static func columns(environment: [String: String]) -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// How wide standard error's terminal is; nil when it is not a terminal (messages are not wrapped then).
    public static func errorColumns() -> Int? {
        var size = winsize()
        guard isatty(STDERR_FILENO) == 1, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
