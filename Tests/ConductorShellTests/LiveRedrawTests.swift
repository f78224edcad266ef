@testable import ConductorShell
import Foundation
import OctopusModel
import Orchestration
import Testing

/// The live wait view moves back up by the rows its lines take, wrapped ones included, so a narrow terminal is
/// redrawn in place rather than filled with copies of the block.
struct LiveRedrawTests {
    @Test func aWrappedLineIsCountedAsTheRowsItTakes() {
        #expect(ProgressView.rows(of: String(repeating: "x", count: 80), width: 80) == 1)
        #expect(ProgressView.rows(of: String(repeating: "x", count: 81), width: 80) == 2)
        #expect(ProgressView.rows(of: "\u{1B}[32m" + String(repeating: "x", count: 80) + "\u{1B}[0m", width: 80) == 1)
        #expect(ProgressView.rows(of: String(repeating: "x", count: 200), width: nil) == 1)
    }

    @Test func theRedrawMovesUpByTheWrappedRows() {
        let output = RecordingOutput(isTerminal: true, usesColor: false)
        let view = ProgressView(output: output, live: true, style: Style(enabled: false), now: { Date(timeIntervalSince1970: 0) }, columns: { 40 })
        view.receive(.stateChanged(project: "Database", state: .executing))
        view.receive(.stepStarted(project: "Database", step: "Step 1: Apply the schema migrations to the database"))
        view.receive(.stateChanged(project: "Database", state: .success))
        // The second redraw moves up the one row of the short line; the third the three rows (97 columns at 40) the
        // line with the long step took — counting lines instead would move up one and leave copies on the screen.
        #expect(output.standardError.contains("\u{1B}[1A\r\u{1B}[J"))
        #expect(output.standardError.contains("\u{1B}[3A\r\u{1B}[J"))
    }

    @Test func aFactAboveTheBlockBreaksBetweenWords() {
        let output = RecordingOutput(isTerminal: true, usesColor: false)
        let view = ProgressView(output: output, live: true, style: Style(enabled: false), now: { Date(timeIntervalSince1970: 0) }, columns: { 80 })
        view.receive(.approvalSubmitted(project: "Web API", title: "Web Admin Approval", approver: "Release Conductor (release-conductor)"))
        // 84 columns: the terminal would have split "(release-c" / "onductor)".
        #expect(output.standardError.contains("Web API: approved 'Web Admin Approval' on behalf of Release Conductor\n(release-conductor)\n"))
    }
}
