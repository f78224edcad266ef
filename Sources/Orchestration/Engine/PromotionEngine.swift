import Foundation
import OctopusClient
import OctopusModel

/// The promotion engine: the step template's behaviour for a whole application, as the incremental steps
/// find → whatif → approve → schedule → deploy → wait, and `promote`, which runs them all like the template.
///
/// Each step takes the plan from the step before and returns a new one; nothing is kept between calls except in the
/// ledger, so a saved plan can be resumed by another process. Errors are `OrchestrationError` for the engine's own
/// decisions and `OctopusClientError` (passed through untouched, so callers can tell 401/403 apart) for requests.
public struct PromotionEngine: Sendable {
    /// The client, bound to the child space.
    public let client: OctopusClient
    /// The record of created deployments.
    public let ledger: any DeploymentLedger
    /// Time and sleeping.
    public var clock: PromotionClock
    /// The longest time between polls while waiting (the template: 5 s).
    public var pollInterval: Duration
    /// The shortest time between polls: used right after tasks start, finish or leave `Executing`, and while a task is
    /// young, so a stage starts about this long after the one before ends (see `WaitPacing`).
    public var quickPollInterval: Duration
    /// How many children run their lookups at once, which bounds the requests in flight (default 16: a 50-child
    /// application resolves in a few round trips without hammering the server; see docs/promotion.md).
    public var concurrency: Int
    /// The zone schedules are read in when the options name none.
    public var defaultTimeZone: TimeZone
    /// How long requests may keep failing in a row (after the client's own retries) before a promotion stops —
    /// without abandoning anything (`PromotionStopped`). Default 300 s.
    public var faultBudget: TimeInterval
    /// The first pause after a transient fault (doubling, at most 15 s). Default 1 s.
    public var faultPause: Duration

    /// Creates an engine.
    /// - Parameters:
    ///   - client: a client bound to the child space.
    ///   - ledger: where created deployments are recorded (default: in memory).
    ///   - clock: time and sleeping (default: the system clock).
    ///   - pollInterval: the longest wait between polls (default 5 s).
    ///   - quickPollInterval: the shortest wait between polls (default 0.5 s, never more than `pollInterval`).
    ///   - concurrency: children resolved at once (default 16).
    ///   - defaultTimeZone: zone for schedules (default: the machine's zone).
    ///   - faultBudget: seconds of failing requests in a row tolerated once deployments exist (default 300).
    ///
    /// Pass a `FileDeploymentLedger` (`.standard()` or `FileDeploymentLedger(directory:)`) for anything a person
    /// runs: the in-memory default forgets what it created when the process ends.
    public init(
        client: OctopusClient, ledger: any DeploymentLedger = InMemoryDeploymentLedger(), clock: PromotionClock = .system,
        pollInterval: Duration = .seconds(5), quickPollInterval: Duration = .milliseconds(500),
        concurrency: Int = PromotionEngine.defaultConcurrency, defaultTimeZone: TimeZone = .current,
        faultBudget: TimeInterval = 300
    ) {
        self.client = client
        self.ledger = ledger
        self.clock = clock
        self.pollInterval = pollInterval
        self.quickPollInterval = min(quickPollInterval, pollInterval)
        self.concurrency = max(1, concurrency)
        self.defaultTimeZone = defaultTimeZone
        self.faultBudget = max(0, faultBudget)
        self.faultPause = .seconds(1)
    }

    /// Children resolved at once unless set: 16.
    public static let defaultConcurrency = 16

    /// The web-portal link of a deployment (§5.31).
    func webLink(projectSlug: String, version: String, deploymentId: DeploymentID) -> String {
        let root = client.connection.serverRoot.absoluteString
        return "\(root)/app#/\(client.spaceID.rawValue)/projects/\(projectSlug)/deployments/releases/\(version)/deployments/\(deploymentId.rawValue)?activeTab=taskSummary"
    }
}
