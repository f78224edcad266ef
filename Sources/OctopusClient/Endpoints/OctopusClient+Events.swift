import OctopusModel

/// The audit log.
extension OctopusClient {
    /// `GET /api/events?regardingAny=…&eventCategories=…&spaces={space}&includeSystem=true` —
    /// audit events about any of the documents, newest first (e.g. who submitted an
    /// interruption of an approval task).
    public func events(regardingAny documentIDs: [String], categories: [String] = []) -> Paged<Event> {
        Paged(client: self, path: systemPath("events", query: [
            .init("regardingAny", documentIDs.joined(separator: ",")),
            .init("spaces", spaceID.rawValue), .init("includeSystem", "true"),
        ]).adding([("eventCategories", categories.isEmpty ? nil : categories.joined(separator: ","))]))
    }
}
