import Foundation
import OctopusModel
import OctopusSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP caller for tests: real requests over loopback to a running sandbox.
struct SandboxHTTP {
    let server: SandboxServer
    var apiKey: String? = SampleSeed.releaseConductorAPIKey

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try OctopusJSON.decode(type, from: body) }
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var error: OctopusErrorBody? { try? decode(OctopusErrorBody.self) }
    }

    func send(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:], apiKey: String?? = nil
    ) async throws -> Reply {
        guard let url = URL(string: server.baseURL.absoluteString + path) else {
            throw URLError(.badURL)
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        let key = apiKey ?? self.apiKey
        if let key { request.setValue(key, forHTTPHeaderField: "X-Octopus-ApiKey") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var replyHeaders: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            replyHeaders[String(describing: name).lowercased()] = String(describing: value)
        }
        return Reply(status: http.statusCode, headers: replyHeaders, body: data)
    }

    func get(_ path: String, apiKey: String?? = nil) async throws -> Reply {
        try await send("GET", path, apiKey: apiKey)
    }
}

/// Runs `body` against a fresh in-memory sample sandbox on a virtual clock.
func withSampleSandbox<T: Sendable>(
    seed: SandboxConfiguration.Seed = .sample, _ body: (SandboxHTTP) async throws -> T
) async throws -> T {
    let configuration = SandboxConfiguration(port: 0, storage: .memory, seed: seed, clock: VirtualClock())
    return try await SandboxServer.withRunning(configuration) { server in
        try await body(SandboxHTTP(server: server))
    }
}
