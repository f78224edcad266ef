import Foundation
import Testing

/// `conductor promote --help` against a committed copy, so a changed flag or wording shows up in
/// review. After changing flags on purpose, regenerate the copy with
/// `CONDUCTOR_UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests` and commit it.
@Suite("help golden files")
struct HelpGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/promote-help.txt")

    @Test func promoteHelpMatchesTheGoldenFile() throws {
        // A fixed width, so the wrapping does not depend on the terminal the tests run in.
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        let outcome = try ConductorBinary.located().run(["promote", "--help"], environment: environment)
        #expect(outcome.status == 0)
        if ProcessInfo.processInfo.environment["CONDUCTOR_UPDATE_GOLDEN"] == "1" {
            try outcome.standardOutput.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(outcome.standardOutput == expected, "regenerate with CONDUCTOR_UPDATE_GOLDEN=1 if the change is intended")
    }
}
