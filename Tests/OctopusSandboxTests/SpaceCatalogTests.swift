import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// The space catalog over HTTP: the built-in feed with the sample's package versions, build
/// information, the step template the parent uses, tag sets from the tenants' tags, the default
/// pool and policy, and the collections the sample has nothing in.
@Suite("Space catalog")
struct SpaceCatalogTests {
    @Test func builtInFeedListsTheReleasesPackageVersionsNewestFirst() async throws {
        try await withSampleSandbox { http in
            let feeds = try await http.get("/api/Spaces-1/feeds?skip=0&take=2147483647").object
            let items = try #require(feeds["Items"] as? [[String: Any]])
            #expect(items.map { $0["Id"] as? String } == ["feeds-builtin"])
            #expect(items.first?["FeedType"] as? String == "BuiltIn")
            #expect(try await http.get("/api/Spaces-1/feeds?feedType=NuGet").object["TotalResults"] as? Int == 0)

            let versions = try await http.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=SampleApp.WebUI").object
            let listed = (versions["Items"] as? [[String: Any]] ?? []).compactMap { $0["Version"] as? String }
            // Numeric order: .12 is newer than .10 and .11 (a text sort would put .10 last).
            #expect(listed == ["2021.1.0.12", "2021.1.0.11", "2021.1.0.10"])
            let latest = try await http.get("/api/feeds/feeds-builtin/packages/versions?packageId=SampleApp.WebAPI&take=1").object
            #expect((latest["Items"] as? [[String: Any]])?.first?["Version"] as? String == "2021.1.0.15")
            #expect(latest["TotalResults"] as? Int == 3)

            let missing = try await http.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions")
            #expect(missing.status == 400)
            #expect(missing.error?.errorMessage == "No packageId parameter was provided.")
            #expect(try await http.get("/api/Spaces-1/feeds/Feeds-7/packages/versions?packageId=x").status == 404)
        }
    }

    @Test func packagesAndBuildInformationComeFromTheReleases() async throws {
        try await withSampleSandbox { http in
            let packages = try await http.get("/api/Spaces-1/packages?take=2147483647").object
            #expect(packages["TotalResults"] as? Int == 12)
            let latest = try await http.get("/api/Spaces-1/packages?latest=true").object
            let latestVersions = (latest["Items"] as? [[String: Any]] ?? []).map { "\($0["PackageId"] ?? "") \($0["Version"] ?? "")" }
            #expect(Set(latestVersions) == [
                "SampleApp.Database 2021.1.0.10", "SampleApp.SchedulingService 2021.1.0.7", "SampleApp.WebAPI 2021.1.0.15",
                "SampleApp.WebUI 2021.1.0.12",
            ])
            #expect(try await http.get("/api/Spaces-1/packages?filter=Web&nuGetPackageId=SampleApp.WebUI").status == 400)
            let one = try await http.get("/api/Spaces-1/packages/packages-SampleApp.WebAPI.2021.1.0.14").object
            #expect(one["PackageId"] as? String == "SampleApp.WebAPI" && one["FeedId"] as? String == "feeds-builtin")

