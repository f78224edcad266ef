import Foundation
import OctopusClient
import Testing

/// A failure below HTTP reads as the system's reason and where the request was going, not SwiftNIO's nested
/// description ("connection reset (error set): Connection refused) (errno: 111)").
@Suite struct TransportFailureTests {
    @Test func aRefusedConnectionSaysSoAndWhere() async throws {
        // Port 1 on loopback: nothing listens there.
        let request = TransportRequest(method: .get, url: try #require(URL(string: "http://127.0.0.1:1/api")), timeout: .seconds(10))
        await #expect(throws: TransportFailure(reason: "connection refused (nothing accepts connections at 127.0.0.1:1)")) {
            _ = try await AsyncHTTPTransport().send(request)
        }
    }

    @Test func theClientsMessageNamesTheFix() {
        let error = OctopusClientError.transport(
            method: .get, path: "/api/spaces/all", reason: "connection refused (nothing accepts connections at 127.0.0.1:1)", attempts: 5)
        #expect(error.description == "GET /api/spaces/all failed after 5 attempts: connection refused (nothing accepts connections at 127.0.0.1:1). Check that the server is reachable.")
    }
}
