import Foundation
import OctopusModel
@testable import Orchestration
import Testing

/// The messages a release manager reads in the approve-at-11, deploy-at-19 scenario (issue 13, row 6), each pinned.
struct ReleaseManagerMessageTests {
    static let now = Date(timeIntervalSince1970: 1_610_650_800)  // 2021-01-14 19:00 UTC
    static let utc = TimeZone(identifier: "UTC") ?? .gmt

    /// A past `--at` suggests a time that parses, and is in the future.
    @Test(arguments: [
        ("2021-01-14 18:00:00", "2021-01-15 18:00:00"),
        ("2021-01-13 21:00:00", "2021-01-14 21:00:00"),
        ("01 Jan 2021 18:00:00", "2021-01-15 18:00:00"),
        ("18:00", "tomorrow 18:00"),
        ("7:00 PM", "tomorrow 7:00 PM"),
        ("2021-01-14 18:00 Europe/Berlin", "2021-01-15 18:00:00 Europe/Berlin"),
    ])
    func pastScheduleSuggestsAFutureTimeThatParses(text: String, suggestion: String) throws {
        let parser = ScheduleParser(timeZone: Self.utc)
        do {
            _ = try parser.parse(text, now: Self.now)
            Issue.record("'\(text)' should be in the past")
        } catch let error as OrchestrationError {
            guard case .scheduleInPast(_, _, _, let suggested) = error else { Issue.record("\(error)"); return }
            #expect(suggested == suggestion)
            #expect(error.description.contains("e.g. '\(suggestion)' or '+2h'"))
            let parsed = try #require(try parser.parse(suggested, now: Self.now))
            #expect(parsed.queueTime > Self.now)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var actual: @Sendable () -> String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no approvers is not 'none of the approvers'", actual: {
            InterventionCoverage(
                project: NamedReference(id: "Projects-1", name: "Database"), stage: 0, release: "2021.1.0.10", stepName: "QA Approval", responsibleTeams: ["QA"],
                decision: InterventionCoverage.decide(
                    teamIds: ["Teams-2"], teamNames: ["QA"], child: InterventionCoverageTests.child(),
                    approvals: InterventionCoverageTests.parentApprovals([]), autoApprove: true, followed: true, apiUserMayAct: true)).summary
        }, expected: "left to people: nobody approved Release Orchestration 2021.1.0 in Prod Approval, so there is no approval to take"),
        Case(name: "a named parent is not 'name a parent release'", actual: {
            LeftToPeopleReason.parentNotApproved(project: "Release Orchestration", release: "2021.1.0", environment: "Prod Approval").waitSentence
        }, expected: "Release Orchestration 2021.1.0 has no successful deployment to Prod Approval to take approvals from. Deploy it to Prod Approval and approve its manual interventions first, or approve as yourself. Unless someone approves it, the deployment waits until the timeout."),
        Case(name: "a later stage skipped after a wait timeout, not 'CancelledOnTimeout'", actual: {
            "Database \(ChildOutcome.cancelledOnTimeout.phrase)"
        }, expected: "Database was cancelled after the wait timeout"),
        Case(name: "approvers by display name and user name", actual: {
            Approver(userId: "Users-3", username: "quinn", displayName: "Quinn Tester", teamIds: []).label
        }, expected: "Quinn Tester (quinn)"),
        Case(name: "notes name the approver by display name", actual: {
            PromotionEngine.approvalNotes(InterventionCoverageTests.parentApprovals([]), approver: InterventionCoverageTests.quinn)
        }, expected: "Auto-approving this deployment. Parent project Release Orchestration release 2021.1.0 to Prod Approval with the task id ServerTasks-9 was approved by Quinn Tester (quinn). That user is a member of one of the teams this manual intervention requires. You can view that deployment "),
    ]

    @Test(arguments: cases)
    func message(_ row: Case) {
        #expect(row.actual() == row.expected)
    }
}
