import ConductorShell
import Foundation
import OctopusModel
import Orchestration
import Testing

/// Issue 7 row 11: server- and flag-derived text never reaches a terminal with control characters.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}]0;x\u{07}Staging", "]0;xStaging"), ("a\u{1B}[2Jb", "a[2Jb"), ("tab\there", "tabhere"), ("line\nbreak", "linebreak"),
        ("c1\u{9B}31m", "c131m"), ("del\u{7F}", "del"), ("plain Web API 2021.1.0.14", "plain Web API 2021.1.0.14"),
        ("Grüße ✓", "Grüße ✓"),
    ])
    func controlCharactersAreRemoved(input: String, expected: String) {
        #expect(TerminalText.sanitized(input) == expected)
    }

    @Test func lineBreaksMayBeKept() {
        #expect(TerminalText.sanitized("a\nb\tc\r\u{1B}d", keepingLineBreaks: true) == "a\nb\tcd")
    }

    @Test func progressLinesAreSanitized() {
        let line = PromotionReport.progressLine(.stageStarted(stage: 0, projects: ["Web\u{1B}]0;pwned\u{07} API"]))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(line.contains("Web]0;pwned API"))
        let following = PromotionReport.progressLine(.followingExisting(
            project: "Web API", version: "2021.1.0.14", environment: "Staging", taskId: "ServerTasks-27", state: .executing, webLink: "http://x"))
        #expect(following.hasPrefix("Web API 2021.1.0.14 is already deploying to Staging (ServerTasks-27); following it"))
    }
}
