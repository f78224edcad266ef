import Foundation
@testable import Orchestration
import Testing

struct OptionsTests {
    @Test(arguments: [
        ("Database then Web API, Scheduling Service then Web UI", [["Database"], ["Web API", "Scheduling Service"], ["Web UI"]]),
        ("Web API", [["Web API"]]),
        ("  A ,B  THEN  C ", [["A", "B"], ["C"]]),
        ("Theory then Mathematics", [["Theory"], ["Mathematics"]]),
    ])
    func stageNotation(text: String, stages: [[String]]) throws {
        let application = try Application(parsing: text)
        #expect(application.stages == stages)
        #expect(try Application(parsing: application.notation) == application)
    }

    @Test func emptyApplication() {
        #expect(throws: OrchestrationError.emptyApplication) { try Application(parsing: " , then ") }
    }

    @Test(arguments: [
        ("Name::Value", [PromptedVariable(name: "Name", value: "Value")]),
        ("A::x::y", [PromptedVariable(name: "A", value: "x::y")]),  // B14: the rest after the first '::' is kept
        ("A:: spaced\r\nB::2\n\n", [PromptedVariable(name: "A", value: " spaced"), PromptedVariable(name: "B", value: "2")]),
        ("  Url ::https://x  ", [PromptedVariable(name: "Url", value: "https://x")]),
        ("", []),
    ])
    func promptedLines(text: String, expected: [PromptedVariable]) throws {
        #expect(try PromptedVariable.parseLines(text) == expected)
    }

    @Test func malformedPromptedLine() {
        #expect(throws: OrchestrationError.malformedPromptedVariable(line: "Name=Value")) {
            try PromptedVariable.parseLines("A::1\nName=Value")
        }
    }

    @Test func formValues() throws {
        let elements = [
            PromptedElement(key: "var-1", variableName: "Release.Approver", isRequired: true),
            PromptedElement(key: "var-2", variableName: "Optional.Thing", isRequired: false),
        ]
        let values = [PromptedVariable(name: "release.approver", value: "Ann"), PromptedVariable(name: "Release.Approver", value: "Bob"), PromptedVariable(name: "Unrelated", value: "x")]
        #expect(try PromptedVariable.formValues(for: elements, from: values, project: "Web API") == ["var-1": "Ann"])
        #expect(throws: OrchestrationError.missingPromptedVariable(project: "Web API", variable: "Release.Approver")) {
            try PromptedVariable.formValues(for: elements, from: [], project: "Web API")
        }
        // A required element with a default in the form needs no line.
        let withDefault = [PromptedElement(key: "var-1", variableName: "Release.Approver", isRequired: true, defaultValue: "Ann")]
        #expect(try PromptedVariable.formValues(for: withDefault, from: [], project: "Web API") == [:])
        let error = OrchestrationError.missingPromptedVariable(project: "Web API", variable: "Release.Approver")
        #expect(error.description == "Web API needs a value for the required prompted variable 'Release.Approver'. Add the line 'Release.Approver::<value>' to the prompted variables.")
    }

    @Test func defaultsFollowTheTemplate() {
        let options = PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Staging")
        #expect(options.notFound == .warning)
        #expect(options.mode == .promote)
        #expect(options.wait)
        #expect(options.waitTimeout == 1800)
        #expect(options.autoApprove)
        #expect(!options.whatIf && !options.refreshSnapshots && !options.ignoreMachineMismatch && !options.saveNotesAsArtifact)
        #expect(options.specificMachines.isEmpty && options.schedule == nil && options.releasePattern.isBlank)
    }

    @Test(arguments: [
        (PromotionOptions(application: Application(stages: []), destination: "Staging"), "The application has no projects. Name at least one project, e.g. 'Database then Web API'."),
        (PromotionOptions(application: Application(sequential: ["A"]), destination: "  "), "Destination Environment Name is required."),
        (PromotionOptions(application: Application(sequential: ["A"]), destination: "Prod", parentProject: "Release Orchestration"), "Parent release (with a parent project) is required."),
    ])
    func validation(options: PromotionOptions, message: String) {
        do {
            try options.validate()
            Issue.record("expected '\(message)'")
        } catch {
            #expect("\(error)" == message)
        }
    }

    // A tenant (or approval tenant) that is blank or an unresolved `#{Octopus…}` variable means no tenant (§2.2);
    // a name, even one that starts with '#', is a tenant.
    @Test(arguments: [
        ("", true), ("  ", true), ("#{Octopus.Deployment.Tenant.Name}", true), (" #{octopus.deployment.tenant.name} ", true),
        ("Acme Corp", false), ("#1 Customer", false), ("Octopus", false),
    ])
    func unsetTenantsAreNoTenant(value: String, unset: Bool) {
        #expect(PromotionOptions.isUnset(value) == unset, "'\(value)'")
    }

    @Test func optionsRoundTripThroughJSON() throws {
        let options = PromotionOptions(application: try Application(parsing: "A then B"), destination: "Prod", releasePattern: try VersionPattern("2021.1.*"), mode: .alwaysLatest)
        let decoded = try JSONDecoder().decode(PromotionOptions.self, from: JSONEncoder().encode(options))
        #expect(decoded == options)
    }
}
