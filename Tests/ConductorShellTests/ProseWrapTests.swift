@testable import ConductorShell
import Foundation
import Orchestration
import Testing

/// Messages on a terminal break between words, never mid-word, and keep a line's indentation.
struct ProseWrapTests {
    static let approvals = "Approvals come from 'Release Orchestration': 'approve' takes them from its release ('set parent-release VERSION', or implied by a pattern such as 2021.1.0.*)."

    @Test func aLongMessageBreaksBetweenWordsWithinTheWidth() {
        let wrapped = ProseWrap.wrap(Self.approvals, width: 80)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Approvals come from 'Release Orchestration': 'approve' takes them from its",
            "release ('set parent-release VERSION', or implied by a pattern such as",
            "2021.1.0.*).",
        ])
        // Nothing lost or reordered: joining the lines gives the message back.
        #expect(lines.joined(separator: " ") == Self.approvals)
    }

    @Test func aShortMessageAndAnUnknownWidthAreLeftAlone() {
        #expect(ProseWrap.wrap("Application: Database then Web API.", width: 80) == "Application: Database then Web API.")
        #expect(ProseWrap.wrap(Self.approvals, width: nil) == Self.approvals)
        #expect(ProseWrap.wrap(Self.approvals, width: 0) == Self.approvals)
    }

    @Test func aContinuationKeepsTheLineIndentationAndOtherLinesStay() {
        let text = "Manual interventions before deploying\n  Web API: 'Web Admin Approval' is left to people: the parent release has no approval from Web Admins"
        #expect(ProseWrap.wrap(text, width: 60) == """
            Manual interventions before deploying
              Web API: 'Web Admin Approval' is left to people: the
              parent release has no approval from Web Admins
            """)
    }

    @Test func aWordLongerThanTheWidthStaysWhole() {
        let url = "http://localhost:8065/app#/Spaces-1/projects/web-api/deployments/releases/2021.1.0.14"
        #expect(ProseWrap.wrap("Deployed: \(url) done", width: 40) == "Deployed:\n\(url)\ndone")
    }

    @Test func colourCodesDoNotCountTowardsTheWidth() {
        let red = "\u{1B}[31mError:\u{1B}[0m"
        #expect(ProseWrap.wrap("\(red) one two three", width: 20) == "\(red) one two three")
    }

    @Test func approveHeadingBreaksBetweenWordsAtTheTerminalWidth() throws {
        var plan = try PromotionReportTests.plan()
        plan.approvals = ApprovalSet(
            source: .none(reason: .parentNotApproved(project: "Release Orchestration", release: "2021.1.0", environment: "Staging")),
            approvers: [], approvedReleases: [:], approvedAt: Date(timeIntervalSince1970: 0))
        let narrow = CoverageReport(plan: plan).render(width: 80)
        let heading = narrow.split(separator: "\n").prefix { !$0.hasPrefix("PROJECT") && !$0.hasPrefix("Database") }
        #expect(heading.count > 1)
        #expect(heading.allSatisfy { $0.count <= 80 })
        #expect(heading.joined(separator: " ").hasPrefix("No approvals taken: Release Orchestration 2021.1.0"))
        // A pipe (no width) keeps the sentence on one line, as scripts read it.
        #expect(CoverageReport(plan: plan).render(width: nil).hasPrefix("No approvals taken: Release Orchestration 2021.1.0 has no successful deployment to Staging"))
    }
}
