import Foundation
import OctopusModel
import OctopusSandbox
import Testing

@Suite("Root documents")
struct RootDocumentTests {
    @Test func rootDocumentIsAnonymousWithVersionsAndSpaceLinks() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get("/api", apiKey: .some(nil))
            #expect(reply.status == 200)
            let root = try reply.decode(RootDocument.self)
            #expect(root.apiVersion == "3.0.0")
            #expect(root.application == "Octopus Deploy")
            #expect(root.links["CurrentUser"] == "/api/users/me")
            #expect(root.links["Projects"]?.hasPrefix("/api/Spaces-1/projects{/id}") == true)
            #expect(root.links["Tasks"]?.hasPrefix("/api/tasks{/id}") == true)
        }
    }

    @Test func spaceRootNeedsAKeyAndListsScopedLinks() async throws {
        try await withSampleSandbox { http in
            let anonymous = try await http.get("/api/Spaces-1", apiKey: .some(nil))
            #expect(anonymous.status == 401)
            #expect(anonymous.error?.errorMessage
                == "You must be logged in to perform this action. Please provide a valid API key or log in again.")
            let reply = try await http.get("/api/Spaces-1")
            #expect(reply.status == 200)
            let document = try reply.decode(SpaceRootDocument.self)
            #expect(document.id == "Spaces-1")
            #expect(document.links["Releases"]?.hasPrefix("/api/Spaces-1/releases") == true)
        }
    }

    @Test func unknownRouteIsAnOctopus404() async throws {
        try await withSampleSandbox { http in
            let reply = try await http.get("/api/Spaces-1/nothing-here")
            #expect(reply.status == 404)
            #expect(reply.error?.errorMessage == "The resource you requested was not found.")
        }
    }
}
