import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Paging, ordering, filters, `/all`, path aliases and method override (octopus-api.md §1, §6).
@Suite("HTTP conventions")
struct HTTPConventionTests {
    @Test func pagingLinksAppearExactlyWhenAnotherPageExists() async throws {
        try await withSampleSandbox { http in
            let first = try await http.get("/api/Spaces-1/releases?take=5")
            let page = try first.decode(ResourceCollection<Release>.self)
            #expect(page.itemType == "Release")
            #expect(page.totalResults == 13)
            #expect(page.itemsPerPage == 5)
            #expect(page.numberOfPages == 3)
            #expect(page.lastPageNumber == 2)
            #expect(page.items.count == 5)
            #expect(page.links["Page.Next"] == "/api/Spaces-1/releases?skip=5&take=5")
            #expect(page.links["Page.Previous"] == nil)
            #expect(page.links["Page.All"] == "/api/Spaces-1/releases?skip=0&take=2147483647")
            #expect(page.links["Page.Last"] == "/api/Spaces-1/releases?skip=10&take=5")
            #expect(page.links["Template"]?.hasPrefix("/api/Spaces-1/releases{?") == true)

            let last = try await http.get("/api/Spaces-1/releases?skip=10&take=5").decode(ResourceCollection<Release>.self)
            #expect(last.items.count == 3)
            #expect(last.links["Page.Next"] == nil)
            #expect(last.links["Page.Previous"] == "/api/Spaces-1/releases?skip=5&take=5")

            let past = try await http.get("/api/Spaces-1/releases?skip=100")
            #expect(past.status == 200)
            let empty = try past.decode(ResourceCollection<Release>.self)
            #expect(empty.items.isEmpty)
            #expect(empty.totalResults == 13)
            #expect(empty.links["Page.Next"] == nil)
        }
    }

    @Test func followingPageNextVisitsEveryItemOnce() async throws {
        try await withSampleSandbox { http in
            var path: String? = "/api/Spaces-1/releases?take=4"
            var seen: [ReleaseID] = []
            var requests = 0
            while let next = path {
                let page = try await http.get(next).decode(ResourceCollection<Release>.self)
                seen += page.items.map(\.id)
                path = page.links["Page.Next"]
                requests += 1
            }
            #expect(requests == 4)
            #expect(seen.count == 13)
            #expect(Set(seen).count == 13)
        }
    }

    @Test func defaultPageSizeIsThirtyAndTakeMaxReturnsEverything() async throws {
        try await withSampleSandbox { http in
            let page = try await http.get("/api/Spaces-1/releases").decode(ResourceCollection<Release>.self)
            #expect(page.itemsPerPage == 30)
            let everything = try await http.get("/api/Spaces-1/releases?skip=0&take=2147483647")
                .decode(ResourceCollection<Release>.self)
            #expect(everything.items.count == 13)
            #expect(everything.numberOfPages == 1)
        }
    }

