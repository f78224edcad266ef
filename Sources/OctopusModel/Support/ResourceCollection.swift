/// Octopus's paging envelope (`ResourceCollection<T>`): one page of a filtered list plus totals and
/// `Page.*` links. `Links["Page.Next"]` is present exactly when another page exists.
@MemberwiseInit @PascalCaseCodingKeys public struct ResourceCollection<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// Singular resource name without "Resource": "Project", "Release", "Task", ...
    public var itemType: String
    /// Number of items matching the filters, across all pages.
    public var totalResults: Int
    /// The effective page size (`take`, default 30).
    public var itemsPerPage: Int
    /// `ceil(TotalResults / ItemsPerPage)`.
    public var numberOfPages: Int
    /// Zero-based index of the last page (`NumberOfPages - 1`, 0 when empty).
    public var lastPageNumber: Int
    /// This page.
    public var items: [Item]
    /// `Self`, `Template`, `Page.All`, `Page.Current`, `Page.Last`, and `Page.Next`/`Page.Previous`
    /// when applicable.
    public var links: Links = [:]

    /// The `Page.Next` link, if another page exists.
    public var nextPageLink: String? { links["Page.Next"] }
}
