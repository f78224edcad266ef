import OctopusModel

/// Manual interventions and guided-failure interruptions.
extension OctopusClient {
    /// `GET /api/{space}/interruptions?regarding=…&pendingOnly=` — interruptions of a task or
    /// deployment (any related document id), newest first.
    public func interruptions(regarding documentID: String? = nil, pendingOnly: Bool = false) -> Paged<Interruption> {
        Paged(client: self, path: spacePath("interruptions").adding([
            ("regarding", documentID), ("pendingOnly", pendingOnly ? "true" : nil),
        ]))
    }

    /// `GET /api/{space}/interruptions/{id}` — one interruption (its `CanTakeResponsibility` and
    /// `HasResponsibility` are computed for the API key's user). 1 request.
    public func interruption(_ id: InterruptionID) async throws -> Interruption {
        try await get(spacePath("interruptions", id.rawValue))
    }

    /// `GET /api/{space}/interruptions/{id}/responsible` — the user who has taken
    /// responsibility (after submission: the submitter). 1 request.
    public func responsibleUser(interruption id: InterruptionID) async throws -> User {
        try await get(spacePath("interruptions", id.rawValue, "responsible"))
    }

    /// `PUT /api/{space}/interruptions/{id}/responsible` — take responsibility as the API key's
    /// user; required before `submitInterruption`. 403 when the user may not. 1 request.
    @discardableResult
    public func takeResponsibility(interruption id: InterruptionID) async throws -> User {
        try await send(.put, spacePath("interruptions", id.rawValue, "responsible"), body: Empty())
    }

    /// `POST /api/{space}/interruptions/{id}/submit` — answer the form, e.g.
    /// `["Result": "Proceed", "Notes": "approved by …"]`. Not retried (a second submit is
    /// rejected by the server). 1 request.
    @discardableResult
    public func submitInterruption(_ id: InterruptionID, values: [String: String?]) async throws -> Interruption {
        try await send(.post, spacePath("interruptions", id.rawValue, "submit"), body: values)
    }
}
