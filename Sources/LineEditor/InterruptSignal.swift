import CEditLineShim

/// Watches for Ctrl-C (SIGINT) while a command runs, without killing the process: the shell polls `fired` and
/// cancels the command. Install it on the thread that runs the shell (the mask change applies to that thread; the
/// handler to the process).
public struct InterruptSignal: Sendable {
    private let countAtStart: Int

    /// Starts watching.
    public static func install() -> InterruptSignal {
        _ = swel_watch_sigint()
        return InterruptSignal(countAtStart: swel_sigint_count())
    }

    /// Whether SIGINT arrived since `install()`.
    public var fired: Bool { swel_sigint_count() != countAtStart }

    /// Puts back the disposition that was in place before `install()`.
    public func restore() {
        _ = swel_unwatch_sigint()
    }
}
