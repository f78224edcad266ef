import Foundation
import OctopusClient
import OctopusModel
import Testing

/// `createDeployment` over a scripted transport: a POST is never repeated blindly, and an
/// ambiguous failure is resolved by finding the deployment the attempt created.
@Suite struct CreateDeploymentRecoveryTests {
    static let request = Deployment(releaseId: "Releases-3", environmentId: "Environments-2", comments: "Promoted by CI")

    /// The marker the client put in the POST body's `Comments`.
    static func marker(in request: TransportRequest) -> String? {
        guard let body = request.body,
              let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let comments = object["Comments"] as? String else { return nil }
        return comments.split(separator: "\n").last.map(String.init)
    }

    static func deploymentJSON(id: Int, environment: String = "Environments-2", comments: String?) -> String {
        let comment = comments.map { "\"" + $0.replacingOccurrences(of: "\n", with: "\\n") + "\"" } ?? "null"
        return """
        {"Id":"Deployments-\(id)","Name":"Deploy","ReleaseId":"Releases-3","EnvironmentId":"\(environment)","ProjectId":"Projects-1",
         "ChannelId":"Channels-1","TaskId":"ServerTasks-\(id)","Comments":\(comment),"Links":{}}
        """
    }

    static func collection(_ items: [String]) -> String {
        """
        {"ItemType":"Deployment","TotalResults":\(items.count),"ItemsPerPage":30,"NumberOfPages":1,"LastPageNumber":0,
         "Items":[\(items.joined(separator: ","))],"Links":{}}
        """
    }

    @Test func anAmbiguousFailureThatCreatedTheDeploymentReturnsIt() async throws {
        let recorder = MarkerAnsweringTransport(createdOnFirstAttempt: true)
        let client = try makeClient(recorder, SleepRecorder())
        let created = try await client.createDeployment(Self.request)
        #expect(created.id == "Deployments-9")
        let methods = await recorder.requests.map(\.method)
        #expect(methods == [.post, .get])
    }

    @Test func anAmbiguousFailureThatCreatedNothingIsSentOnceMore() async throws {
        let recorder = MarkerAnsweringTransport(createdOnFirstAttempt: false)
        let client = try makeClient(recorder, SleepRecorder())
        let created = try await client.createDeployment(Self.request)
        #expect(created.id == "Deployments-10")
        let requests = await recorder.requests
        #expect(requests.map(\.method) == [.post, .get, .post])
        #expect(requests[2].url.path == "/api/Spaces-1/deployments")
        // The retry carries the same marker, so a later search would still recognise it.
        #expect(Self.marker(in: requests[0]) == Self.marker(in: requests[2]))
        #expect(Self.marker(in: requests[0])?.hasPrefix("[conductor request ") == true)
    }

    @Test func theCallersCommentIsKeptBeforeTheMarker() async throws {
        let recorder = MarkerAnsweringTransport(createdOnFirstAttempt: false)
        _ = try await makeClient(recorder, SleepRecorder()).createDeployment(Self.request)
        let body = try #require(await recorder.requests.first?.body)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let comments = try #require(object["Comments"] as? String)
        #expect(comments.hasPrefix("Promoted by CI\n[conductor request "))
        #expect(object["ReleaseId"] as? String == "Releases-3")
        #expect(object["EnvironmentId"] as? String == "Environments-2")
        #expect(object["Id"] == nil, "read-only fields are not sent")
    }

    @Test(arguments: [400, 401, 403, 409])
    func aRejectedCreateIsNotRepeated(status: Int) async throws {
        let transport = RecordingTransport(script: [.success(.json(#"{"ErrorMessage":"There was a problem with your request.","Errors":["Lifecycle forbids it"]}"#, status: status))])
        let error = await #expect(throws: OctopusClientError.self) {
            try await makeClient(transport, SleepRecorder()).createDeployment(Self.request)
        }
        #expect(error?.status == status)
        #expect(await transport.requests.count == 1)
    }

    @Test func tooManyRequestsIsRetriedOnceWithoutSearching() async throws {
        let transport = RecordingTransport(script: [
            .success(.status(429, headers: [("Retry-After", "1")])),
            .success(.json(Self.deploymentJSON(id: 11, comments: nil), status: 201)),
        ])
        let sleeps = SleepRecorder()
        let created = try await makeClient(transport, sleeps).createDeployment(Self.request)
        #expect(created.id == "Deployments-11")
        #expect(await transport.requests.map(\.method) == [.post, .post])
        #expect(await sleeps.durations == [.seconds(1)])
    }

    @Test func twoAmbiguousFailuresWithNothingCreatedAreReported() async throws {
        let transport = RecordingTransport { request, _ in
            if request.method == .post { return .status(502) }
            return .json(Self.collection([]))
        }
        let error = await #expect(throws: OctopusClientError.self) {
            try await makeClient(transport, SleepRecorder()).createDeployment(Self.request)
        }
        #expect(error?.status == 502)
        #expect(await transport.requests.map(\.method) == [.post, .get, .post, .get])
    }
}

/// Answers POST /deployments with a dropped connection the first time, and the release's
/// deployment list with (or without) a deployment carrying the POST's marker.
actor MarkerAnsweringTransport: HTTPTransport {
    let createdOnFirstAttempt: Bool
    private(set) var requests: [TransportRequest] = []
    private var marker: String?

    init(createdOnFirstAttempt: Bool) {
        self.createdOnFirstAttempt = createdOnFirstAttempt
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        requests.append(request)
        switch (request.method, requests.count) {
        case (.post, 1):
            marker = CreateDeploymentRecoveryTests.marker(in: request)
            throw TransportFailure(reason: "connection reset by peer")
        case (.post, _):
            return .json(CreateDeploymentRecoveryTests.deploymentJSON(id: 10, comments: CreateDeploymentRecoveryTests.marker(in: request)), status: 201)
        default:
            #expect(request.url.path == "/api/Spaces-1/releases/Releases-3/deployments")
            var items = [
                CreateDeploymentRecoveryTests.deploymentJSON(id: 8, comments: "[conductor request 00000000]"),
                CreateDeploymentRecoveryTests.deploymentJSON(id: 7, environment: "Environments-1", comments: marker),
            ]
            if createdOnFirstAttempt {
                items.insert(CreateDeploymentRecoveryTests.deploymentJSON(id: 9, comments: "Promoted by CI\n" + (marker ?? "")), at: 0)
            }
            return .json(CreateDeploymentRecoveryTests.collection(items))
        }
    }
}
