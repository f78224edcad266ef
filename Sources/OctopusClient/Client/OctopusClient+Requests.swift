import Foundation
import Logging
import OctopusModel

/// The request pipeline: headers, retries, status mapping, JSON.
extension OctopusClient {
    /// Sends a request and decodes the JSON response.
    ///
    /// - Parameters:
    ///   - method: the method.
    ///   - path: the API path.
    ///   - body: a value to send as JSON, or nil.
    ///   - idempotent: whether the request may be repeated after a transient failure; defaults to
    ///     the method's idempotency (`POST` is not).
    ///   - type: the response type.
    /// - Returns: the decoded response.
    /// - Throws: `OctopusClientError`, or `CancellationError`.
    public func send<Response: Decodable>(
        _ method: HTTPMethod, _ path: APIPath, body: (some Encodable & Sendable)? = Optional<Empty>.none,
        idempotent: Bool? = nil, as type: Response.Type = Response.self
    ) async throws -> Response {
        let data = try body.map { try OctopusJSON.encode($0) }
        let response = try await perform(method, path, body: data, idempotent: idempotent ?? method.isIdempotent)
        return try decode(Response.self, from: response.body, method: method, path: path)
    }

    /// Sends a request whose response body is not needed.
    public func sendIgnoringResponse(
        _ method: HTTPMethod, _ path: APIPath, body: (some Encodable & Sendable)? = Optional<Empty>.none, idempotent: Bool? = nil
    ) async throws {
        let data = try body.map { try OctopusJSON.encode($0) }
        _ = try await perform(method, path, body: data, idempotent: idempotent ?? method.isIdempotent)
    }

    /// `GET` and decode.
    public func get<Response: Decodable>(_ path: APIPath, as type: Response.Type = Response.self) async throws -> Response {
        try await send(.get, path, as: type)
    }

    /// Sends raw bytes and returns the successful (2xx) response, retrying transient failures
    /// when `idempotent`.
    public func perform(
        _ method: HTTPMethod, _ path: APIPath, body: Data?, contentType: String = "application/json; charset=utf-8", idempotent: Bool
    ) async throws -> TransportResponse {
        let policy = connection.retryPolicy
        guard let url = URL(string: connection.serverRoot.absoluteString + path.pathAndQuery) else {
            throw OctopusClientError.invalidServerURL(connection.serverRoot.absoluteString + path.description)
        }
        var headers: [(name: String, value: String)] = [
            ("X-Octopus-ApiKey", connection.apiKey.revealed),
            ("User-Agent", connection.userAgent),
            ("Accept", "application/json"),
        ]
        if body != nil { headers.append(("Content-Type", contentType)) }
        let request = TransportRequest(method: method, url: url, headers: headers, body: body, timeout: connection.requestTimeout)

        var attempt = 1
        var waited = Duration.zero
        while true {
            let outcome: Result<TransportResponse, any Error>
            do {
                outcome = .success(try await transport.send(request))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                outcome = .failure(error)
            }
            let retryAfter: Duration?
            let failure: OctopusClientError
            switch outcome {
            case .success(let response):
                if (200..<300).contains(response.status) { return response }
                failure = Self.failure(of: response, method: method, path: path, attempts: attempt, scrubbing: connection.apiKey)
                guard idempotent, policy.retryableStatuses.contains(response.status) else { throw failure }
                retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"))
            case .failure(let error):
                failure = .transport(method: method, path: path.description, reason: connection.apiKey.scrubbing(String(describing: error)), attempts: attempt)
                guard idempotent else { throw failure }
                retryAfter = nil
            }
            let delay = policy.delay(beforeRetry: attempt, retryAfter: retryAfter)
            guard attempt < policy.maximumAttempts, waited + delay <= policy.maximumTotalDelay else { throw failure }
            logger.debug("retrying after transient failure", metadata: [
                "request": "\(method.rawValue) \(path.description)", "attempt": "\(attempt)", "failure": "\(failure)",
                "delay": "\(delay)",
            ])
            try await policy.sleep(delay)
            waited += delay
            attempt += 1
        }
    }

    /// Maps a non-2xx response to an error carrying Octopus's `ErrorMessage` and `Errors`.
    /// A server or proxy that echoes the request's key into its error body never gets it printed: `key` is scrubbed
    /// from the message and the errors.
    static func failure(of response: TransportResponse, method: HTTPMethod, path: APIPath, attempts: Int, scrubbing key: APIKey? = nil) -> OctopusClientError {
        if (300..<400).contains(response.status) {
            return .redirected(method: method, path: path.description, status: response.status, location: response.header("Location"))
        }
        let body = try? OctopusJSON.decode(OctopusErrorBody.self, from: response.body)
        return .http(.init(
            status: response.status, method: method, path: path.description,
            errorMessage: body.flatMap { $0.errorMessage.isEmpty ? nil : (key?.scrubbing($0.errorMessage) ?? $0.errorMessage) },
            errors: (body?.errors ?? []).map { key?.scrubbing($0) ?? $0 }, attempts: attempts,
            retryAfter: RetryPolicy.parseRetryAfter(response.header("Retry-After"))
        ))
    }

    func decode<Response: Decodable>(_ type: Response.Type, from data: Data, method: HTTPMethod, path: APIPath) throws -> Response {
        if Response.self == Empty.self, let empty = Empty() as? Response { return empty }
        do {
            return try OctopusJSON.makeDecoder().decode(Response.self, from: data)
        } catch let error as DecodingError {
            throw OctopusClientError.decoding(method: method, path: path.description, type: String(describing: Response.self), detail: Self.explain(error))
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)'\(at(context))"
        case .typeMismatch(let type, let context): return "expected \(type)\(at(context))"
        case .valueNotFound(let type, let context): return "null where \(type) was expected\(at(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription)\(at(context))"
        @unknown default: return "\(error)"
        }
    }
}

/// The absence of a request or response body.
public struct Empty: Codable, Sendable, Equatable {
    /// Creates the empty value.
    public init() {}
}
