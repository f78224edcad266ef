import Foundation
import OctopusModel

/// What route handlers work with: the store, the clock and the configuration. Built once per server
/// in ``SandboxServer/start(_:)``; parts of the sandbox that need more (the task simulator, fault
/// injection, request statistics) add their fields here.
package struct SandboxServices: Sendable {
    package let store: SandboxStore
    package let clock: any SandboxClock
    package let configuration: SandboxConfiguration
    /// Advances deployment tasks to the clock (sandbox-tasks).
    package let simulator: TaskSimulator
    /// Request counts per route template (`/api/sandbox/stats`).
    package let statistics: RequestStatistics
    /// Injected latency and failures (`--latency`, `--fail-rate`, `--reset-rate`).
    package let faults: FaultInjector
    /// Totals of large lists, valid until the next write.
    let counts = UntilChangedCache<Int>(capacity: 512)
    /// Each caller's permissions per space (the check every request makes; nil: no such space), valid until the next
    /// write.
    let spaceAccess = UntilChangedCache<Set<SandboxPermission>?>(capacity: 256)
    /// The user of each API key presented (nil: none, or inactive), valid until the next write.
    let keyUsers = UntilChangedCache<User?>(capacity: 256)
    /// Dashboard and progression answers, valid until the next write.
    let answers = AnswerCache()

    package init(store: SandboxStore, clock: any SandboxClock, configuration: SandboxConfiguration) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.simulator = TaskSimulator(store: store, clock: clock, speed: configuration.speed)
        self.statistics = RequestStatistics()
        self.faults = FaultInjector(configuration)
    }
}
