import Foundation
import OctopusModel

/// What route handlers work with: the store, the clock and the configuration. Built once per server
/// in ``SandboxServer/start(_:)``; parts of the sandbox that need more (the task simulator, fault
/// injection, request statistics) add their fields here.
public struct SandboxServices: Sendable {
    public let store: SandboxStore
    public let clock: any SandboxClock
    public let configuration: SandboxConfiguration

    public init(store: SandboxStore, clock: any SandboxClock, configuration: SandboxConfiguration) {
        self.store = store
        self.clock = clock
        self.configuration = configuration
    }
}
