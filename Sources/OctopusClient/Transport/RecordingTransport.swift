import Foundation

/// A transport for tests: records every request and answers from a script.
///
/// The responder sees each request and its zero-based index and returns a response or throws
/// (a `TransportFailure` simulates a dropped connection). Wrap a real transport in the responder
/// to record traffic to a live server.
public actor RecordingTransport: HTTPTransport {
    /// Produces the answer to the request at the given index.
    public typealias Responder = @Sendable (TransportRequest, Int) async throws -> TransportResponse

    private let responder: Responder
    /// Every request sent so far, in order.
    public private(set) var requests: [TransportRequest] = []

    /// Creates a transport answering with `responder`.
    public init(responder: @escaping Responder) {
        self.responder = responder
    }

    /// Creates a transport that answers the requests in turn with the given outcomes and repeats
    /// the last one when the script runs out.
    public init(script: [Result<TransportResponse, TransportFailure>]) {
        self.responder = { _, index in
            guard let last = script.last else { throw TransportFailure(reason: "empty script") }
            return try (index < script.count ? script[index] : last).get()
        }
    }

    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let index = requests.count
        requests.append(request)
        return try await responder(request, index)
    }
}
