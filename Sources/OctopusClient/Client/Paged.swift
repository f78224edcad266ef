import OctopusModel

/// A filtered, paged collection on the server, not yet fetched. List endpoints return one so the
/// caller decides how much to read: everything, the first match (stopping as soon as it is
/// found — this is what keeps request counts low), the first few, or page by page.
///
/// ```swift
/// let newest = try await client.channelReleases(channel.id, searchByVersion: "2021.1.")
///     .first { pattern.matches($0.version) }
/// ```
public struct Paged<Item: Codable & Sendable & Equatable>: Sendable {
    /// The client that reads the pages.
    public let client: OctopusClient
    /// The collection path with its filters.
    public let path: APIPath
    /// Items per request.
    public var pageSize: Int

    /// Creates a paged view of `path`.
    public init(client: OctopusClient, path: APIPath, pageSize: Int = OctopusClient.defaultPageSize) {
        self.client = client
        self.path = path
        self.pageSize = pageSize
    }

    /// The same collection read `size` items per request.
    public func pageSize(_ size: Int) -> Paged {
        var copy = self
        copy.pageSize = max(1, size)
        return copy
    }

    /// The same collection with each item read as `type`: a few of its fields (e.g. ``DeploymentSummary``) where the
    /// whole resource is not needed.
    public func reading<Other>(_ type: Other.Type) -> Paged<Other> {
        Paged<Other>(client: client, path: path, pageSize: pageSize)
    }

    /// Every item, across all pages (⌈total / pageSize⌉ requests, at least 1).
    public func all() async throws -> [Item] {
        try await client.all(path, pageSize: pageSize, of: Item.self)
    }

    /// The first item in server order matching `predicate`, or nil; reads pages only until found.
    public func first(where predicate: (Item) async throws -> Bool) async throws -> Item? {
        try await client.first(path, pageSize: pageSize, of: Item.self, where: predicate)
    }

    /// The first item in server order (one request of one item).
    public func first() async throws -> Item? {
        let items: [Item] = try await client.prefix(1, of: path, pageSize: 1)
        return items.first
    }

    /// The first page (one request) and whether it holds the whole collection.
    public func firstPage() async throws -> (items: [Item], isWhole: Bool) {
        var first: ResourceCollection<Item>?
        try await forEachPage { page in
            first = page
            return false
        }
        guard let first else { return ([], true) }
        return (first.items, first.nextPageLink == nil && first.items.count >= first.totalResults)
    }

    /// The first `count` items in server order matching `predicate`.
    public func prefix(_ count: Int, where predicate: (Item) -> Bool = { _ in true }) async throws -> [Item] {
        try await client.prefix(count, of: path, pageSize: pageSize, where: predicate)
    }

    /// Visits each page in order until `visit` returns false.
    public func forEachPage(_ visit: (ResourceCollection<Item>) async throws -> Bool) async throws {
        try await client.forEachPage(path, pageSize: pageSize, of: Item.self, visit)
    }
}
