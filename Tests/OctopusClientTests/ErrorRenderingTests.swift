import OctopusClient
import Testing

/// Every client error message, pinned: what failed, the server's own words, the fix — never a key.
@Suite struct ErrorRenderingTests {
    /// One error and its message, named in the test report.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let error: OctopusClientError
        let text: String

        init(_ name: String, _ error: OctopusClientError, _ text: String) {
            self.name = name
            self.error = error
            self.text = text
        }

        var testDescription: String { name }
    }

    static let cases: [ErrorCase] = [
        ErrorCase("401 names the key to check", .http(.init(status: 401, method: .get, path: "/api/users/me",
                     errorMessage: "You must be logged in to perform this action. Please provide a valid API key or log in again.", errors: [])),
         "GET /api/users/me failed with 401 Unauthorized: You must be logged in to perform this action. Please provide a valid API key or log in again. Check the API key."),
        ErrorCase("403 names the missing permission", .http(.init(status: 403, method: .post, path: "/api/Spaces-1/deployments",
                     errorMessage: "You do not have permission to perform this action.", errors: ["Missing permission: DeploymentCreate"])),
         "POST /api/Spaces-1/deployments failed with 403 Forbidden: You do not have permission to perform this action. Missing permission: DeploymentCreate. The API key's user lacks the permission; ask an administrator to grant it."),
        ErrorCase("400 keeps the server's errors", .http(.init(status: 400, method: .post, path: "/api/Spaces-1/interruptions/Interruptions-1/submit",
                     errorMessage: "There was a problem with your request.", errors: ["The interruption has already been submitted."])),
         "POST /api/Spaces-1/interruptions/Interruptions-1/submit failed with 400 Bad Request: There was a problem with your request. The interruption has already been submitted."),
        ErrorCase("503 after retries counts attempts", .http(.init(status: 503, method: .get, path: "/api/Spaces-1/projects", errorMessage: nil, errors: [], attempts: 5)),
         "GET /api/Spaces-1/projects failed with 503 Service Unavailable after 5 attempts"),
        ErrorCase("transport failure names the fix", .transport(method: .get, path: "/api/spaces/all", reason: "connection refused", attempts: 5),
         "GET /api/spaces/all failed after 5 attempts: connection refused. Check that the server is reachable."),
        ErrorCase("undecodable body names the type", .decoding(method: .get, path: "/api/Spaces-1/releases/Releases-1", type: "Release", detail: "missing 'Version'"),
         "GET /api/Spaces-1/releases/Releases-1 returned a response that is not a valid Release: missing 'Version'."),
        ErrorCase("redirect is refused with the final URL", .redirected(method: .get, path: "/api/spaces/all", status: 301, location: "https://octopus.example.com/api/spaces/all"),
         "GET /api/spaces/all was redirected (301) to 'https://octopus.example.com/api/spaces/all'. Use the final server URL; the client does not follow redirects so the API key is never sent elsewhere."),
        ErrorCase("unknown space lists the available ones", .spaceNotFound(.name("Team Blue"), available: ["Default", "Team Red"]),
         "Space 'Team Blue' was not found. Available spaces: 'Default', 'Team Red'."),
        ErrorCase("no default space asks for one", .spaceNotFound(.default, available: []),
         "The server has no default space; name the space to use."),
        ErrorCase("missing link names the server version", .missingLink("SpaceHome", in: "space Spaces-1"),
         "The server's space Spaces-1 has no 'SpaceHome' link; this server version is not supported."),
    ]

    @Test(arguments: cases)
    func message(of errorCase: ErrorCase) {
        #expect(errorCase.error.description == errorCase.text)
    }

    @Test(arguments: [(401, true, false), (403, false, true), (404, false, false), (500, false, false)])
    func authenticationAndPermissionAreDistinct(status: Int, authentication: Bool, permission: Bool) {
        let error = OctopusClientError.http(.init(status: status, method: .get, path: "/api", errorMessage: nil, errors: []))
        #expect(error.isAuthentication == authentication)
        #expect(error.isPermission == permission)
        #expect(error.isNotFound == (status == 404))
    }
}
