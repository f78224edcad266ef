import Foundation

/// A server-relative API path with its query, percent-encoded, e.g.
/// `/api/Spaces-1/deployments?projects=Projects-1,Projects-2&take=30`.
public struct APIPath: Sendable, Hashable, CustomStringConvertible {
    /// The path, starting with `/api`.
    public private(set) var path: String
    /// The query items in order (names and values unencoded).
    public private(set) var query: [QueryItem]

    /// One `name=value` pair of a query string.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter name.
        public var name: String
        /// The parameter value.
        public var value: String
        /// Creates a query item.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Builds `/api/<segment>/<segment>...`; each segment is percent-encoded (a release version
    /// such as `1.0.0+meta` or a name with spaces is safe).
    public init(_ segments: [String], query: [QueryItem] = []) {
        self.path = "/api" + segments.map { "/" + Self.encode($0) }.joined()
        self.query = query
    }

    /// Reads a link from a server response (`Links["Page.Next"]`), dropping any URI-template
    /// part (`{?skip,take}`, `{/id}`).
    public init?(link: String) {
        var text = link
        if let brace = text.firstIndex(of: "{") { text = String(text[..<brace]) }
        guard let components = URLComponents(string: text), !components.path.isEmpty else { return nil }
        var path = components.percentEncodedPath
        // Servers hosted under a virtual directory write links as `/octopus/api/...`; keep from `/api`.
        if let range = path.range(of: "/api/") ?? (path.hasSuffix("/api") ? path.range(of: "/api") : nil) {
            path = String(path[range.lowerBound...])
        }
        self.path = path
        self.query = (components.queryItems ?? []).map { QueryItem($0.name, $0.value ?? "") }
    }

    /// A copy with `name` set to `value` (in place of an existing parameter of that name).
    public func setting(_ name: String, _ value: String) -> APIPath {
        var copy = self
        var replaced = false
        copy.query = query.compactMap { item in
            guard item.name.caseInsensitiveCompare(name) == .orderedSame else { return item }
            defer { replaced = true }
            return replaced ? nil : QueryItem(item.name, value)
        }
        if !replaced { copy.query.append(QueryItem(name, value)) }
        return copy
    }

    /// A copy with the query items appended whose values are not nil.
    public func adding(_ items: [(String, String?)]) -> APIPath {
        var copy = self
        for (name, value) in items {
            if let value { copy.query.append(QueryItem(name, value)) }
        }
        return copy
    }

    /// The value of a query parameter.
    public func value(of name: String) -> String? {
        query.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Path and encoded query, as sent.
    public var pathAndQuery: String {
        query.isEmpty ? path : path + "?" + query.map { Self.encode($0.name) + "=" + Self.encode($0.value, keeping: ",") }.joined(separator: "&")
    }

    /// Path and query with any `apikey` parameter removed: safe for errors and logs.
    public var description: String {
        var safe = self
        safe.query.removeAll { $0.name.lowercased() == "apikey" }
        return safe.pathAndQuery
    }

    private static func encode(_ text: String, keeping extra: String = "") -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        allowed.insert(charactersIn: extra)
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
