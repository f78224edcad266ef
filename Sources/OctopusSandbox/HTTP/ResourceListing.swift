import Foundation
import Hummingbird
import OctopusModel

/// The list conventions every collection shares (octopus-api.md §1.5-1.6): `ids`, `partialName`
/// and `name` filters with comma lists, paging with `Page.*` links, `/all` as a bare array that
/// ignores `skip`, and links filled in on every item
/// (stored documents keep none; `SandboxLinks.linking(_:)` adds them when served).
package enum ResourceListing {
    /// A query scoped to `space` (when given) with the `ids`, `partialName` and (when `byName`)
    /// `name` filters of the request applied.
    package static func standardQuery(
        _ query: QueryParameters, space: SpaceID?, order: DocumentQuery.Order, byName: Bool = true
    ) -> DocumentQuery {
        var result = DocumentQuery(order: order)
        if let space { result.add(.equals("spaceId", space.databaseValue)) }
        result.add("id", oneOf: query.list("ids"))
        if let partial = query.list("partialName") { result.add(.containsText("name", partial)) }
        if byName, let names = query.list("name") { result.add(.textOneOf("name", names)) }
        return result
    }

    /// One page of a stored collection, as a `ResourceCollection` response.
    package static func page<T: StoredDocument & Equatable>(
        _ type: T.Type, itemType: String, request: Request, store: SandboxStore, query: DocumentQuery,
        template: String, linking: @escaping @Sendable (T) -> T = { $0 }
    ) async throws -> Response {
        let parameters = QueryParameters(request)
        let page = try PageRequest(parameters)
        let (items, total) = try await store.page(type, query, skip: page.skip, take: page.take)
        return try JSONResponse.ok(
            CollectionPage.make(
                itemType: itemType, items: items.map(linking), total: total, page: page,
                path: request.uri.path, query: parameters, template: template))
    }

    /// One page of items already filtered in memory (for filters over array fields).
    package static func page<T: Codable & Sendable & Equatable>(
        of items: [T], itemType: String, request: Request, template: String
    ) throws -> Response {
        let parameters = QueryParameters(request)
        let page = try PageRequest(parameters)
        let slice = items.dropFirst(min(page.skip, items.count)).prefix(page.take)
        return try JSONResponse.ok(
            CollectionPage.make(
                itemType: itemType, items: Array(slice), total: items.count, page: page, path: request.uri.path,
                query: parameters, template: template))
    }

    /// Every matching document as a bare JSON array (`/all` endpoints; `skip` and `take` ignored).
    package static func all<T: StoredDocument>(
        _ type: T.Type, store: SandboxStore, query: DocumentQuery, linking: @escaping @Sendable (T) -> T = { $0 }
    ) async throws -> Response {
        try JSONResponse.ok(try await store.all(type, query).map(linking))
    }

    /// The document with `id`, or a 404 naming the kind and id.
    package static func one<T: StoredDocument>(
        _ type: T.Type, kind: String, id: String, space: SpaceID?, store: SandboxStore
    ) async throws -> T {
        guard let document = try await store.document(type, id: id),
            space == nil || document.storageSpaceID == space?.rawValue
        else { throw SandboxError.resourceNotFound(kind: kind, id: id) }
        return document
    }

    /// A collection's `Template` link: the resource template without its `{/id}` part.
    package static func collectionTemplate(_ resourceTemplate: String) -> String {
        resourceTemplate.replacingOccurrences(of: "{/id}", with: "")
    }

}

