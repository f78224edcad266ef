import Foundation
import OctopusModel
import OctopusSandbox
import Testing

@Suite("Release creation and channel rules")
struct ReleaseCreationTests {
    @Test(arguments: [
        ("2021.1.1.0", "[2021.1.1,2021.2)", true), ("2021.1.0.16", "[2021.1.1,2021.2)", false),
        ("2021.2.0", "[2021.1.1,2021.2)", false), ("2021.2.0", "[2021.1.1,2021.2]", true),
        ("1.5", "(,1.5]", true), ("1.5.1", "(,1.5]", false), ("1.0", "1.0", true), ("0.9", "1.0", false),
        ("2.0", "[2.0]", true), ("2.0.1", "[2.0]", false), ("3.0", "", true), ("1.0.0-beta", "[1.0.0,2.0)", false),
    ])
    func versionRanges(version: String, range: String, allowed: Bool) throws {
        let parsed = try #require(ChannelVersionRules.Version(version))
        #expect(ChannelVersionRules.version(parsed, satisfies: range) == allowed)
    }

    @Test(arguments: [("", "^$", true), ("beta", "^$", false), ("hotfix.1", "^hotfix", true), ("beta", nil, true)] as [(String, String?, Bool)])
    func preReleaseTags(tag: String, pattern: String?, allowed: Bool) {
        #expect(ChannelVersionRules.tag(tag, matches: pattern) == allowed)
    }

    @Test(arguments: ["1", "1.2.3.4", "2021.1.0-rc.1", "1.0.0+build.5"])
    func validVersions(text: String) { #expect(ChannelVersionRules.Version(text) != nil) }

    @Test(arguments: ["", "abc", "1..2", "1.2.3.4.5", "1.0-", "v1.0"])
    func invalidVersions(text: String) { #expect(ChannelVersionRules.Version(text) == nil) }

    static func body(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func createsIntoTheDefaultChannelWithSnapshotsAndLinks() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send(
                "POST", "/api/Spaces-1/releases",
                body: try Self.body([
                    "projectId": "Projects-3", "version": "2021.1.0.16", "releaseNotes": "Fixes",
                    "selectedPackages": [["actionName": "Deploy Web API", "version": "2021.1.0.15"]],
                ]))
            #expect(reply.status == 201)
            let release = try reply.decode(Release.self)
            #expect(release.channelId == SampleSeed.Channels.webAPIDefault)
            #expect(release.id == "Releases-14")
            #expect(release.links["Self"] == "/api/Spaces-1/releases/Releases-14")
            #expect(release.buildInformation.map(\.version) == ["2021.1.0.15"])
            let fetched = try await http.get(release.links["Self"] ?? "").decode(Release.self)
            #expect(fetched == release)
            let process = try await http.get("/api/Spaces-1/deploymentprocesses/\(release.projectDeploymentProcessSnapshotId ?? "")")
            #expect(process.status == 200)
            let latest = try await http.get("/api/Spaces-1/projects/Projects-3/releases?take=1").decode(ResourceCollection<Release>.self)
            #expect(latest.items.first?.version == "2021.1.0.16")
        }
    }

    struct RejectCase: Sendable, CustomTestStringConvertible {
        let name: String
        let body: [String: String]
        let query: String
        let status: Int
        let error: String
        var testDescription: String { name }
    }

    static let rejections = [
        RejectCase(name: "duplicate version", body: ["ProjectId": "Projects-3", "Version": "2021.1.0.15"], query: "",
                   status: 400, error: "Release '2021.1.0.15' already exists for this project. Please use a different version, or look at using a mask to auto-increment the number."),
        RejectCase(name: "no project", body: ["Version": "1.0.0"], query: "", status: 400, error: "No project ID was specified."),
        RejectCase(name: "bad version", body: ["ProjectId": "Projects-3", "Version": "next"], query: "", status: 400,
                   error: "The release number 'next' does not appear to be a valid version number. Please use a format like 1.0.0 or 1.0.0-beta."),
        RejectCase(name: "foreign channel", body: ["ProjectId": "Projects-3", "Version": "1.0.0", "ChannelId": "Channels-1"], query: "",
                   status: 400, error: "The channel Default specified for this release belongs to the project Projects-1. It does not belong to the same project as the release."),
        RejectCase(name: "unknown project", body: ["ProjectId": "Projects-77", "Version": "1.0.0"], query: "", status: 404,
                   error: "The resource you requested was not found."),
    ]

    @Test(arguments: rejections)
    func rejectsInvalidReleases(_ testCase: RejectCase) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send("POST", "/api/Spaces-1/releases\(testCase.query)", body: try Self.body(testCase.body))
            #expect(reply.status == testCase.status)
            let error = try #require(reply.error)
            if testCase.status == 400 {
                #expect(error.errorMessage == "There was a problem with your request.")
                #expect(error.errors == [testCase.error])
            } else {
                #expect(error.errorMessage == testCase.error)
            }
        }
    }

    @Test func hotfixChannelRulesApplyUnlessIgnored() async throws {
        try await withSampleSandbox { http in
            let body: [String: Any] = [
                "ProjectId": "Projects-3", "ChannelId": "Channels-6", "Version": "2021.1.0.99",
                "SelectedPackages": [["ActionName": "Deploy Web API", "Version": "2021.1.0.99"]],
            ]
            let refused = try await http.send("POST", "/api/Spaces-1/releases", body: try Self.body(body))
            #expect(refused.status == 400)
            #expect(refused.error?.errors.first?.hasPrefix(
                "The requested package versions for the following steps violate the channel version rules: Deploy Web API.") == true)
            let forced = try await http.send("POST", "/api/Spaces-1/releases?ignoreChannelRules=true", body: try Self.body(body))
            #expect(forced.status == 201)
            #expect(try forced.decode(Release.self).ignoreChannelRules)
            var fitting = body
            fitting["Version"] = "2021.1.1.0"
            fitting["SelectedPackages"] = [["ActionName": "Deploy Web API", "Version": "2021.1.1.0"]]
            let accepted = try await http.send("POST", "/api/Spaces-1/releases", body: try Self.body(fitting))
            #expect(accepted.status == 201)
            #expect(try accepted.decode(Release.self).channelId == SampleSeed.Channels.webAPIHotfix)
        }
    }

    @Test func approversCannotCreateReleasesAndBadBodiesAre400() async throws {
        try await withSampleSandbox { http in
            let forbidden = try await http.send(
                "POST", "/api/Spaces-1/releases", body: try Self.body(["ProjectId": "Projects-3", "Version": "9.0.0"]),
                apiKey: .some(SampleSeed.qaAPIKey))
            #expect(forbidden.status == 403)
            #expect(forbidden.error?.errorMessage.hasSuffix("Missing permission: ReleaseCreate") == true)
            let malformed = try await http.send("POST", "/api/Spaces-1/releases", body: Data("{\"ProjectId\":".utf8))
            #expect(malformed.status == 400)
            #expect(malformed.error?.errorMessage == "The request body is not valid JSON.")
            let wrongType = try await http.send("POST", "/api/Spaces-1/releases", body: Data(#"{"ProjectId":["x"]}"#.utf8))
            #expect(wrongType.status == 400)
            #expect(wrongType.error?.errors == ["'ProjectId' should be a string."])
        }
    }
}
