import Foundation
import OctopusModel
import Orchestration
import Testing

struct ApprovalSetTests {
    static func child(_ name: String, project: ProjectID, release: ReleaseReference?) -> ChildPlan {
        var child = ChildPlan(stage: 0, project: NamedReference(id: project, name: name), projectSlug: name.lowercased(), action: .deploy, outputs: .noRelease)
        child.release = release
        return child
    }

    static let approvals = ApprovalSet(
        source: .currentUser,
        approvers: [
            Approver(userId: "Users-3", username: "quinn", teamIds: ["Teams-2"]),
            Approver(userId: "Users-4", username: "wes", teamIds: ["Teams-3", "Teams-2"]),
        ],
        approvedReleases: ["Projects-3": ReleaseReference(id: "Releases-8", version: "2021.1.0.14")],
        approvedAt: Date(timeIntervalSince1970: 0))

    @Test func coversOnlyTheApprovedRelease() {
        let same = Self.child("Web API", project: "Projects-3", release: ReleaseReference(id: "Releases-8", version: "2021.1.0.14"))
        let newer = Self.child("Web API", project: "Projects-3", release: ReleaseReference(id: "Releases-9", version: "2021.1.0.15"))
        let other = Self.child("Web UI", project: "Projects-4", release: ReleaseReference(id: "Releases-12", version: "2021.1.0.12"))
        #expect(Self.approvals.covers(same))
        #expect(Self.approvals.mismatch(for: same) == nil)
        #expect(!Self.approvals.covers(newer))
        #expect(Self.approvals.mismatch(for: newer) == .otherReleaseApproved(project: "Web API", approved: "2021.1.0.14", planned: "2021.1.0.15"))
        #expect(Self.approvals.mismatch(for: newer)?.sentence == "The approvals do not apply to Web API: 2021.1.0.14 was approved, but 2021.1.0.15 would be deployed. Approve again.")
        #expect(Self.approvals.mismatch(for: other) == .notInApprovedPlan(project: "Web UI"))
        #expect(Self.approvals.mismatch(for: other)?.sentence == "The approvals do not apply to Web UI: it was not part of the approved plan.")
    }

    @Test(arguments: [
        (["Teams-2"], "quinn"),  // the first approver in approval order
        (["Teams-3"], "wes"),
        (["Teams-9"], nil),
        ([], nil),  // no responsible teams: nobody matches, as in the template
    ] as [([TeamID], String?)])
    func approverForTeams(teams: [TeamID], expected: String?) {
        #expect(Self.approvals.approver(forTeams: teams)?.username == expected)
    }

    @Test func plansRoundTripThroughJSON() throws {
        var plan = PromotionPlan(
            createdAt: Date(timeIntervalSince1970: 1_622_538_000),
            options: PromotionOptions(application: try Application(parsing: "Database then Web API"), destination: "Staging"),
            spaceId: "Spaces-1", destination: NamedReference(id: "Environments-3", name: "Staging"),
            children: [Self.child("Web API", project: "Projects-3", release: ReleaseReference(id: "Releases-8", version: "2021.1.0.14"))])
        plan.approvals = Self.approvals
        plan.children[0].action = .skip(.alreadyCurrent)
        let decoded = try JSONDecoder().decode(PromotionPlan.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
    }

    @Test func stagesGroupChildrenInOrder() {
        var plan = PromotionPlan(
            createdAt: Date(), options: PromotionOptions(application: Application(sequential: ["A"]), destination: "X"),
            spaceId: "Spaces-1", destination: NamedReference(id: "Environments-1", name: "X"), children: [])
        for (index, stage) in [0, 1, 1, 2].enumerated() {
            var child = Self.child("P\(index)", project: ProjectID(number: index), release: nil)
            child.stage = stage
            plan.children.append(child)
        }
        #expect(plan.stageIndices == [[0], [1, 2], [3]])
    }

    @Test(arguments: [
        (ChildOutcome.success, true), (.notWaited, true), (.failed, false), (.canceled, false), (.timedOut, false), (.cancelledOnTimeout, false),
    ])
    func outcomesThatStopLaterStages(outcome: ChildOutcome, allows: Bool) {
        #expect(outcome.allowsLaterStages == allows)
    }
}
