import Foundation
import Hummingbird
import OctopusModel

/// `skip`/`take` of a list request (default 0 and 30; `take=2147483647` means everything).
package struct PageRequest: Sendable, Equatable {
    /// Octopus's default page size.
    package static let defaultTake = 30
    /// int32 max, what `Page.All` links use.
    package static let all = 2_147_483_647

    package var skip: Int
    package var take: Int

    package init(skip: Int = 0, take: Int = PageRequest.defaultTake) {
        self.skip = skip
        self.take = take
    }

    /// Reads `skip` and `take`; negative values are a 400 naming the parameter. Values above
    /// 2147483647 (Octopus's int32 limit) count as 2147483647: "everything" for `take`, past the end
    /// for `skip`.
    package init(_ query: QueryParameters) throws {
        let skip = try query.integer("skip") ?? 0
        let take = try query.integer("take") ?? Self.defaultTake
        guard skip >= 0 else {
            throw SandboxError.badRequest(message: "The 'skip' parameter must be 0 or more, but was \(skip).")
        }
        guard take >= 0 else {
            throw SandboxError.badRequest(message: "The 'take' parameter must be 0 or more, but was \(take).")
        }
        self.init(skip: min(skip, Self.all), take: min(take, Self.all))
    }
}

/// Builds `ResourceCollection` pages with Octopus's `Page.*` links.
package enum CollectionPage {
    /// Wraps one page of items.
    /// - Parameters:
    ///   - itemType: singular resource name ("Project").
    ///   - items: the page's items.
    ///   - total: number of items matching the filters.
    ///   - page: the request's skip/take.
    ///   - path: the request path (links repeat it).
    ///   - query: the request's query (filters are repeated in `Page.*` links; `skip`, `take` and any
    ///     API key are not).
    ///   - template: the collection's URI template for `Template`.
    /// - Returns: the collection resource with its `Page.*` links.
    package static func make<Item>(
        itemType: String, items: [Item], total: Int, page: PageRequest, path: String, query: QueryParameters,
        template: String
    ) -> ResourceCollection<Item> {
        let take = page.take
        let numberOfPages = take == 0 ? 0 : (total + take - 1) / take
        let lastPage = max(0, numberOfPages - 1)
        let filters = query.pairs.filter { pair in
            !["skip", "take", "apikey"].contains(pair.name.lowercased())
        }
        func link(skip: Int, take: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = filters.map { URLQueryItem(name: $0.name, value: $0.value) }
                + [URLQueryItem(name: "skip", value: String(skip)), URLQueryItem(name: "take", value: String(take))]
            return components.string ?? path
        }
        var links: Links = [
            "Self": link(skip: page.skip, take: take),
            "Template": template,
            "Page.All": link(skip: 0, take: PageRequest.all),
            "Page.Current": link(skip: page.skip, take: take),
            "Page.Last": link(skip: lastPage * take, take: take),
        ]
        if take > 0, page.skip + take < total {
            links["Page.Next"] = link(skip: page.skip + take, take: take)
        }
        if page.skip > 0 {
            links["Page.Previous"] = link(skip: max(0, page.skip - max(take, 1)), take: take)
        }
        return ResourceCollection(
            itemType: itemType, totalResults: total, itemsPerPage: take, numberOfPages: numberOfPages,
            lastPageNumber: lastPage, items: items, links: links)
    }
}
