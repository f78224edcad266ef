import Foundation
import OctopusClient
import OctopusModel
import Testing

/// Issue 7 rows 8, 10, 12, 14: server URLs and API keys are checked before any request, and a key never prints —
/// whatever it contains, and whatever a server echoes.
@Suite struct InputValidationTests {
    @Test(arguments: ["http://127.0.0.1:99999", "http://127.0.0.1:0", "https://octopus.example.com:65536/api"])
    func aPortOutOfRangeIsRefused(url: String) {
        #expect {
            try OctopusConnection(server: url, apiKey: APIKey("API-ABC123"))
        } throws: { error in
            guard case OctopusClientError.unusableServerURL(_, let reason) = error else { return false }
            return reason.contains("1 to 65535")
        }
    }

    @Test func credentialsInTheURLAreRefusedWithoutEchoingThePassword() throws {
        let error = try #require(throws: OctopusClientError.self) {
            try OctopusConnection(server: "https://ann:s3cretpw@octopus.example.com", apiKey: APIKey("API-ABC123"))
        }
        let text = error.description
        #expect(error.isUsage)
        #expect(text.contains("user name or password"))
        #expect(!text.contains("s3cretpw") && !text.contains("ann:"))
    }

    @Test(arguments: [
        "API-MYSECRETKEY\n123", "API-MYSECRETKEY\r123", "API-MYSECRETKEY\u{7F}123", "api-lowercasekey1", "API-", "",
        "MYSECRETKEY123", "API-MYSECRET KEY", "API-MYSECRETKEY\u{1B}[2J",
    ])
    func aMalformedKeyIsRefusedBeforeAnyRequestAndNeverPrinted(text: String) throws {
        let error = try #require(throws: OctopusClientError.self) {
            try OctopusConnection(server: "https://octopus.example.com", apiKey: APIKey(text))
        }
        let message = error.description
        #expect(message.hasPrefix("The API key is not an Octopus API key"))
        #expect(error.isUsage)
        #expect(!message.contains("SECRET") && !message.contains("lowercasekey"))
        #expect(!APIKey(text).description.contains("SECRET") && !APIKey(text).description.contains("123"))
    }

    @Test func wellFormedKeysAreAccepted() throws {
        let connection = try OctopusConnection(server: "https://octopus.example.com", apiKey: APIKey(" API-ABCDEF0123456789 "))
        #expect(connection.apiKey.redacted == "API-****6789")
    }

    @Test(arguments: [
        ("http://octopus.example.com", true), ("http://10.0.0.5:8080", true), ("https://octopus.example.com", false),
        ("http://127.0.0.1:8066", false), ("http://localhost:8066", false), ("http://[::1]:8066", false),
    ])
    func plainHTTPToAnotherMachineIsFlagged(url: String, flagged: Bool) throws {
        #expect(try OctopusConnection(server: url, apiKey: APIKey("API-ABC123")).sendsKeyInPlainText == flagged)
    }

    @Test func aLongURLIsQuotedShort() {
        let long = "https://" + String(repeating: "x", count: 100_000)
        let text = OctopusClientError.invalidServerURL(long).description
        #expect(text.count < 400)
        #expect(text.contains("100008 characters"))
    }

    /// A server or proxy that echoes the key in its error body: the message shows the redacted form only.
    @Test func anEchoedKeyIsScrubbedFromErrorBodies() async throws {
        let key = "API-ECHOEDSECRETKEY0001"
        let body = Data(#"{"ErrorMessage": "Bad key API-ECHOEDSECRETKEY0001 given", "Errors": ["key=API-ECHOEDSECRETKEY0001"]}"#.utf8)
        let transport = RecordingTransport { _, _ in TransportResponse(status: 400, body: body) }
        let connection = try OctopusConnection(server: "https://octopus.example.com", apiKey: APIKey(key), retryPolicy: .none)
        let client = OctopusClient(connection: connection, spaceID: "Spaces-1", transport: transport)
        let error = try await #require(throws: OctopusClientError.self) { try await client.task("ServerTasks-1") }
        let message = error.description
        #expect(!message.contains("ECHOEDSECRET"))
        #expect(message.contains("API-****0001"))
    }
}
