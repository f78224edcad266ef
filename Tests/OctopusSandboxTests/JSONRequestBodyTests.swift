import Foundation
import HTTPTypes
import OctopusModel
@testable import OctopusSandbox
import Testing

@Suite("Request bodies")
struct JSONRequestBodyTests {
    struct Command: Decodable, Equatable {
        var projectName: String
        var releaseVersion: String?
        var formValues: [String: String]?

        enum CodingKeys: String, CodingKey {
            case projectName = "ProjectName"
            case releaseVersion = "ReleaseVersion"
            case formValues = "FormValues"
        }
    }

    @Test(arguments: [
        #"{"ProjectName":"Web API","ReleaseVersion":"1.0"}"#,
        #"{"projectName":"Web API","releaseVersion":"1.0"}"#,
        #"{"projectName":"Web API","releaseVersion":"1.0","Unknown":{"Nested":true},"links":{}}"#,
    ])
    func keysAreCaseInsensitiveAndUnknownKeysIgnored(json: String) throws {
        let command = try JSONRequestBody.decode(Command.self, from: Data(json.utf8))
        #expect(command.projectName == "Web API")
        #expect(command.releaseVersion == "1.0")
    }

    @Test func freeFormDictionariesKeepTheirKeys() throws {
        let json = #"{"projectName":"p","formValues":{"a1b2c3":"yes","notes":"ok"}}"#
        let command = try JSONRequestBody.decode(Command.self, from: Data(json.utf8))
        #expect(command.formValues == ["a1b2c3": "yes", "notes": "ok"])
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let body: String
        let message: String
        let detail: String?
        var testDescription: String { body.isEmpty ? "(empty)" : body }
    }

    @Test(arguments: [
        BadCase(body: "", message: "The request body is empty; send a JSON document.", detail: nil),
        BadCase(body: "{not json", message: "The request body is not valid JSON.", detail: nil),
        BadCase(body: #"{"ProjectName":42}"#, message: "The request body could not be read as a Command.",
                detail: "'ProjectName' should be a string."),
        BadCase(body: #"{"ReleaseVersion":"1"}"#, message: "The request body could not be read as a Command.",
                detail: "'ProjectName' is required."),
        BadCase(body: #"{"ProjectName":null}"#, message: "The request body could not be read as a Command.",
                detail: "'ProjectName' must not be null; send a string."),
    ])
    func badBodiesAre400sNamingTheProblem(_ testCase: BadCase) {
        do {
            _ = try JSONRequestBody.decode(Command.self, from: Data(testCase.body.utf8))
            Issue.record("expected a 400")
        } catch let error as SandboxError {
            #expect(error.status == .badRequest)
            #expect(error.body.errorMessage == testCase.message)
            if let detail = testCase.detail { #expect(error.body.errors == [detail]) }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
