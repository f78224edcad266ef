import Foundation
import OctopusModel

/// Paging: every list is followed to the end of what the caller needs, never silently capped
/// (the step template's fixed `take=100` lost releases — Library PR #1277).
///
/// Pages are followed through `Links["Page.Next"]`; when a server omits that link but the page
/// was full and more results are announced (`TotalResults`), the client continues with `skip`.
extension OctopusClient {
    /// The default page size: large enough that typical lists take one request, small enough
    /// that "first match" searches stop early.
    public static let defaultPageSize = 100

    /// Visits the pages of a collection in order until `visit` returns false or the last page.
    ///
    /// - Parameters:
    ///   - path: the collection path with its filters; `skip`/`take` are set by the client.
    ///   - pageSize: items per request.
    ///   - type: the item type.
    ///   - visit: called with each page; return false to stop.
    /// - Throws: `OctopusClientError`, `CancellationError`, or what `visit` throws.
    public func forEachPage<Item: Codable & Sendable & Equatable>(
        _ path: APIPath, pageSize: Int = OctopusClient.defaultPageSize, of type: Item.Type = Item.self,
        _ visit: (ResourceCollection<Item>) async throws -> Bool
    ) async throws {
        var next: APIPath? = path.setting("skip", "0").setting("take", String(max(1, pageSize)))
        var seen = 0
        while let current = next {
            let page = try await get(current, as: ResourceCollection<Item>.self)
            seen += page.items.count
            guard try await visit(page), !page.items.isEmpty else { return }
            if let link = page.nextPageLink, let following = APIPath(link: link) {
                next = following
            } else if seen < page.totalResults {
                next = current.setting("skip", String(seen))
            } else {
                next = nil
            }
        }
    }

    /// All items of a collection, across every page.
    public func all<Item: Codable & Sendable & Equatable>(_ path: APIPath, pageSize: Int = OctopusClient.defaultPageSize, of type: Item.Type = Item.self) async throws -> [Item] {
        var items: [Item] = []
        try await forEachPage(path, pageSize: pageSize, of: Item.self) { page in
            items.append(contentsOf: page.items)
            return true
        }
        return items
    }

    /// The first item (in server order) matching `predicate`; stops requesting pages as soon as
    /// it is found.
    public func first<Item: Codable & Sendable & Equatable>(
        _ path: APIPath, pageSize: Int = OctopusClient.defaultPageSize, of type: Item.Type = Item.self,
        where predicate: (Item) async throws -> Bool
    ) async throws -> Item? {
        var found: Item?
        try await forEachPage(path, pageSize: pageSize, of: Item.self) { page in
            for item in page.items where try await predicate(item) {
                found = item
                return false
            }
            return true
        }
        return found
    }

    /// Items in server order until `count` are collected (or the list ends).
    public func prefix<Item: Codable & Sendable & Equatable>(
        _ count: Int, of path: APIPath, pageSize: Int? = nil, where predicate: (Item) -> Bool = { _ in true }
    ) async throws -> [Item] {
        guard count > 0 else { return [] }
        var items: [Item] = []
        let size = pageSize ?? min(count, OctopusClient.defaultPageSize)
        try await forEachPage(path, pageSize: size, of: Item.self) { page in
            for item in page.items where predicate(item) {
                items.append(item)
                if items.count == count { return false }
            }
            return true
        }
        return items
    }

    /// The item whose name is exactly `name` (case-insensitive, surrounding spaces ignored), or
    /// nil: the collection filtered server-side with `partialName=`, paged until the exact match.
    public func named<Item: Codable & Sendable & Equatable>(
        _ name: String, in path: APIPath, of type: Item.Type = Item.self, name itemName: (Item) -> String
    ) async throws -> Item? {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        return try await first(path.setting("partialName", wanted), of: Item.self) {
            itemName($0).caseInsensitiveCompare(wanted) == .orderedSame
        }
    }

    /// A bare-array endpoint (`/all`), one request.
    public func array<Item: Decodable>(_ path: APIPath, of type: Item.Type = Item.self) async throws -> [Item] {
        try await get(path, as: [Item].self)
    }
}
