import Foundation
import OctopusModel
import OctopusSandbox
import Testing

@Suite("Executions API release creation")
struct ExecutionsAPITests {
    static func body(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test func camelCaseBodyByProjectNameUsesTheTemplateAndLastPackages() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send(
                "POST", "/api/Spaces-1/releases/create/v1", body: try Self.body(["spaceIdOrName": "Default", "projectName": "web api"]))
            #expect(reply.status == 201)
            let created = reply.object
            #expect(created["ReleaseVersion"] as? String == "2021.1.1")
            let id = try #require(created["ReleaseId"] as? String)
            let release = try await http.get("/api/Spaces-1/releases/\(id)").decode(Release.self)
            #expect(release.selectedPackages.map(\.version) == ["2021.1.0.15"])
            #expect(release.channelId == SampleSeed.Channels.webAPIDefault)
        }
    }

    @Test func packagesChannelAndIgnoreIfAlreadyExists() async throws {
        try await withSampleSandbox { http in
            let body = try Self.body([
                "ProjectName": "web-api", "ChannelName": "Hotfix", "ReleaseVersion": "2021.1.1.1",
                "Packages": ["Deploy Web API:2021.1.1.1"],
            ])
            let first = try await http.send("POST", "/api/Spaces-1/releases/create/v1", body: body)
            #expect(first.status == 201)
            let again = try await http.send(
                "POST", "/api/Spaces-1/releases/create/v1",
                body: try Self.body(["ProjectName": "Projects-3", "ReleaseVersion": "2021.1.1.1", "IgnoreIfAlreadyExists": true]))
            #expect(again.status == 200)
            #expect(again.object["ReleaseId"] as? String == first.object["ReleaseId"] as? String)
            let release = try await http.get("/api/Spaces-1/releases/\(first.object["ReleaseId"] as? String ?? "")").decode(Release.self)
            #expect(release.channelId == SampleSeed.Channels.webAPIHotfix)
            #expect(release.selectedPackages.map(\.version) == ["2021.1.1.1"])
        }
    }

    @Test(arguments: [
        (["ProjectName": "Nope"], "Project 'Nope' was not found in Spaces-1. Check the name, slug or id."),
        (["ProjectName": "Web API", "ChannelName": "Beta"], "Channel 'Beta' was not found on project 'Web API'."),
        (["ProjectName": "Web API", "Packages": ["oops"]], "Package 'oops' should be written StepName:Version or StepName:PackageReferenceName:Version."),
        (["ProjectName": "Web API", "ReleaseVersion": "2021.1.0.15"], "Release '2021.1.0.15' already exists for this project. Please use a different version, or look at using a mask to auto-increment the number."),
        ([:], "ProjectName is required: the name, slug or id of the project."),
    ] as [([String: any Sendable], String)])
    func rejections(body: [String: any Sendable], message: String) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.send("POST", "/api/Spaces-1/releases/create/v1", body: try Self.body(body))
            #expect(reply.status == 400)
            #expect(reply.error?.errors == [message])
        }
    }
}
