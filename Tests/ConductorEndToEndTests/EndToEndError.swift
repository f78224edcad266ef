import Foundation

/// Why an end-to-end test could not get as far as its assertions.
enum EndToEndError: Error, CustomStringConvertible {
    case binaryNotFound(tried: [String])
    case sandboxDidNotStart(output: String)
    case badResponse(path: String)
    case timedOut(String)
    /// The server answered, but not as the test arranged (the detail says what).
    case unexpected(String)

    var description: String {
        switch self {
        case .binaryNotFound(let tried):
            "No built `conductor` binary (tried \(tried.joined(separator: ", "))). Run `swift build` first or set CONDUCTOR_BIN."
        case .sandboxDidNotStart(let output):
            "`conductor sandbox serve` printed no URL and API key in time. Its output:\n\(output)"
        case .badResponse(let path):
            "GET \(path) returned no HTTP response."
        case .timedOut(let what):
            "Timed out waiting for \(what)."
        case .unexpected(let detail):
            detail
        }
    }
}
