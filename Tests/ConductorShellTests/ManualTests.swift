import Foundation
import Testing
@testable import ConductorShell

/// docs/shell.md's command reference is the command table's: regenerate it with CONDUCTOR_UPDATE_GOLDEN=1.
@Suite struct ManualTests {
    static let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/shell.md")

    @Test func theManualListsExactlyTheCommandTable() throws {
        let text = try String(contentsOf: Self.manual, encoding: .utf8)
        let begin = try #require(text.range(of: ManualRenderer.begin))
        let end = try #require(text.range(of: ManualRenderer.end))
        let generated = ManualRenderer.reference(CommandTable.all)
        let current = String(text[begin.upperBound..<end.lowerBound])
        if ProcessInfo.processInfo.environment["CONDUCTOR_UPDATE_GOLDEN"] == "1", current != generated {
            try (String(text[..<begin.upperBound]) + generated + String(text[end.lowerBound...])).write(to: Self.manual, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated, "docs/shell.md is out of date: run CONDUCTOR_UPDATE_GOLDEN=1 swift test --filter ManualTests")
        for command in CommandTable.all { #expect(text.contains("#### `\(command.name)`"), "\(command.name)") }
    }
}
