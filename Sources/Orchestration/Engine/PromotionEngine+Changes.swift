import Foundation
import OctopusModel

/// How one child's decision differs between a saved plan and the server's state now.
public struct PlanChange: Sendable, Hashable, CustomStringConvertible {
    /// The child project.
    public var project: String
    /// What the saved plan does: a version to deploy, or nil when it skips the child.
    public var planned: String?
    /// What a plan made now would do.
    public var now: String?

    /// Creates a change.
    public init(project: String, planned: String?, now: String?) {
        self.project = project
        self.planned = planned
        self.now = now
    }

    public var description: String {
        switch (planned, now) {
        case let (planned?, now?): "\(project): the plan deploys \(planned), now \(now) would be deployed"
        case let (planned?, nil): "\(project): the plan deploys \(planned), now it would be skipped"
        case let (nil, now?): "\(project): the plan skips it, now \(now) would be deployed"
        case (nil, nil): "\(project): unchanged"
        }
    }
}

extension PromotionEngine {
    /// Terraform's stale-plan check (shell conventions §12): runs `find` again with the plan's options and lists the
    /// children whose decision changed — another release, or deploy versus skip. Empty means the saved plan still
    /// holds. Costs what `find` costs.
    public func changes(since plan: PromotionPlan) async throws -> [PlanChange] {
        let fresh = try await find(plan.options)
        return plan.children.compactMap { old in
            let new = fresh.children.first { $0.project.id == old.project.id }
            let planned = old.willDeploy ? old.release?.version : nil
            let now = new?.willDeploy == true ? new?.release?.version : nil
            return planned == now ? nil : PlanChange(project: old.project.name, planned: planned, now: now)
        }
    }
}
