import Foundation
import OctopusModel
@testable import Orchestration
import Testing

/// Who signs off an intervention: the rules the plan's coverage and the wait loop share.
struct InterventionCoverageTests {
    static let given = Date(timeIntervalSince1970: 1_610_622_120)  // 2021-01-14 11:02 UTC
    static let webAPI = NamedReference<ProjectID>(id: "Projects-3", name: "Web API")
    static let qa: TeamID = "Teams-2"
    static let webAdmins: TeamID = "Teams-3"
    static let releaseManagement: TeamID = "Teams-1"

    static func child(version: String = "2021.1.0.14", created: Date? = given.addingTimeInterval(-86_400)) -> ChildPlan {
        var child = ChildPlan(stage: 1, project: webAPI, projectSlug: "web-api", action: .deploy, outputs: .noRelease)
        child.release = ReleaseReference(id: "Releases-8", version: version, created: created)
        return child
    }

    static let quinn = Approver(userId: "Users-3", username: "quinn", displayName: "Quinn Tester", teamIds: [qa], approvedAt: given)
    static let olivia = Approver(userId: "Users-5", username: "olivia", displayName: "Olivia Owner", teamIds: ["Teams-4"], approvedAt: given)

    static func parentApprovals(_ approvers: [Approver], instructions: [String] = []) -> ApprovalSet {
        ApprovalSet(
            source: .parentDeployment(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval", taskId: "ServerTasks-9", spaceId: "Spaces-1", webLink: ""),
            approvers: approvers, approvedReleases: [webAPI.id: ReleaseReference(id: "Releases-8", version: "2021.1.0.14")], approvedAt: given,
            approvedInstructions: instructions, timeZoneIdentifier: "UTC")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var teams: [TeamID] = [qa, releaseManagement]
        var child: ChildPlan = InterventionCoverageTests.child()
        var approvals: ApprovalSet?
        var autoApprove = true
        var followed = true
        var apiUserMayAct: Bool? = true
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a parent approver in a responsible team", approvals: parentApprovals([olivia, quinn]), expected: "auto-approved as quinn (QA)"),
        Case(name: "as me, for my team", teams: [webAdmins, releaseManagement],
             approvals: ApprovalSet(source: .currentUser, approvers: [Approver(userId: "Users-1", username: "release-conductor", teamIds: [releaseManagement])],
                                    approvedReleases: [webAPI.id: ReleaseReference(id: "Releases-8", version: "2021.1.0.14")], approvedAt: given),
             expected: "auto-approved as release-conductor (Release Management)"),
        Case(name: "no parent and not as me: nobody's approval", approvals: ApprovalSet(
            source: .none(reason: .noApprovalSource),
            approvers: [], approvedReleases: [:], approvedAt: given),
             expected: "left to people: no parent release is named to take approvals from, and approving as the API key's user was not asked for"),
        Case(name: "auto-approval off", approvals: parentApprovals([quinn]), autoApprove: false, expected: "left to people: auto-approval is off"),
        Case(name: "no approvals resolved", expected: "left to people: no approvals were resolved for this plan (approve it first)"),
        Case(name: "not waiting: nothing submits", approvals: parentApprovals([quinn]), followed: false,
             expected: "left to people: nothing follows the deployment to submit approvals, because the promotion does not wait for it"),
        Case(name: "nobody approved the parent", approvals: parentApprovals([]),
             expected: "left to people: nobody approved Release Orchestration 2021.1.0 in Prod Approval, so there is no approval to take"),
        Case(name: "approvers in other teams", teams: [webAdmins, releaseManagement], approvals: parentApprovals([olivia, quinn]),
             expected: "left to people: none of the approvers (olivia, quinn) is in a responsible team (Web Admins, Release Management)"),
        Case(name: "no responsible team", teams: [], approvals: parentApprovals([quinn]),
             expected: "left to people: it names no responsible team, so no approver's team matches it"),
        Case(name: "the release was created after the approval", child: child(version: "2021.1.1.1", created: given.addingTimeInterval(3 * 3600 + 28 * 60)),
             approvals: parentApprovals([quinn]),
             expected: "left to people: approval of 2021.1.0 (given 11:02) predates Web API 2021.1.1.1 (created 14:30)"),
        Case(name: "created later, but the approved instructions name it", child: child(version: "2021.1.1.1", created: given.addingTimeInterval(3600)),
             approvals: parentApprovals([quinn], instructions: ["Please approve releases for:\n**Web API: 2021.1.1.1**\nFixes the login bug."]),
             expected: "auto-approved as quinn (QA)"),
        Case(name: "the instructions name another build", child: child(version: "2021.1.1.1", created: given.addingTimeInterval(86_400)),
             approvals: parentApprovals([quinn], instructions: ["**Web API: 2021.1.1.10**"]),
             expected: "left to people: approval of 2021.1.0 (given 2021-01-14 11:02) predates Web API 2021.1.1.1 (created 2021-01-15 11:02)"),
        Case(name: "another release than the one approved", child: {
            var other = InterventionCoverageTests.child(version: "2021.1.0.15")
            other.release?.id = "Releases-9"
            return other
        }(), approvals: parentApprovals([quinn]),
             expected: "left to people: the approvals do not apply to Web API: 2021.1.0.14 was approved, but 2021.1.0.15 would be deployed. Approve again"),
        Case(name: "the API key's user may not take it", approvals: parentApprovals([quinn]), apiUserMayAct: false,
             expected: "left to people: the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval"),
    ]

    @Test(arguments: cases)
    func decision(_ row: Case) {
        let names = row.teams.map { [Self.qa: "QA", Self.webAdmins: "Web Admins", Self.releaseManagement: "Release Management"][$0] ?? $0.rawValue }
        let decision = InterventionCoverage.decide(
            teamIds: row.teams, teamNames: names, child: row.child, approvals: row.approvals, autoApprove: row.autoApprove,
            followed: row.followed, apiUserMayAct: row.apiUserMayAct)
        let coverage = InterventionCoverage(project: Self.webAPI, stage: 1, release: row.child.release?.version, stepName: "QA Approval", responsibleTeams: names, decision: decision)
        #expect(coverage.summary == row.expected)
    }

    /// The plan's coverage lists every expected intervention of the children that deploy, and knows when the API
    /// key's user is in none of an intervention's teams.
    @Test func planCoverageListsEveryExpectedIntervention() throws {
        var plan = PromotionPlan(
            createdAt: Self.given, options: PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Production"),
            spaceId: "Spaces-1", destination: NamedReference(id: "Environments-5", name: "Production"), children: [Self.child()])
        plan.children[0].preview = ChildPreview(
            specificMachineIds: [], machineNames: [], steps: [], formValues: [:], useGuidedFailure: false, notes: .releaseNotes(text: nil, packages: []),
            interventions: [
                ExpectedIntervention(stepName: "Web Admin Approval", responsibleTeamIds: [Self.webAdmins], responsibleTeams: ["Web Admins"]),
                ExpectedIntervention(stepName: "QA Approval", responsibleTeamIds: [Self.qa], responsibleTeams: ["QA"]),
            ],
            snapshotIsStale: false, snapshotRefreshed: false)
        var approvals = Self.parentApprovals([Self.quinn, Approver(userId: "Users-4", username: "wes", teamIds: [Self.webAdmins], approvedAt: Self.given)])
        approvals.apiUserTeamIds = [Self.qa]
        plan.approvals = approvals
        #expect(plan.interventionCoverage.map(\.summary) == [
            "left to people: the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval",
            "auto-approved as quinn (QA)",
        ])
        #expect(plan.interventionCoverage.map(\.stepName) == ["Web Admin Approval", "QA Approval"])
        plan.children[0].action = .skip(.alreadyCurrent)
        #expect(plan.interventionCoverage.isEmpty, "a skipped child raises nothing")
    }

    @Test(arguments: [
        ("Web API: 2021.1.1.1", true),
        ("**Web API: 2021.1.1.1**", true),
        ("Web API 2021.1.1.1.", true),
        ("Web API: 2021.1.1.10", false),
        ("Web API: 12021.1.1.1", false),
        ("Web UI: 2021.1.1.1", false),
    ])
    func instructionsNameTheRelease(line: String, names: Bool) {
        #expect(Self.parentApprovals([], instructions: ["Please approve:\n\(line)"]).instructionsName(project: "Web API", version: "2021.1.1.1") == names)
    }
}
