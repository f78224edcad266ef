import Foundation

/// Why nobody approves a manual intervention automatically: the typed reason behind "left to people: …", carried by
/// the plan's coverage, the approvals' source and the wait's progress events, so renderers and scripts (`-o json`'s
/// `reasonCode`) tell the reasons apart without reading prose.
public enum LeftToPeopleReason: Codable, Hashable, Sendable {
    /// The plan's options turn auto-approval off.
    case autoApprovalOff
    /// The plan was not approved (`approve` has not run), so there are no approvals to take.
    case approvalsNotResolved
    /// No parent release is named and approving as the API key's user was not asked for.
    case noApprovalSource
    /// The parent release has no successful deployment to the approval environment.
    case parentNotApproved(project: String, release: String, environment: String)
    /// Nothing follows the deployment (the promotion does not wait), so nothing can submit an approval.
    case notFollowed
    /// The child was not part of the plan that was approved.
    case notInApprovedPlan(project: String)
    /// Another release of the child was approved than the one that would be deployed.
    case otherReleaseApproved(project: String, approved: String, planned: String)
    /// The approval source has no approvers (`source` names it: `Release Orchestration 2021.1.0 in Prod Approval`).
    case nobodyApproved(source: String)
    /// The intervention names no responsible team, so no approver's team can match it.
    case noResponsibleTeam
    /// None of the approvers is in one of the intervention's responsible teams.
    case noApproverInTeam(approvers: [String], teams: [String])
    /// The approval was given before the child's release was created (and its instructions do not name it).
    case approvalPredates(parentRelease: String, project: String, release: String, given: Date?, created: Date?, timeZone: String?)
    /// The API key's user may not take responsibility for the intervention.
    case apiUserMayNotAct
    /// A guided-failure prompt: it needs a decision (retry, ignore, fail) that approvals do not give.
    case guidedFailure
    /// The server refused the approval Conductor submitted (no permission, or answered meanwhile).
    case refusedByServer(message: String)

    /// A stable identifier for scripts: `auto-approval-off`, `no-approver-in-team`, …
    public var code: String {
        switch self {
        case .autoApprovalOff: "auto-approval-off"
        case .approvalsNotResolved: "not-approved"
        case .noApprovalSource: "no-approval-source"
        case .parentNotApproved: "parent-not-approved"
        case .notFollowed: "not-followed"
        case .notInApprovedPlan: "not-in-approved-plan"
        case .otherReleaseApproved: "other-release-approved"
        case .nobodyApproved: "nobody-approved"
        case .noResponsibleTeam: "no-responsible-team"
        case .noApproverInTeam: "no-approver-in-team"
        case .approvalPredates: "approval-predates-release"
        case .apiUserMayNotAct: "api-user-may-not-act"
        case .guidedFailure: "guided-failure"
        case .refusedByServer: "refused-by-server"
        }
    }

    /// The reason as a fragment for "left to people: …": lower-case start, no final full stop.
    public var fragment: String {
        switch self {
        case .autoApprovalOff:
            "auto-approval is off"
        case .approvalsNotResolved:
            "no approvals were resolved for this plan (approve it first)"
        case .noApprovalSource:
            "no parent release is named to take approvals from, and approving as the API key's user was not asked for"
        case .parentNotApproved(let project, let release, let environment):
            Self.fragment(of: OrchestrationError.noApprovalDeployment(project: project, release: release, environment: environment).description)
        case .notFollowed:
            "nothing follows the deployment to submit approvals, because the promotion does not wait for it"
        case .notInApprovedPlan(let project):
            "the approvals do not apply to \(project): it was not part of the approved plan"
        case .otherReleaseApproved(let project, let approved, let planned):
            "the approvals do not apply to \(project): \(approved) was approved, but \(planned) would be deployed. Approve again"
        case .nobodyApproved(let source):
            "nobody approved \(source), so there is no approval to take"
        case .noResponsibleTeam:
            "it names no responsible team, so no approver's team matches it"
        case .noApproverInTeam(let approvers, let teams):
            "none of the approvers (\(approvers.joined(separator: ", "))) is in a responsible team (\(teams.joined(separator: ", ")))"
        case .approvalPredates(let parentRelease, let project, let release, let given, let created, let timeZone):
            Self.predates(parentRelease: parentRelease, project: project, release: release, given: given, created: created, timeZone: timeZone)
        case .apiUserMayNotAct:
            "the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval"
        case .guidedFailure:
            "guided failure needs a person to decide; it is never answered automatically"
        case .refusedByServer(let message):
            "the server refused the approval: \(message)"
        }
    }

    /// The reason as a sentence: capitalised, with a final full stop (a server's message may bring its own).
    public var sentence: String {
        fragment.prefix(1).uppercased() + fragment.dropFirst() + (fragment.hasSuffix(".") ? "" : ".")
    }

    /// What the wait says about a pending intervention left to people: the sentence, and — where only an approval
    /// would end it — that the deployment waits meanwhile.
    public var waitSentence: String {
        switch self {
        case .guidedFailure, .refusedByServer: sentence
        default: sentence + " Unless someone approves it, the deployment waits until the timeout."
        }
    }

    /// A sentence as a fragment: no leading "The", no final full stop.
    static func fragment(of sentence: String) -> String {
        var text = sentence
        if text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("The ") { text = "the " + text.dropFirst(4) }
        return text
    }

    /// `approval of 2021.1.0 (given 11:02) predates Web API 2021.1.1.1 (created 14:30)`, times in the plan's zone.
    private static func predates(parentRelease: String, project: String, release: String, given: Date?, created: Date?, timeZone: String?) -> String {
        guard let given, let created else { return "approval of \(parentRelease) predates \(project) \(release)" }
        let zone = timeZone.flatMap(TimeZone.init(identifier:)) ?? .gmt
        let (givenText, createdText) = shortTimes(given, created, zone: zone)
        return "approval of \(parentRelease) (given \(givenText)) predates \(project) \(release) (created \(createdText))"
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
