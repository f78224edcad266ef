import Foundation
import OctopusClient

/// A promotion stopped because requests kept failing for longer than the engine's fault budget — with nothing
/// abandoned. `plan` holds every child's state so far; the deployments still running are in it (and in the ledger),
/// so running the same promotion again, or `wait` on this plan, follows them and finishes.
public struct PromotionStopped: Error, Sendable, CustomStringConvertible {
    /// The plan as far as it got.
    public var plan: PromotionPlan
    /// What kept failing.
    public var work: RetriedWork
    /// The last failure (it never holds the API key).
    public var failure: OctopusClientError
    /// How long the faults lasted before the engine gave up.
    public var faultSeconds: Int

    /// Creates the error.
    public init(plan: PromotionPlan, work: RetriedWork, failure: OctopusClientError, faultSeconds: Int) {
        self.plan = plan
        self.work = work
        self.failure = failure
        self.faultSeconds = faultSeconds
    }

    /// The children whose deployment exists and has not finished (or whose end was not seen).
    public var running: [ChildPlan] {
        plan.children.filter { $0.deployment != nil && $0.outcome == nil }
    }

    public var description: String {
        "The promotion stopped after \(faultSeconds) s of failing requests (\(work): \(failure.description)). Nothing was abandoned: "
            + (running.isEmpty ? "no deployment is running." : "\(running.count) deployment\(running.count == 1 ? " is" : "s are") still running.")
    }
}