            let builds = try await http.get("/api/Spaces-1/build-information?packageId=SampleApp.WebAPI").object
            let items = builds["Items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["Version"] as? String }.sorted() == ["2021.1.0.13", "2021.1.0.14", "2021.1.0.15"])
            #expect(items.allSatisfy { $0["VcsType"] as? String == "Git" && ($0["WorkItems"] as? [Any])?.count == 1 })
            let newest = try await http.get("/api/Spaces-1/build-information?latest=true").object
            #expect(newest["TotalResults"] as? Int == 4)
            let id = try #require(items.first?["Id"] as? String)
            #expect(try await http.get("/api/Spaces-1/build-information/\(id)").object["PackageId"] as? String == "SampleApp.WebAPI")
        }
    }

    @Test func theParentsStepTemplateTagSetsPoolAndPolicy() async throws {
        try await withSampleSandbox { http in
            let template = try await http.get("/api/Spaces-1/actiontemplates/ActionTemplates-1").object
            #expect(template["Name"] as? String == "Deploy Child Octopus Deploy Project")
            let parameters = template["Parameters"] as? [[String: Any]] ?? []
            #expect(parameters.count == 24)
            #expect(parameters.first?["Name"] as? String == "ChildProject.Web.ServerUrl")
            let mode = parameters.first { $0["Name"] as? String == "ChildProject.DeploymentMode.Value" }
            #expect(mode?["DefaultValue"] as? String == "Promote")
            #expect((mode?["DisplaySettings"] as? [String: String])?["Octopus.SelectOptions"] == "Promote|Promote\nRedeploy|Redeploy\nAlwaysLatest|AlwaysLatest")

            let tagSets = try await http.get("/api/Spaces-1/tagsets/all").json as? [[String: Any]] ?? []
            #expect(tagSets.map { $0["Name"] as? String } == ["Hosting", "Tier"])
            let hosting = (tagSets.first?["Tags"] as? [[String: Any]] ?? []).compactMap { $0["CanonicalTagName"] as? String }
            #expect(hosting == ["Hosting/Cloud", "Hosting/On-premises"])

            #expect(try await http.get("/api/workerpools/WorkerPools-1").object["IsDefault"] as? Bool == true)
            #expect(try await http.get("/api/Spaces-1/workerpools?name=Default%20Worker%20Pool").object["TotalResults"] as? Int == 1)
            let policyMachines = try await http.get("/api/Spaces-1/machinepolicies/MachinePolicies-1/machines?take=100").object
            #expect(policyMachines["TotalResults"] as? Int == 9)
        }
    }

    @Test func emptyCollectionsAnswerWithEmptyPagesAndNamedNotFounds() async throws {
        try await withSampleSandbox { http in
            for path in ["accounts", "certificates", "proxies", "subscriptions", "projecttriggers", "runbooks",
                         "runbookProcesses", "runbookSnapshots", "workers", "libraryvariablesets"] {
                let page = try await http.get("/api/Spaces-1/\(path)?skip=0&take=2147483647")
                #expect(page.status == 200, "\(path)")
                #expect(page.object["TotalResults"] as? Int == 0, "\(path)")
                #expect((page.object["Items"] as? [Any])?.isEmpty == true, "\(path)")
                #expect(try await http.get("/api/\(path)/all").json as? [Any] != nil, "\(path)")
            }
            let missing = try await http.get("/api/Spaces-1/accounts/Accounts-1")
            #expect(missing.status == 404)
            #expect(missing.error?.errors == ["The Account 'Accounts-1' was not found. List the collection to see which ids exist."])
            #expect(try await http.get("/api/Spaces-1/projects/Projects-3/triggers").object["ItemType"] as? String == "ProjectTrigger")
            #expect(try await http.get("/api/Spaces-1/projects/Projects-99/runbooks").status == 404)
        }
    }

    @Test func tenantVariablesListTheConnectedProjects() async throws {
        try await withSampleSandbox { http in
            let all = try await http.get("/api/Spaces-1/tenantvariables/all").json as? [[String: Any]] ?? []
            #expect(all.count == 3)
            let acme = try #require(all.first { $0["TenantName"] as? String == "Acme Corp" })
            let projects = (acme["ProjectVariables"] as? [String: Any]).map { Set($0.keys) }
            #expect(projects == [SampleSeed.Projects.webAPI.rawValue, SampleSeed.Projects.webUI.rawValue])
            let onlyDatabase = try await http.get("/api/Spaces-1/tenantvariables/all?projectId=Projects-1").json as? [[String: Any]]
            #expect(onlyDatabase?.map { $0["TenantName"] as? String } == ["Initech"])
            let id = try #require(acme["TenantId"] as? String)
            #expect(try await http.get("/api/Spaces-1/tenants/\(id)/variables").object["TenantName"] as? String == "Acme Corp")
        }
    }
}
