import Orchestration
import Testing

struct VersionPatternTests {
    struct Case: Sendable, CustomStringConvertible {
        let pattern: String
        let version: String
        let matches: Bool
        var description: String { "'\(pattern)' ~ '\(version)' = \(matches)" }
    }

    @Test(arguments: [
        Case(pattern: "", version: "2021.1.0.14", matches: true),
        Case(pattern: "2021.1.0.*", version: "2021.1.0.14", matches: true),
        Case(pattern: "2021.1.0.*", version: "2021.1.1.1", matches: false),
        Case(pattern: "2021.1.*", version: "2021.1.1.1", matches: true),
        Case(pattern: "2021.1*", version: "2021.10.3", matches: true),  // the help text's warning
        Case(pattern: "2021.1.*", version: "2021.10.3", matches: false),
        Case(pattern: "2021.1.0.14", version: "2021.1.0.14", matches: true),
        Case(pattern: "2021.1.0.14", version: "2021.1.0.145", matches: false),
        Case(pattern: "2021.1.0.1?", version: "2021.1.0.15", matches: true),
        Case(pattern: "2021.1.0.1?", version: "2021.1.0.1", matches: false),
        Case(pattern: "2021.*.5", version: "2021.3.5", matches: true),  // B7: interior wildcard
        Case(pattern: "2021.*.5", version: "2021.3.6", matches: false),
        Case(pattern: "*-rc*", version: "1.0.0-RC2", matches: true),  // case-insensitive
        Case(pattern: "1.0.[0-2]", version: "1.0.2", matches: true),
        Case(pattern: "1.0.[0-2]", version: "1.0.3", matches: false),
        Case(pattern: "1.0.[ab]", version: "1.0.B", matches: true),
        Case(pattern: "1.0`*", version: "1.0*", matches: true),
        Case(pattern: "1.0`*", version: "1.05", matches: false),
        Case(pattern: "*", version: "", matches: true),
        Case(pattern: "a*b*c", version: "aXbYbZc", matches: true),
        Case(pattern: "a*b*c", version: "aXbYbZ", matches: false),
    ])
    func matching(_ c: Case) throws {
        #expect(try VersionPattern(c.pattern).matches(c.version) == c.matches)
    }

    @Test(arguments: [
        ("2021.1.0.*", "2021.1.0."),
        ("2021.*.5", "2021."),  // B7: the template sent "2021..5"
        ("2021.1.0.14", "2021.1.0.14"),
        ("*.14", nil),
        ("", nil),
        ("1.0`*x*", "1.0*x"),
        ("2021.?", "2021."),
    ] as [(String, String?)])
    func serverPrefix(pattern: String, prefix: String?) throws {
        #expect(try VersionPattern(pattern).serverSearchPrefix == prefix)
    }

    @Test(arguments: [
        ("1.[2", "Release pattern '1.[2' is not valid: a '[' has no closing ']'. Use '*' for any text and '?' for one character, e.g. '2021.1.*'."),
        ("1.[]", "Release pattern '1.[]' is not valid: '[]' matches no character. Use '*' for any text and '?' for one character, e.g. '2021.1.*'."),
        ("1.0`", "Release pattern '1.0`' is not valid: it ends with the escape character '`'. Use '*' for any text and '?' for one character, e.g. '2021.1.*'."),
    ])
    func invalidPatterns(pattern: String, message: String) {
        #expect(throws: OrchestrationError.self) { try VersionPattern(pattern) }
        do {
            _ = try VersionPattern(pattern)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func exactness() throws {
        #expect(try VersionPattern("2021.1.0.14").isExact)
        #expect(try !VersionPattern("2021.1.*").isExact)
        #expect(VersionPattern.any.isBlank)
    }
}
