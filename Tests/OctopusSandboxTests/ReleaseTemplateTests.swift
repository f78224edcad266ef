import Foundation
import OctopusModel
@testable import OctopusSandbox
import Testing

@Suite("Release templates")
struct ReleaseTemplateTests {
    @Test(arguments: [
        ("2021.1.0.15", nil, "2021.1.1"),
        (nil, nil, "0.0.1"),
        ("1.2.3", "#{Octopus.Version.NextMajor}.0.0", "2.0.0"),
        ("2021.1.0.15", "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.LastPatch}.#{Octopus.Version.NextBuild}", "2021.1.0.16"),
        ("1.0.0-beta", "#{Octopus.Version.LastMajor}.#{Octopus.Version.NextMinor}", "1.1"),
        ("9223372036854775807.1", "#{Octopus.Version.NextMajor}", "9223372036854775807"),
    ] as [(String?, String?, String)])
    func nextVersion(last: String?, template: String?, expected: String) {
        #expect(VersionTemplate.next(after: last, template: template) == expected)
    }

    @Test func templateListsPackagesWithTheLastReleasesVersions() async throws {
        try await withSampleSandbox { http in
            for path in ["/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-3/template",
                         "/api/Spaces-1/projects/Projects-3/deploymentprocesses/template",
                         "/api/deploymentprocesses/deploymentprocess-Projects-3/template?channel=Channels-3"] {
                let template = try await http.get(path).decode(ReleaseTemplate.self)
                #expect(template.lastReleaseVersion == "2021.1.0.15", "\(path)")
                #expect(template.nextVersionIncrement == "2021.1.1")
                #expect(template.packages.map(\.packageId) == ["SampleApp.WebAPI"])
                #expect(template.packages.first?.versionSelectedLastRelease == "2021.1.0.15")
                #expect(template.packages.first?.actionName == "Deploy Web API")
            }
            let hotfix = try await http.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-3/template?channel=Channels-6")
                .decode(ReleaseTemplate.self)
            #expect(hotfix.lastReleaseVersion == nil)
            #expect(hotfix.packages.first?.versionSelectedLastRelease == nil)
            let pinned = try await http.get(
                "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-3/template?releaseId=\(SampleSeed.releaseID(project: SampleSeed.Projects.webAPI, version: "2021.1.0.13")?.rawValue ?? "")")
                .decode(ReleaseTemplate.self)
            #expect(pinned.lastReleaseVersion == "2021.1.0.13")
            let wrongRelease = try await http.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-3/template?releaseId=Releases-1")
            #expect(wrongRelease.status == 404)
        }
    }
}
