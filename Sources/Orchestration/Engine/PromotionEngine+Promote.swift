import Foundation
import OctopusClient
import OctopusModel

extension PromotionEngine {
    /// Runs a whole promotion like the template does for each child step: find → whatif → (What If: stop) →
    /// approvals when auto-approval is on (from the parent release when a parent is named, otherwise as the API key's
    /// own user — the template's default takes them from the deployment running it, and here that is whoever runs
    /// Conductor) → schedule → deploy → wait (unless not waiting or scheduled, as §5.31.2–3).
    ///
    /// - Parameter progress: receives deploy and wait events.
    /// - Returns: the final plan; each child carries its outputs and outcome.
    public func promote(_ options: PromotionOptions, progress: ProgressSink? = nil) async throws -> PromotionPlan {
        var plan = try await findAndPreview(options)
        if options.whatIf {
            return plan
        }
        if options.autoApprove, !plan.deployable.isEmpty {
            do {
                plan = try await approve(plan)
            } catch let error as OrchestrationError {
                // §5.29: no approval deployment disables auto-approval; the promotion goes on.
                guard case .noApprovalDeployment = error else { throw error }
                for index in plan.children.indices where plan.children[index].willDeploy {
                    plan.children[index].messages.append(PlanMessage(.warning, "\(error.description) Auto-approval is off for this promotion."))
                }
            }
        }
        if let text = options.schedule {
            plan = try schedule(plan, at: text)
        }
        if !options.wait || plan.schedule != nil {
            if options.wait {
                for index in plan.children.indices where plan.children[index].willDeploy {
                    plan.children[index].messages.append(PlanMessage(.warning, "A start time is set, so the deployment is not waited for; the server starts it at \(plan.schedule?.absoluteText ?? "the scheduled time")."))
                }
            }
            plan = try await deploy(plan, progress: progress)
            for index in plan.children.indices where plan.children[index].deployment != nil {
                plan.children[index].outcome = .notWaited
            }
            return plan
        }
        return try await wait(plan, progress: progress)
    }
}
