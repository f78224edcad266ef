/// Every way a call to the Octopus API can fail. Carries data only; `description`
/// (OctopusClientError+Description.swift) renders it.
///
/// No case ever carries the API key: paths are recorded without their query's `apikey`
/// parameter, and transport reasons come from the connection layer, which never sees the key in
/// a URL (the key travels in a header).
public enum OctopusClientError: Error, Sendable, Hashable {
    /// The server URL the user gave is not an absolute http(s) URL.
    case invalidServerURL(String)
    /// The server URL parses but cannot be used (port out of range, credentials in it); the text shows no password.
    case unusableServerURL(String, reason: String)
    /// The API key does not have Octopus's format (`API-` and upper-case letters and digits); `reason` quotes none of it.
    case invalidAPIKey(String)
    /// The server answered with a non-success status.
    case http(HTTPFailure)
    /// No response arrived (refused, reset, timed out), after `attempts` attempts.
    case transport(method: HTTPMethod, path: String, reason: String, attempts: Int)
    /// The response body is not the JSON the endpoint documents.
    case decoding(method: HTTPMethod, path: String, type: String, detail: String)
    /// The server redirected; the client never follows redirects (the key would travel along).
    case redirected(method: HTTPMethod, path: String, status: Int, location: String?)
    /// No space has the requested name (or id), or the server has no default space.
    case spaceNotFound(SpaceSelector, available: [String])
    /// A link the client needs is missing from a server response.
    case missingLink(String, in: String)

    /// The failure details of a non-success HTTP status.
    public struct HTTPFailure: Sendable, Hashable {
        /// The status code.
        public var status: Int
        /// The request method.
        public var method: HTTPMethod
        /// The request path and query, without any `apikey` parameter.
        public var path: String
        /// Octopus's `ErrorMessage`, when the body carried one.
        public var errorMessage: String?
        /// Octopus's `Errors` (validation details).
        public var errors: [String]
        /// The attempts made (more than one when the status was retried).
        public var attempts: Int
        /// The server's `Retry-After`, when it sent one (429, 503).
        public var retryAfter: Duration?

        /// Creates the failure details.
        public init(
            status: Int, method: HTTPMethod, path: String, errorMessage: String?, errors: [String], attempts: Int = 1,
            retryAfter: Duration? = nil
        ) {
            self.status = status
            self.method = method
            self.path = path
            self.errorMessage = errorMessage
            self.errors = errors
            self.attempts = attempts
            self.retryAfter = retryAfter
        }
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        if case .http(let failure) = self { return failure.status }
        return nil
    }

    /// The API key is missing or invalid (401): exit code 5.
    public var isAuthentication: Bool { status == 401 }
    /// The key's user lacks a permission (403): exit code 5.
    public var isPermission: Bool { status == 403 }
    /// The input (server URL or API key) is unusable, found before any request: exit code 2.
    public var isUsage: Bool {
        switch self {
        case .invalidServerURL, .unusableServerURL, .invalidAPIKey: true
        default: false
        }
    }
    /// The resource does not exist (404).
    public var isNotFound: Bool { status == 404 }
}
