import Foundation
import GRDB
import OctopusModel
import OctopusSandbox
import Testing

/// Status codes and Octopus error bodies for bad input, and every way to present an API key.
@Suite("Errors and authentication")
struct ErrorAndAuthTests {
    static let unauthorizedMessage =
        "You must be logged in to perform this action. Please provide a valid API key or log in again."

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let path: String
        let status: Int
        let message: String
        let detail: String?
        var testDescription: String { path }
    }

    static let errorCases = [
        ErrorCase(path: "/api/Spaces-1/projects/Projects-999", status: 404,
                  message: "The resource you requested was not found.", detail: "'Projects-999'"),
        ErrorCase(path: "/api/Spaces-1/releases/Releases-12345", status: 404,
                  message: "The resource you requested was not found.", detail: "'Releases-12345'"),
        ErrorCase(path: "/api/Spaces-9/projects", status: 404,
                  message: "The resource you requested was not found.", detail: "'Spaces-9'"),
        ErrorCase(path: "/api/no/such/route", status: 404,
                  message: "The resource you requested was not found.", detail: "'/api/no/such/route'"),
        ErrorCase(path: "/api/Spaces-1/projects?skip=abc", status: 400,
                  message: "The 'skip' parameter must be a whole number, but was 'abc'.", detail: nil),
        ErrorCase(path: "/api/Spaces-1/projects?take=-1", status: 400,
                  message: "The 'take' parameter must be 0 or more, but was -1.", detail: nil),
        ErrorCase(path: "/api/Spaces-1/machines?isDisabled=maybe", status: 400,
                  message: "The 'isDisabled' parameter must be true or false, but was 'maybe'.", detail: nil),
    ]

    @Test(arguments: errorCases)
    func errorBodies(_ testCase: ErrorCase) async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get(testCase.path)
            #expect(reply.status == testCase.status)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let body = try #require(reply.error)
            #expect(body.errorMessage == testCase.message)
            if let detail = testCase.detail {
                #expect(body.errors.contains { $0.contains(detail) }, "\(body.errors)")
            }
        }
    }

    @Test func hugeTakeIsNotAnError() async throws {
        try await withSampleSandbox { http in
            for query in ["take=99999999999", "take=9223372036854775807", "skip=9223372036854775807&take=9223372036854775807"] {
                let reply = try await http.get("/api/Spaces-1/projects?\(query)")
                #expect(reply.status == 200, "\(query)")
                let page = try reply.decode(ResourceCollection<Project>.self)
                #expect(page.itemsPerPage == 2_147_483_647)
                #expect(page.totalResults == 5)
            }
            let machines = try await http.get("/api/Spaces-1/machines?skip=9223372036854775807&take=9223372036854775807")
            #expect(machines.status == 200)
            let tooBig = try await http.get("/api/Spaces-1/projects?take=99999999999999999999")
            #expect(tooBig.status == 400)
        }
    }

    @Test func everyKeyFormIsAccepted() async throws {
        try await withSampleSandbox { http in
            let key = SampleSeed.qaAPIKey
            let header = try await http.get("/api/users/me", apiKey: .some(key))
            let query = try await http.get("/api/users/me?apikey=\(key)", apiKey: .some(nil))
            let upper = try await http.get("/api/users/me?ApiKey=\(key)", apiKey: .some(nil))
            let bearer = try await http.send("GET", "/api/users/me", headers: ["Authorization": "Bearer \(key)"], apiKey: .some(nil))
            for reply in [header, query, upper, bearer] {
                #expect(reply.status == 200)
                #expect(try reply.decode(User.self).id == SampleSeed.Users.qaEngineer)
            }
        }
    }

    @Test(arguments: [nil, "", "API-WRONG0000000000000000000000000"] as [String?])
    func missingOrWrongKeysAre401(_ key: String?) async throws {
        try await withSampleSandbox { http in
            let headers = key.map { ["X-Octopus-ApiKey": $0] } ?? [:]
            let reply = try await http.send("GET", "/api/Spaces-1/projects", headers: headers, apiKey: .some(nil))
            #expect(reply.status == 401)
            #expect(reply.error?.errorMessage == Self.unauthorizedMessage)
            if let key, !key.isEmpty { #expect(!reply.text.contains(key)) }
        }
    }

    @Test func aUserWithoutSpaceTeamsGets403NamingThePermission() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get("/api/Spaces-1/projects", apiKey: .some(SampleSeed.guestAPIKey))
            #expect(reply.status == 403)
            #expect(reply.error?.errorMessage.hasSuffix("Missing permission: ProjectView") == true)
            let me = try await http.get("/api/users/me", apiKey: .some(SampleSeed.guestAPIKey))
            #expect(me.status == 200)
        }
    }

    /// The sandbox keeps each caller's permissions until the data changes: joining a team grants at once, leaving it
    /// takes them away at once (never an answer from before the change).
    @Test func teamMembershipTakesEffectOnTheNextRequest() async throws {
        try await withSampleSandbox { http in
            let guest = SampleSeed.guestAPIKey
            let store = http.server.store
            #expect(try await http.get("/api/Spaces-1/projects", apiKey: .some(guest)).status == 403)
            func setGuest(inQA member: Bool) async throws {
                try await store.write { db in
                    guard var team = try db.document(Team.self, id: SampleSeed.Teams.qa.rawValue) else { return }
                    team.memberUserIds.removeAll { $0 == SampleSeed.Users.guest }
                    if member { team.memberUserIds.append(SampleSeed.Users.guest) }
                    try db.save(team)
                }
            }
            try await setGuest(inQA: true)
            #expect(try await http.get("/api/Spaces-1/projects", apiKey: .some(guest)).status == 200)
            #expect(try await http.get("/api/Spaces-1/projects", apiKey: .some(guest)).status == 200)
            try await setGuest(inQA: false)
            #expect(try await http.get("/api/Spaces-1/projects", apiKey: .some(guest)).status == 403)
        }
    }

    /// The caller a key names is kept between requests (issue 10), but only until the data changes: a new key works on
    /// its first request, and a deactivated user's key is refused on the very next one.
    @Test func keysAndUsersTakeEffectOnTheNextRequest() async throws {
        try await withSampleSandbox { http in
            let store = http.server.store
            let key = "API-NEWKEYNEWKEYNEWKEYNEWKEYNEWKEY01"
            #expect(try await http.get("/api/users/me", apiKey: .some(key)).status == 401)
            try await store.addAPIKey(key, for: SampleSeed.Users.qaEngineer, purpose: "test")
            #expect(try await http.get("/api/users/me", apiKey: .some(key)).status == 200)
            #expect(try await http.get("/api/users/me", apiKey: .some(key)).status == 200)
            func setActive(_ active: Bool) async throws {
                try await store.write { db in
                    guard var user = try db.document(User.self, id: SampleSeed.Users.qaEngineer.rawValue) else { return }
                    user.isActive = active
                    try db.save(user)
                }
            }
            try await setActive(false)
            #expect(try await http.get("/api/users/me", apiKey: .some(key)).status == 401)
            #expect(try await http.get("/api/users/me", apiKey: .some(SampleSeed.qaAPIKey)).status == 401)
            try await setActive(true)
            #expect(try await http.get("/api/users/me", apiKey: .some(key)).status == 200)
        }
    }
}
