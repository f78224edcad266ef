import Foundation
import OctopusClient
import OctopusModel
@testable import Orchestration
import Testing

/// Every reason an intervention is left to people: its words (what `approve` and `wait` print), its stable code
/// (what `-o json` gives scripts), and that it survives a saved plan.
struct LeftToPeopleReasonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var reason: LeftToPeopleReason
        var code: String
        var fragment: String
        var testDescription: String { code }
    }

    static let given = Date(timeIntervalSince1970: 1_610_622_120)  // 2021-01-14 11:02 UTC
    static let created = Date(timeIntervalSince1970: 1_610_634_600)  // 2021-01-14 14:30 UTC

    static let cases: [Case] = [
        Case(reason: .autoApprovalOff, code: "auto-approval-off", fragment: "auto-approval is off"),
        Case(reason: .approvalsNotResolved, code: "not-approved", fragment: "no approvals were resolved for this plan (approve it first)"),
        Case(reason: .noApprovalSource, code: "no-approval-source",
             fragment: "no parent release is named to take approvals from, and approving as the API key's user was not asked for"),
        Case(reason: .parentNotApproved(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval"), code: "parent-not-approved",
             fragment: "Release Orchestration 2021.1.0 has no successful deployment to Prod Approval to take approvals from. Deploy it to Prod Approval and approve its manual interventions first, or approve as yourself"),
        Case(reason: .notFollowed, code: "not-followed",
             fragment: "nothing follows the deployment to submit approvals, because the promotion does not wait for it"),
        Case(reason: .notInApprovedPlan(project: "Web UI"), code: "not-in-approved-plan",
             fragment: "the approvals do not apply to Web UI: it was not part of the approved plan"),
        Case(reason: .otherReleaseApproved(project: "Web API", approved: "2021.1.0.14", planned: "2021.1.0.15"), code: "other-release-approved",
             fragment: "the approvals do not apply to Web API: 2021.1.0.14 was approved, but 2021.1.0.15 would be deployed. Approve again"),
        Case(reason: .nobodyApproved(source: "Release Orchestration 2021.1.0 in Prod Approval"), code: "nobody-approved",
             fragment: "nobody approved Release Orchestration 2021.1.0 in Prod Approval, so there is no approval to take"),
        Case(reason: .noResponsibleTeam, code: "no-responsible-team", fragment: "it names no responsible team, so no approver's team matches it"),
        Case(reason: .noApproverInTeam(approvers: ["quinn", "wes"], teams: ["Business Owners"]), code: "no-approver-in-team",
             fragment: "none of the approvers (quinn, wes) is in a responsible team (Business Owners)"),
        Case(reason: .approvalPredates(parentRelease: "2021.1.0", project: "Web API", release: "2021.1.1.1", given: given, created: created, timeZone: "UTC"),
             code: "approval-predates-release", fragment: "approval of 2021.1.0 (given 11:02) predates Web API 2021.1.1.1 (created 14:30)"),
        Case(reason: .approvalPredates(parentRelease: "2021.1.0", project: "Web API", release: "2021.1.1.1", given: given, created: created, timeZone: "Europe/Berlin"),
             code: "approval-predates-release", fragment: "approval of 2021.1.0 (given 12:02) predates Web API 2021.1.1.1 (created 15:30)"),
        Case(reason: .approvalPredates(parentRelease: "2021.1.0", project: "Web API", release: "2021.1.1.1", given: given, created: created.addingTimeInterval(86_400), timeZone: nil),
             code: "approval-predates-release", fragment: "approval of 2021.1.0 (given 2021-01-14 11:02) predates Web API 2021.1.1.1 (created 2021-01-15 14:30)"),
        Case(reason: .apiUserMayNotAct, code: "api-user-may-not-act",
             fragment: "the API key's user may not take responsibility for it; make it a member of a responsible team to use auto-approval"),
        Case(reason: .guidedFailure, code: "guided-failure", fragment: "guided failure needs a person to decide; it is never answered automatically"),
        Case(reason: .refusedByServer(message: "You do not have permission to perform this action."), code: "refused-by-server",
             fragment: "the server refused the approval: You do not have permission to perform this action."),
    ]

    @Test(arguments: cases)
    func wordsAndCode(_ row: Case) throws {
        #expect(row.reason.fragment == row.fragment)
        #expect(row.reason.code == row.code)
        #expect(row.reason.sentence.first?.isUppercase == true)
        let decoded = try JSONDecoder().decode(LeftToPeopleReason.self, from: try JSONEncoder().encode(row.reason))
        #expect(decoded == row.reason)
    }

    /// Only a wait that an approval would end says the deployment waits meanwhile.
    @Test func theWaitSaysWhatHappensMeanwhileOnlyWhenAnApprovalWouldEndIt() {
        #expect(LeftToPeopleReason.autoApprovalOff.waitSentence == "Auto-approval is off. Unless someone approves it, the deployment waits until the timeout.")
        #expect(LeftToPeopleReason.guidedFailure.waitSentence == "Guided failure needs a person to decide; it is never answered automatically.")
        #expect(LeftToPeopleReason.refusedByServer(message: "Denied.").waitSentence == "The server refused the approval: Denied.")
    }

    /// Each reason has its own code, so a script can tell every one apart.
    @Test func codesAreDistinct() {
        let codes = Set(Self.cases.map(\.code))
        #expect(codes.count == 14)
    }

    /// A retried step names the work and the failure, as data.
    @Test func retriedWorkIsNamed() {
        #expect(RetriedWork.followingDeployments.description == "following the deployments")
        #expect(RetriedWork.creatingDeployment(project: "Web API").description == "creating the deployment of Web API")
        let failure = OctopusClientError.transport(method: .get, path: "/api/tasks", reason: "connection reset", attempts: 3)
        let plan = PromotionPlan(
            createdAt: Self.given, options: PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Production"),
            spaceId: "Spaces-1", destination: NamedReference(id: "Environments-5", name: "Production"), children: [InterventionCoverageTests.child()])
        let stopped = PromotionStopped(plan: plan, work: .followingDeployments, failure: failure, faultSeconds: 60)
        #expect(stopped.description.hasPrefix("The promotion stopped after 60 s of failing requests (following the deployments: \(failure.description))."))
    }
}
