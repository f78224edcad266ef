import Foundation

/// An audit event (`EventResource`), e.g. `DeploymentQueued` or a submitted interruption.
@MemberwiseInit @PascalCaseCodingKeys public struct Event: Codable, Sendable, Equatable {
    @Defaulted public var id: EventID
    public var spaceId: SpaceID?
    @Defaulted public var category: String
    @Defaulted public var message: String
    public var messageHtml: String?
    @Defaulted public var messageReferences: [EventReference]
    @Defaulted public var relatedDocumentIds: [String]
    public var userId: UserID?
    public var username: String?
    @Defaulted public var isService: Bool
    public var identityEstablishedWith: String?
    public var userAgent: String?
    public var occurred: Date?
    public var comments: String?
    public var details: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// Where a document id is mentioned in an event message.
@MemberwiseInit @PascalCaseCodingKeys public struct EventReference: Codable, Sendable, Equatable {
    @Defaulted public var referencedDocumentId: String
    @Defaulted public var startIndex: Int
    @Defaulted public var length: Int
}

/// An event category of `GET /events/categories`.
@MemberwiseInit @PascalCaseCodingKeys public struct EventCategory: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: String
}
