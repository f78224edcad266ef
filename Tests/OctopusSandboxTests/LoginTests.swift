import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// Username and password sign-in: the session cookies, the CSRF header for changes, bad
/// credentials, and service accounts without passwords.
@Suite("Login")
struct LoginTests {
    private func login(_ http: SandboxHTTP, _ username: String, _ password: String) async throws -> SandboxHTTP.Reply {
        let body = try JSONSerialization.data(withJSONObject: ["Username": username, "Password": password])
        return try await http.send("POST", "/api/users/login", body: body, apiKey: .some(nil))
    }

    /// `name=value` of each `Set-Cookie` the reply carries (URLSession joins them with commas).
    private func cookies(_ reply: SandboxHTTP.Reply) -> [String: String] {
        var found: [String: String] = [:]
        for part in (reply.headers["set-cookie"] ?? "").split(separator: ",") {
            let pair = part.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if halves.count == 2 { found[halves[0]] = halves[1] }
        }
        return found
    }

    @Test func aSeededPersonSignsInAndTheCookieAuthenticates() async throws {
        try await withSampleSandbox { http in
            let reply = try await login(http, "riley", "riley-sandbox")
            #expect(reply.status == 200)
            #expect(reply.object["Username"] as? String == "riley")
            let jar = cookies(reply)
            let token = try #require(jar["OctopusIdentificationToken"])
            let csrf = try #require(jar["Octopus-Csrf-Token"])
            let cookie = "OctopusIdentificationToken=\(token); Octopus-Csrf-Token=\(csrf)"
            let me = try await http.send("GET", "/api/users/me", headers: ["Cookie": cookie], apiKey: .some(nil))
            #expect(me.object["Id"] as? String == SampleSeed.Users.releaseManager.rawValue)

            let edit = try JSONSerialization.data(withJSONObject: ["Variables": [["Name": "App.Name", "Value": "x"]]])
            let path = "/api/Spaces-1/variables/\(VariableSetID(project: SampleSeed.Projects.database).rawValue)"
            let withoutHeader = try await http.send("PUT", path, body: edit, headers: ["Cookie": cookie], apiKey: .some(nil))
            #expect(withoutHeader.status == 403)
            let withHeader = try await http.send(
                "PUT", path, body: edit, headers: ["Cookie": cookie, "X-Octopus-Csrf-Token": csrf], apiKey: .some(nil))
            #expect(withHeader.status == 200)

            #expect(try await http.send("POST", "/api/users/logout", headers: ["Cookie": cookie, "X-Octopus-Csrf-Token": csrf], apiKey: .some(nil)).status == 200)
            #expect(try await http.send("GET", "/api/users/me", headers: ["Cookie": cookie], apiKey: .some(nil)).status == 401)
        }
    }

    @Test func wrongPasswordsUnknownUsersAndServiceAccountsAreRefused() async throws {
        try await withSampleSandbox { http in
            for (username, password) in [("riley", "wrong"), ("nobody", "nobody-sandbox"), ("release-conductor", "release-conductor-sandbox")] {
                let reply = try await login(http, username, password)
                #expect(reply.status == 400, "\(username)")
                #expect(reply.error?.errorMessage == "Invalid username or password.")
                #expect(reply.headers["set-cookie"] == nil)
            }
            #expect(try await http.send("POST", "/api/users/login", body: Data("{}".utf8), apiKey: .some(nil)).status == 400)
        }
    }
}
