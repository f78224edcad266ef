import Foundation
import OctopusModel

/// Who signs off one manual intervention a child's deployment will raise: Conductor, on an approver's behalf, or
/// people — and why. One row of "who still has to sign off?".
///
/// Read it from a plan with ``PromotionPlan/interventionCoverage`` after `whatIf` (which resolves the approvals the
/// options ask for) or after ``PromotionEngine/approve(_:from:)``; ``PromotionEngine/coverage(_:from:)`` does both.
/// The wait loop decides each real interruption with the same rules (``decide(teamIds:teamNames:child:approvals:autoApprove:followed:apiUserMayAct:)``),
/// so what the plan says is what the run does.
public struct InterventionCoverage: Codable, Hashable, Sendable {
    /// The decision for one intervention.
    public enum Decision: Codable, Hashable, Sendable {
        /// Conductor submits "Proceed" on `approver`'s behalf, who belongs to `team` (a responsible team).
        case autoApproved(approver: Approver, team: String)
        /// Nobody approves it automatically, and why.
        case leftToPeople(reason: LeftToPeopleReason)
    }

    /// The child project.
    public var project: NamedReference<ProjectID>
    /// The child's stage (0-based).
    public var stage: Int
    /// The release the deployment would deploy.
    public var release: String?
    /// The manual-intervention step.
    public var stepName: String
    /// Its responsible teams, by name (empty: anyone with permission).
    public var responsibleTeams: [String]
    /// Auto-approved, or left to people and why.
    public var decision: Decision

    /// Creates a row.
    public init(project: NamedReference<ProjectID>, stage: Int, release: String?, stepName: String, responsibleTeams: [String], decision: Decision) {
        self.project = project
        self.stage = stage
        self.release = release
        self.stepName = stepName
        self.responsibleTeams = responsibleTeams
        self.decision = decision
    }

    /// Whether Conductor approves it.
    public var isAutoApproved: Bool {
        if case .autoApproved = decision { true } else { false }
    }

    /// `auto-approved as quinn (QA)` or `left to people: <why>`.
    public var summary: String {
        switch decision {
        case .autoApproved(let approver, let team): "auto-approved as \(approver.username) (\(team))"
        case .leftToPeople(let reason): "left to people: \(reason.fragment)"
        }
    }

    /// The decision for one intervention of `child` (§5.31.1 with Conductor's departures), used for the plan's
    /// expected interventions and for every real interruption the wait loop sees.
    /// - Parameters:
    ///   - teamIds: the intervention's responsible teams.
    ///   - teamNames: the same teams, by name.
    ///   - child: the child whose deployment raises the intervention.
    ///   - approvals: the plan's approvals (nil: none resolved).
    ///   - autoApprove: the plan's auto-approval option.
    ///   - followed: whether Conductor follows the deployment (waits) and so can submit anything.
    ///   - apiUserMayAct: whether the API key's user may take responsibility for it (nil: unknown, assumed).
    /// - Returns: auto-approved as whom, or left to people and why.
    public static func decide(
        teamIds: [TeamID], teamNames: [String], child: ChildPlan, approvals: ApprovalSet?, autoApprove: Bool, followed: Bool,
        apiUserMayAct: Bool?
    ) -> Decision {
        guard autoApprove else { return .leftToPeople(reason: .autoApprovalOff) }
        guard let approvals else { return .leftToPeople(reason: .approvalsNotResolved) }
        if case .none(let reason) = approvals.source { return .leftToPeople(reason: reason) }
        guard followed else { return .leftToPeople(reason: .notFollowed) }
        if let mismatch = approvals.mismatch(for: child) { return .leftToPeople(reason: mismatch) }
        guard !approvals.approvers.isEmpty else { return .leftToPeople(reason: .nobodyApproved(source: approvals.sourceDescription)) }
        guard !teamIds.isEmpty else { return .leftToPeople(reason: .noResponsibleTeam) }
        let inTeam = approvals.approvers.filter { approver in approver.teamIds.contains { teamIds.contains($0) } }
        guard let lastInTeam = inTeam.last else {
            return .leftToPeople(reason: .noApproverInTeam(approvers: approvals.approvers.map(\.username), teams: teamNames))
        }
        let current = inTeam.filter { approvals.approvalCovers($0, child: child) }
        guard let approver = current.first else { return .leftToPeople(reason: approvals.predates(lastInTeam, child: child)) }
        if apiUserMayAct == false { return .leftToPeople(reason: .apiUserMayNotAct) }
        let team = zip(teamIds, teamNames).first { approver.teamIds.contains($0.0) }?.1 ?? teamNames.first ?? ""
        return .autoApproved(approver: approver, team: team)
    }

}

extension ApprovalSet {
    /// `Release Orchestration 2021.1.0 in Prod Approval`, or `the plan` for approvals as the API key's user.
    var sourceDescription: String {
        switch source {
        case .parentDeployment(let project, let release, let environment, _, _, _): "\(project) \(release) in \(environment)"
        case .currentUser, .none: "the plan"
        }
    }

    /// Whether `approver`'s approval was given when the child's release existed — or the approved instructions
    /// name that release. Approvals as the API key's user are given now, so they always qualify.
    func approvalCovers(_ approver: Approver, child: ChildPlan) -> Bool {
        guard case .parentDeployment = source, let given = approver.approvedAt, let release = child.release else { return true }
        guard let created = release.created else { return true }
        return created <= given || instructionsName(project: child.project.name, version: release.version)
    }

    /// Why `approver`'s approval does not cover the child's release: it was given before the release was created.
    func predates(_ approver: Approver, child: ChildPlan) -> LeftToPeopleReason {
        let parentRelease: String = if case .parentDeployment(_, let release, _, _, _, _) = source { release } else { "the plan" }
        return .approvalPredates(
            parentRelease: parentRelease, project: child.project.name, release: child.release?.version ?? "",
            given: approver.approvedAt, created: child.release?.created, timeZone: timeZoneIdentifier)
    }
}

extension PromotionPlan {
    /// Every manual intervention the plan's deployments will raise (children that deploy and were previewed), in
    /// plan order, each with its responsible teams and who signs it off — "who still has to sign off?".
    public var interventionCoverage: [InterventionCoverage] {
        children.filter(\.willDeploy).flatMap { child in
            (child.preview?.interventions ?? []).map { intervention in
                let teams = intervention.responsibleTeams.count == intervention.responsibleTeamIds.count
                    ? intervention.responsibleTeams : intervention.responsibleTeamIds.map(\.rawValue)
                let mayAct = approvals?.apiUserTeamIds.map { userTeams in
                    intervention.responsibleTeamIds.isEmpty || intervention.responsibleTeamIds.contains(where: userTeams.contains)
                }
                return InterventionCoverage(
                    project: child.project, stage: child.stage, release: child.release?.version, stepName: intervention.stepName,
                    responsibleTeams: teams,
                    decision: InterventionCoverage.decide(
                        teamIds: intervention.responsibleTeamIds, teamNames: teams, child: child, approvals: approvals,
                        autoApprove: options.autoApprove, followed: options.wait, apiUserMayAct: mayAct))
            }
        }
    }

    /// The coverage of one child's interventions.
    public func interventionCoverage(of project: ProjectID) -> [InterventionCoverage] {
        interventionCoverage.filter { $0.project.id == project }
    }
}