    @Test func pageLinksKeepFiltersAndNeverTheAPIKey() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get(
                "/api/Spaces-1/projects?partialName=web&take=1&apikey=\(SampleSeed.releaseConductorAPIKey)", apiKey: .some(nil))
            #expect(reply.status == 200)
            let page = try reply.decode(ResourceCollection<Project>.self)
            #expect(page.totalResults == 2)
            #expect(page.links["Page.Next"] == "/api/Spaces-1/projects?partialName=web&skip=1&take=1")
            #expect(!reply.text.contains(SampleSeed.releaseConductorAPIKey))
        }
    }

    @Test func orderingFollowsOctopus() async throws {
        try await withSampleSandbox { http in
            let projects = try await http.get("/api/Spaces-1/projects/all").decode([Project].self)
            #expect(projects.map(\.name) == ["Database", "Release Orchestration", "Scheduling Service", "Web API", "Web UI"])
            let environments = try await http.get("/api/Spaces-1/environments").decode(ResourceCollection<DeploymentEnvironment>.self)
            #expect(environments.items.map(\.name) == ["Development", "Test", "Staging", "Prod Approval", "Production"])
            let releases = try await http.get("/api/Spaces-1/projects/Projects-3/releases")
                .decode(ResourceCollection<Release>.self)
            #expect(releases.items.map(\.version) == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.13"])
        }
    }

    @Test func allEndpointsAreBareArraysIgnoringSkip() async throws {
        try await withSampleSandbox { http in
            for path in ["/api/Spaces-1/projects/all?skip=3", "/api/Spaces-1/environments/all?skip=1", "/api/spaces/all?skip=0",
                         "/api/Spaces-1/lifecycles/all", "/api/Spaces-1/projectgroups/all", "/api/Spaces-1/channels/all",
                         "/api/Spaces-1/machines/all", "/api/teams/all", "/api/users/all"] {
                let reply = try await http.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect((reply.json as? [Any])?.isEmpty == false, "\(path) should be a non-empty bare array")
            }
            let projects = try await http.get("/api/Spaces-1/projects/all?skip=3").decode([Project].self)
            #expect(projects.count == 5)
        }
    }

    struct FilterCase: Sendable, CustomTestStringConvertible {
        let path: String
        let names: [String]
        var testDescription: String { path }
    }

    static let filterCases = [
        FilterCase(path: "/api/Spaces-1/projects?ids=Projects-3,Projects-1", names: ["Database", "Web API"]),
        FilterCase(path: "/api/Spaces-1/projects?ids=Projects-3&ids=Projects-4", names: ["Web API", "Web UI"]),
        FilterCase(path: "/api/Spaces-1/projects?partialName=WEB", names: ["Web API", "Web UI"]),
        FilterCase(path: "/api/Spaces-1/projects?name=web%20api", names: ["Web API"]),
        FilterCase(path: "/api/Spaces-1/projects?name=Web%20API,Database", names: ["Database", "Web API"]),
        FilterCase(path: "/api/Spaces-1/projects?name=Web", names: []),
        FilterCase(path: "/api/Spaces-1/environments?name=production", names: ["Production"]),
        FilterCase(path: "/api/Spaces-1/environments?partialName=prod", names: ["Prod Approval", "Production"]),
        FilterCase(path: "/api/Spaces-1/machines?roles=scheduling-service", names: ["dev-app-01", "prod-app-01", "staging-app-01", "test-app-01"]),
        FilterCase(path: "/api/Spaces-1/machines?environmentIds=Environments-5&roles=web-api", names: ["prod-web-01", "prod-web-02"]),
        FilterCase(path: "/api/Spaces-1/environments/Environments-4/machines", names: []),
        FilterCase(path: "/api/Spaces-1/lifecycles?partialName=orchestration", names: ["Release Orchestration Lifecycle"]),
        FilterCase(path: "/api/spaces?name=Default", names: ["Default"]),
        FilterCase(path: "/api/Spaces-1/projectgroups/ProjectGroups-2/projects", names: ["Database", "Scheduling Service", "Web API", "Web UI"]),
    ]

    @Test(arguments: filterCases)
    func filters(_ testCase: FilterCase) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get(testCase.path)
            #expect(reply.status == 200)
            let items = (reply.object["Items"] as? [[String: Any]]) ?? []
            #expect(items.compactMap { $0["Name"] as? String } == testCase.names)
        }
    }

    @Test func pathFormsReachTheSameResource() async throws {
        try await withSampleSandbox { http in
            for path in ["/api/Spaces-1/projects/Projects-3", "/api/projects/Projects-3", "/api/spaces/Spaces-1/projects/Projects-3",
                         "/api/Spaces-1/projects/web-api", "/api/Spaces-1/projects/Projects-3/",
                         "/API/Spaces-1/Projects/Projects-3", "/api/SPACES/Spaces-1/projects/Projects-3"] {
                let reply = try await http.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(try reply.decode(Project.self).name == "Web API", "\(path)")
            }
        }
    }

    @Test func methodOverrideTurnsAPostIntoTheNamedMethod() async throws {
        try await withSampleSandbox { http in
            let overridden = try await http.send("POST", "/api/users/me", headers: ["X-HTTP-Method-Override": "GET"])
            #expect(overridden.status == 200)
            #expect(try overridden.decode(User.self).id == SampleSeed.Users.releaseConductor)
            let plainPost = try await http.send("POST", "/api/users/me")
            #expect(plainPost.status == 404)
            let bogus = try await http.send("POST", "/api/users/me", headers: ["X-HTTP-Method-Override": "FROB"])
            #expect(bogus.status == 400)
            #expect(bogus.error?.errorMessage.contains("'FROB'") == true)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await withSampleSandbox { http in
            let head = try await http.send("HEAD", "/api/Spaces-1/projects")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            let missing = try await http.send("HEAD", "/api/Spaces-1/projects/Projects-999")
            #expect(missing.status == 404)
        }
    }

    @Test func releasesByVersionAndChannelSearch() async throws {
        try await withSampleSandbox { http in
            let release = try await http.get("/api/Spaces-1/projects/Projects-3/releases/2021.1.0.14").decode(Release.self)
            #expect(release.version == "2021.1.0.14")
            #expect(release.projectId == SampleSeed.Projects.webAPI)
            #expect(release.links["Deployments"] == "/api/Spaces-1/releases/\(release.id)/deployments{?skip,take}")
            #expect(!release.buildInformation.isEmpty)
            #expect(release.buildInformation.first?.workItems.isEmpty == false)
            #expect(release.buildInformation.first?.commits.isEmpty == false)
            let missing = try await http.get("/api/Spaces-1/projects/Projects-3/releases/9.9.9")
            #expect(missing.status == 404)
            let search = try await http.get("/api/Spaces-1/channels/Channels-3/releases?searchByVersion=0.1")
                .decode(ResourceCollection<Release>.self)
            #expect(search.items.map(\.version) == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.13"])
            let narrow = try await http.get("/api/Spaces-1/channels/Channels-3/releases?searchByVersion=.15")
                .decode(ResourceCollection<Release>.self)
            #expect(narrow.items.map(\.version) == ["2021.1.0.15"])
            let snapshot = try await http.get("/api/Spaces-1/releases/\(release.id)/snapshot-variables").decode(VariableSet.self)
            #expect(snapshot.ownerId == SampleSeed.Projects.webAPI.rawValue)
        }
    }

    @Test func lifecyclePreviewGeneratesPhasesForThePhaselessLifecycle() async throws {
        try await withSampleSandbox { http in
            let preview = try await http.get("/api/Spaces-1/lifecycles/Lifecycles-1/preview").decode(Lifecycle.self)
            #expect(preview.phases.map(\.name) == ["Development", "Test", "Staging", "Prod Approval", "Production"])
            let stored = try await http.get("/api/Spaces-1/lifecycles/Lifecycles-1").decode(Lifecycle.self)
            #expect(stored.phases.isEmpty)
            #expect(stored.links["Preview"] == "/api/Spaces-1/lifecycles/Lifecycles-1/preview")
            let orchestration = try await http.get("/api/Spaces-1/lifecycles/Lifecycles-3/preview").decode(Lifecycle.self)
            #expect(orchestration.phases.map(\.environmentIds) == [["Environments-3"], ["Environments-4"], ["Environments-5"]])
            let users = try await http.get("/api/Spaces-1/lifecycles/Lifecycles-4/projects").decode([Project].self)
            #expect(users.map(\.name) == ["Web API"])
        }
    }

    @Test func usersTeamsAndSpaces() async throws {
        try await withSampleSandbox { http in
            let me = try await http.get("/api/users/me").decode(User.self)
            #expect(me.isService)
            #expect(me.links["Spaces"] == "/api/users/Users-1/spaces")
            let spaces = try await http.get("/api/users/Users-1/spaces").decode([Space].self)
            #expect(spaces.map(\.id) == ["Spaces-1"])
            #expect(spaces.first?.links["SpaceHome"] == "/api/Spaces-1")
            let guestSpaces = try await http.get("/api/users/Users-6/spaces").decode([Space].self)
            #expect(guestSpaces.isEmpty)
            let teams = try await http.get("/api/users/Users-3/teams").decode([UserTeam].self)
            #expect(teams.map(\.name) == ["Everyone", "QA"])
            let membership = try await http.get("/api/teammembership?userId=Users-4&includeSystem=false")
                .decode([TeamMembership].self)
            #expect(membership.map(\.teamName) == ["Web Admins"])
            let noUser = try await http.get("/api/teammembership")
            #expect(noUser.status == 400)
            #expect(noUser.error?.errorMessage == "No userId parameter was provided.")
            let unknown = try await http.get("/api/teammembership?userId=Users-404")
            #expect(unknown.status == 404)
            #expect(unknown.error?.errorMessage == "User was not found.")
            let scopedMembership = try await http.get("/api/Spaces-1/teammembership?userId=Users-4").decode([TeamMembership].self)
            #expect(scopedMembership.map(\.teamName) == ["Web Admins"])
            let scopedTeams = try await http.get("/api/Spaces-1/teams").decode(ResourceCollection<Team>.self)
            #expect(scopedTeams.items.contains { $0.id == "teams-everyone" })
            #expect(scopedTeams.items.contains { $0.name == "Business Owners" })
            #expect(try await http.get("/api/Spaces-1/teams/Teams-2").decode(Team.self).name == "QA")
            #expect(try await http.get("/api/Spaces-1/teams/teams-everyone").status == 200)
            let filtered = try await http.get("/api/users?filter=quinn").decode(ResourceCollection<User>.self)
            #expect(filtered.items.map(\.displayName) == ["Quinn Tester"])
            let byName = try await http.get("/api/users?filter=OWNER").decode(ResourceCollection<User>.self)
            #expect(byName.items.map(\.username) == ["olivia"])
            #expect(try await http.get("/api/users/Users-99").status == 404)
        }
    }

    @Test func deploymentProcessesCarryManualInterventionsAndRoles() async throws {
        try await withSampleSandbox { http in
            let process = try await http.get("/api/Spaces-1/projects/Projects-3/deploymentprocesses").decode(DeploymentProcess.self)
            #expect(process.id == "deploymentprocess-Projects-3")
            let manual = process.steps.flatMap(\.actions).filter(\.isManualIntervention)
            #expect(manual.map(\.name) == ["Web Admin Approval", "QA Approval"])
            #expect(manual.first?.responsibleTeamIds == [SampleSeed.Teams.webAdmins, SampleSeed.Teams.releaseManagement])
            #expect(manual.first?.environments == [SampleSeed.Environments.staging, SampleSeed.Environments.production])
            #expect(process.steps.contains { $0.targetRoles == ["web-api"] })
            let database = try await http.get("/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1")
                .decode(DeploymentProcess.self)
            #expect(database.steps.allSatisfy { $0.targetRoles.isEmpty })
            let variables = try await http.get("/api/Spaces-1/variables/variableset-Projects-1").decode(VariableSet.self)
            #expect(variables.variables.contains { $0.prompt?.required == true })
        }
    }
}
