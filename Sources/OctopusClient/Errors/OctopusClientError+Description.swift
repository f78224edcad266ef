/// The one place client errors become text. Messages say what failed, quote the server's own
/// words, and offer the fix.
extension OctopusClientError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidServerURL(let text):
            return "Invalid server URL '\(Self.quoted(text))'. Use an absolute http or https URL such as 'https://octopus.example.com' (a trailing '/api' is optional)."
        case .unusableServerURL(let text, let reason):
            return "The server URL '\(Self.quoted(text))' cannot be used: \(reason)."
        case .invalidAPIKey(let reason):
            return "The API key is not an Octopus API key: \(reason). Octopus keys look like API-ABCDEF0123456789 (create one under your profile, API keys); pass it with --api-key or OCTOPUS_API_KEY."
        case .http(let failure):
            return Self.describe(failure)
        case .transport(let method, let path, let reason, let attempts):
            let tries = attempts > 1 ? " after \(attempts) attempts" : ""
            return "\(method.rawValue) \(path) failed\(tries): \(reason). Check that the server is reachable."
        case .decoding(let method, let path, let type, let detail):
            return "\(method.rawValue) \(path) returned a response that is not a valid \(type): \(detail)."
        case .redirected(let method, let path, let status, let location):
            let target = location.map { " to '\($0)'" } ?? ""
            return "\(method.rawValue) \(path) was redirected (\(status))\(target). Use the final server URL; the client does not follow redirects so the API key is never sent elsewhere."
        case .spaceNotFound(let selector, let available):
            let names = available.isEmpty ? "" : " Available spaces: \(available.map { "'\($0)'" }.joined(separator: ", "))."
            switch selector {
            case .default: return "The server has no default space; name the space to use.\(names)"
            default: return "Space \(selector) was not found.\(names)"
            }
        case .missingLink(let link, let resource):
            return "The server's \(resource) has no '\(link)' link; this server version is not supported."
        }
    }

    /// User input as quoted in a message: at most 120 characters, control characters shown as '?'.
    static func quoted(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        return visible.count > 120 ? String(visible.prefix(120)) + "… (\(visible.count) characters)" : visible
    }

    private static func describe(_ failure: HTTPFailure) -> String {
        var text = "\(failure.method.rawValue) \(failure.path) failed with \(failure.status) \(reasonPhrase(failure.status))"
        if failure.attempts > 1 { text += " after \(failure.attempts) attempts" }
        if let message = failure.errorMessage, !message.isEmpty { text += ": \(message)" }
        var sentences = failure.errors.filter { $0 != failure.errorMessage }
        switch failure.status {
        case 401: sentences.append("Check the API key.")
        case 403: sentences.append("The API key's user lacks the permission; ask an administrator to grant it.")
        default: break
        }
        for sentence in sentences {
            text += (text.hasSuffix(".") ? " " : ". ") + sentence
        }
        return text
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP error"
        }
    }
}
