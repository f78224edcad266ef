import LineEditor

/// Ctrl-C while a command runs cancels that command — its child task — and never a server task: the engine's
/// sleeps and requests end with `CancellationError`, and the deployments go on running on the server.
public enum Interrupts {
    /// Runs `body`, cancelling it when SIGINT arrives; returns nil when it was interrupted.
    public static func cancellingOnInterrupt<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        let watcher = InterruptSignal.install()
        defer { watcher.restore() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                while !Task.isCancelled {
                    if watcher.fired { return nil }
                    try await Task.sleep(for: .milliseconds(50))
                }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }
}
