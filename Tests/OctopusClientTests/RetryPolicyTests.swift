import Foundation
import OctopusClient
import OctopusModel
import Testing

/// The retry policy as pure arithmetic, and the request pipeline over a `RecordingTransport`
/// (no network): what is retried, how often, how long it waits.
@Suite struct RetryPolicyTests {
    @Test(arguments: [(1, 0.25), (2, 0.5), (3, 1.0), (4, 2.0), (6, 8.0), (40, 8.0)])
    func nominalDelayDoublesUpToTheCap(retry: Int, seconds: Double) {
        #expect(RetryPolicy().nominalDelay(beforeRetry: retry) == .seconds(seconds))
    }

    @Test(arguments: [0.0, 0.3, 1.0])
    func jitterStaysBetweenHalfAndFullDelay(draw: Double) {
        let policy = RetryPolicy(random: { draw })
        for retry in 1...8 {
            let nominal = policy.nominalDelay(beforeRetry: retry)
            let delay = policy.delay(beforeRetry: retry)
            #expect(delay >= nominal / 2 && delay <= nominal)
        }
    }

    @Test func retryAfterWinsWhenLongerButIsCapped() {
        let policy = RetryPolicy(maximumDelay: .seconds(8), random: { 0 })
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(60)) == .seconds(8))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .zero) == .milliseconds(125))
    }

    @Test(arguments: [
        ("2", Duration.seconds(2)), (" 0 ", .zero), ("Thu, 26 Nov 2026 16:00:10 GMT", .seconds(10)),
    ])
    func parsesRetryAfter(header: String, expected: Duration) {
        let now = Date(timeIntervalSince1970: 1_795_708_800) // 2026-11-26T16:00:00Z
        #expect(RetryPolicy.parseRetryAfter(header, now: now) == expected)
    }

    @Test(arguments: ["soon", "", "-"])
    func ignoresUnreadableRetryAfter(header: String) {
        #expect(RetryPolicy.parseRetryAfter(header) == nil)
    }

    @Test func getIsRetriedOn503AndSucceeds() async throws {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport(script: [.success(.status(503)), .success(.status(502)), .success(.json("[]"))])
        let client = try makeClient(transport, sleeps)
        let spaces = try await client.allSpaces()
        #expect(spaces.isEmpty)
        #expect(await transport.requests.count == 3)
        let waits = await sleeps.durations
        #expect(waits.count == 2)
        #expect(waits[0] >= .milliseconds(125) && waits[0] <= .milliseconds(250))
        #expect(waits[1] >= .milliseconds(250) && waits[1] <= .milliseconds(500))
    }

    @Test(arguments: [429, 502, 503, 504])
    func retryableStatusesAreRetried(status: Int) async throws {
        let transport = RecordingTransport(script: [.success(.status(status)), .success(.json("[]"))])
        _ = try await makeClient(transport, SleepRecorder()).allSpaces()
        #expect(await transport.requests.count == 2)
    }

    @Test(arguments: [400, 401, 403, 404, 409, 500])
    func otherStatusesAreNotRetried(status: Int) async throws {
        let transport = RecordingTransport(script: [.success(.status(status)), .success(.json("[]"))])
        let error = await #expect(throws: OctopusClientError.self) { try await makeClient(transport, SleepRecorder()).allSpaces() }
        #expect(error?.status == status)
        #expect(await transport.requests.count == 1)
    }

    @Test func postIsNeverRetriedBlindly() async throws {
        let transport = RecordingTransport(script: [.success(.status(503)), .success(.json("{}"))])
        let client = try makeClient(transport, SleepRecorder())
        await #expect(throws: OctopusClientError.self) {
            try await client.submitInterruption("Interruptions-1", values: ["Result": "Proceed"])
        }
        #expect(await transport.requests.count == 1)

        let dropped = RecordingTransport(script: [.failure(TransportFailure(reason: "connection reset by peer"))])
        let error = await #expect(throws: OctopusClientError.self) {
            try await makeClient(dropped, SleepRecorder()).submitInterruption("Interruptions-1", values: ["Result": "Proceed"])
        }
        #expect(await dropped.requests.count == 1)
        #expect(error == .transport(method: .post, path: "/api/Spaces-1/interruptions/Interruptions-1/submit", reason: "connection reset by peer", attempts: 1))
    }

    @Test func connectionFailuresOfReadsAreRetried() async throws {
        let transport = RecordingTransport(script: [.failure(TransportFailure(reason: "connection refused")), .success(.json("[]"))])
        _ = try await makeClient(transport, SleepRecorder()).allSpaces()
        #expect(await transport.requests.count == 2)
    }

    @Test func givesUpAfterMaximumAttempts() async throws {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport(script: [.success(.status(503))])
        let error = await #expect(throws: OctopusClientError.self) {
            try await makeClient(transport, sleeps, policy: RetryPolicy(maximumAttempts: 4)).allSpaces()
        }
        #expect(await transport.requests.count == 4)
        #expect(await sleeps.durations.count == 3)
        guard case .http(let failure) = error else { Issue.record("expected an HTTP failure, got \(String(describing: error))"); return }
        #expect(failure.attempts == 4)
    }

    @Test func totalWaitIsBounded() async throws {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport(script: [.success(.status(503))])
        let policy = RetryPolicy(maximumAttempts: 20, initialDelay: .seconds(1), maximumDelay: .seconds(4), maximumTotalDelay: .seconds(10))
        await #expect(throws: OctopusClientError.self) { try await makeClient(transport, sleeps, policy: policy).allSpaces() }
        let total = await sleeps.durations.reduce(Duration.zero, +)
        #expect(total <= .seconds(10))
        #expect(await transport.requests.count < 20)
    }

    @Test func honoursRetryAfter() async throws {
        let sleeps = SleepRecorder()
        let transport = RecordingTransport(script: [.success(.status(429, headers: [("Retry-After", "3")])), .success(.json("[]"))])
        _ = try await makeClient(transport, sleeps).allSpaces()
        #expect(await sleeps.durations == [.seconds(3)])
    }

    @Test func cancelAndSnapshotPostsAreMarkedIdempotent() async throws {
        let transport = RecordingTransport(script: [.success(.status(503)), .success(.status(200))])
        let client = try makeClient(transport, SleepRecorder())
        await #expect(throws: OctopusClientError.self) { try await client.cancelTask("ServerTasks-1") } // 200 without a body
        #expect(await transport.requests.count == 2)
    }
}

/// Collects the waits a policy asks for, instead of sleeping.
actor SleepRecorder {
    private(set) var durations: [Duration] = []
    func record(_ duration: Duration) { durations.append(duration) }
}

extension TransportResponse {
    static func status(_ status: Int, headers: [(name: String, value: String)] = []) -> TransportResponse {
        TransportResponse(status: status, headers: headers, body: Data())
    }

    static func json(_ text: String, status: Int = 200) -> TransportResponse {
        TransportResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(text.utf8))
    }
}

func makeClient(_ transport: any HTTPTransport, _ sleeps: SleepRecorder, policy: RetryPolicy = RetryPolicy()) throws -> OctopusClient {
    var policy = policy
    policy.sleep = { await sleeps.record($0) }
    let connection = try OctopusConnection(server: "http://octopus.invalid", apiKey: APIKey("API-SECRETKEY123456"), retryPolicy: policy)
    return OctopusClient(connection: connection, spaceID: "Spaces-1", transport: transport)
}
