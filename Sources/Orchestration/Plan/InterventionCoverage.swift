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
        /// Nobody approves it automatically; `reason` says why (starting lower-case, no final full stop).
        case leftToPeople(reason: String)
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
        case .leftToPeople(let reason): "left to people: \(reason)"
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
        guard autoApprove else { return .leftToPeople(reason: "auto-approval is off") }
        guard let approvals else { return .leftToPeople(reason: "no approvals were resolved for this plan (approve it first)") }
        if case .none(let reason) = approvals.source { return .leftToPeople(reason: reason) }
        guard followed else {
            return .leftToPeople(reason: "nothing follows the deployment to submit approvals, because the promotion does not wait for it")
        }
        if let why = approvals.mismatch(for: child) { return .leftToPeople(reason: sentenceFragment(why)) }
        guard !approvals.approvers.isEmpty else {
            return .leftToPeople(reason: "nobody approved \(approvals.sourceDescription), so there is no approval to take")
        }
        guard !teamIds.isEmpty else { return .leftToPeople(reason: "it names no responsible team, so no approver's team matches it") }
        let inTeam = approvals.approvers.filter { approver in approver.teamIds.contains { teamIds.contains($0) } }
        guard !inTeam.isEmpty else {
            let names = approvals.approvers.map(\.username).joined(separator: ", ")
            return .leftToPeople(reason: "none of the approvers (\(names)) is in a responsible team (\(teamNames.joined(separator: ", ")))")
        }
        let current = inTeam.filter { approvals.approvalCovers($0, child: child) }
        guard let approver = current.first else {
            return .leftToPeople(reason: approvals.predatesReason(inTeam.last ?? inTeam[0], child: child))
        }
        if apiUserMayAct == false {
            return .leftToPeople(reason: "the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval")
        }
        let team = zip(teamIds, teamNames).first { approver.teamIds.contains($0.0) }?.1 ?? teamNames.first ?? ""
        return .autoApproved(approver: approver, team: team)
    }

    /// A sentence as a fragment for "left to people: …": no leading "The", no final full stop.
    static func sentenceFragment(_ sentence: String) -> String {
        var text = sentence
        if text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("The ") { text = "the " + text.dropFirst(4) }
        return text
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

    /// `approval of 2021.1.0 (given 11:02) predates Web API 2021.1.1.1 (created 14:30)`.
    func predatesReason(_ approver: Approver, child: ChildPlan) -> String {
        let zone = timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? .gmt
        let parentRelease: String = if case .parentDeployment(_, let release, _, _, _, _) = source { release } else { "the plan" }
        guard let given = approver.approvedAt, let release = child.release, let created = release.created else {
            return "approval of \(parentRelease) predates \(child.project.name) \(child.release?.version ?? "")"
        }
        let (givenText, createdText) = Self.shortTimes(given, created, zone: zone)
        return "approval of \(parentRelease) (given \(givenText)) predates \(child.project.name) \(release.version) (created \(createdText))"
    }

    /// `11:02` and `14:30` on the same day, else both with their dates (`2021-01-14 11:02`).
    static func shortTimes(_ first: Date, _ second: Date, zone: TimeZone) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let sameDay = calendar.isDate(first, inSameDayAs: second)
        func text(_ date: Date) -> String {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
            return sameDay ? time : String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + time
        }
        return (text(first), text(second))
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
