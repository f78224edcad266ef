import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// The routes behind the links resources advertise, and the 404 texts that tell an unserved route
/// from a missing id.
@Suite("Advertised links")
struct AdvertisedLinkTests {
    @Test func everyLinkOfTheRootsAndOfASampleOfResourcesAnswers() async throws {
        try await withSampleSandbox { http in
            var documents: [(String, [String: Any])] = [
                ("root", try await http.get("/api").object), ("space root", try await http.get("/api/Spaces-1").object),
                ("user", try await http.get("/api/users/me").object),
            ]
            for path in ["/api/Spaces-1/projects/Projects-3", "/api/Spaces-1/releases/Releases-7", "/api/Spaces-1/environments/Environments-3",
                         "/api/Spaces-1/machines/Machines-1", "/api/teams/Teams-1", "/api/spaces/Spaces-1",
                         "/api/Spaces-1/actiontemplates/ActionTemplates-1", "/api/Spaces-1/feeds/feeds-builtin"] {
                documents.append((path, try await http.get(path).object))
            }
            let tenant = try #require((try await http.get("/api/Spaces-1/tenants").object["Items"] as? [[String: Any]])?.first)
            let task = try #require((try await http.get("/api/tasks?take=1").object["Items"] as? [[String: Any]])?.first)
            documents += [("tenant", tenant), ("task", task)]
            var failures: [String] = []
            var walked = 0
            for (owner, document) in documents {
                for (name, template) in (document["Links"] as? [String: String] ?? [:]) where template.hasPrefix("/api") {
                    let path = template.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression)
                    let status = try await http.get(path).status
                    walked += 1
                    if status == 404 || status >= 500 { failures.append("\(owner) \(name) \(path) -> \(status)") }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(walked > 100)
        }
    }

    @Test func detailDocumentsCarryTheResourcesData() async throws {
        try await withSampleSandbox { http in
            let settings = try await http.get("/api/Spaces-1/projects/web-api/deploymentsettings").object
            #expect(settings["ProjectId"] as? String == SampleSeed.Projects.webAPI.rawValue)
            #expect(try await http.get("/api/Spaces-1/projects/Projects-3/summary").object["HasDeploymentProcess"] as? Bool == true)
            let scoped = try await http.get("/api/Spaces-1/environments/\(SampleSeed.Environments.production)/singlyScopedVariableDetails").object
            let map = scoped["VariableMap"] as? [String: [[String: Any]]] ?? [:]
            #expect(map[SampleSeed.Projects.webUI.rawValue]?.map { $0["Name"] as? String } == ["WebUI.Theme"])
            let tasks = try await http.get("/api/Spaces-1/machines/Machines-1/tasks").object
            #expect((tasks["TotalResults"] as? Int ?? 0) > 0)
            let logo = try await http.get("/api/Spaces-1/projects/Projects-1/logo")
            #expect(logo.status == 200 && logo.headers["content-type"] == "image/png" && logo.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let search = try await http.get("/api/spaces/Spaces-1/search?keyword=web").json as? [[String: Any]] ?? []
            #expect(Set(search.compactMap { $0["Name"] as? String }).isSuperset(of: ["Web API", "Web UI"]))
            let roles = try await http.get("/api/teams/\(SampleSeed.Teams.qa)/scopeduserroles").object
            #expect((roles["Items"] as? [[String: Any]])?.first?["UserRoleId"] as? String == "userroles-projectdeployer")
            let permissions = try await http.get("/api/users/\(SampleSeed.Users.qaEngineer)/permissions").object
            let granted = (permissions["SpacePermissions"] as? [String: Any]).map { Set($0.keys) } ?? []
            #expect(granted.contains("InterruptionSubmit") && !granted.contains("DeploymentCreate"))
        }
    }

    @Test func apiKeysAreListedToTheirOwnerWithoutTheKey() async throws {
        try await withSampleSandbox { http in
            let own = try await http.get("/api/users/\(SampleSeed.Users.releaseConductor)/apikeys")
            #expect(own.status == 200)
            #expect(own.object["TotalResults"] as? Int == 1)
            #expect(!own.text.contains(SampleSeed.releaseConductorAPIKey))
            #expect(try await http.get("/api/users/\(SampleSeed.Users.qaEngineer)/apikeys").status == 403)
        }
    }

    @Test func anUnservedRouteSaysSoAndAMissingIdSaysThat() async throws {
        try await withSampleSandbox { http in
            let unserved = try await http.get("/api/serverstatus")
            #expect(unserved.status == 404)
            #expect(unserved.error?.errors.first?.hasPrefix("The sandbox does not implement '/api/serverstatus'") == true)
            let word = try await http.get("/api/tasks/frobnicate")
            #expect(word.error?.errors.first?.hasPrefix("The sandbox does not implement '/api/tasks/frobnicate'") == true)
            let missing = try await http.get("/api/tasks/ServerTasks-424242")
            #expect(missing.error?.errors == ["The ServerTask 'ServerTasks-424242' was not found. List the collection to see which ids exist."])
            let slug = try await http.get("/api/Spaces-1/projects/nonexistent")
            #expect(slug.error?.errors.first?.hasPrefix("The Project 'nonexistent' was not found") == true)
            #expect(try await http.get("/api/tasks/tasktypes").status == 200)
        }
    }
}
