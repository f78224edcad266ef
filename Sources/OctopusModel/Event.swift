import Foundation

/// An audit event (`EventResource`), e.g. `DeploymentQueued` or a submitted interruption.
public struct Event: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: EventID = "",
        spaceId: SpaceID? = nil,
        category: String = "",
        message: String = "",
        messageHtml: String? = nil,
        messageReferences: [EventReference] = [],
        relatedDocumentIds: [String] = [],
        userId: UserID? = nil,
        username: String? = nil,
        isService: Bool = false,
        identityEstablishedWith: String? = nil,
        userAgent: String? = nil,
        occurred: Date? = nil,
        comments: String? = nil,
        details: String? = nil,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.category = category
        self.message = message
        self.messageHtml = messageHtml
        self.messageReferences = messageReferences
        self.relatedDocumentIds = relatedDocumentIds
        self.userId = userId
        self.username = username
        self.isService = isService
        self.identityEstablishedWith = identityEstablishedWith
        self.userAgent = userAgent
        self.occurred = occurred
        self.comments = comments
        self.details = details
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, category, message, messageHtml, messageReferences, relatedDocumentIds, userId, username
        case isService, identityEstablishedWith, userAgent, occurred, comments, details, lastModifiedOn
        case lastModifiedBy, links
    }
}

/// Where a document id is mentioned in an event message.
public struct EventReference: Codable, Sendable, Equatable {
    @Defaulted public var referencedDocumentId: String
    @Defaulted public var startIndex: Int
    @Defaulted public var length: Int

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        referencedDocumentId: String = "",
        startIndex: Int = 0,
        length: Int = 0
    ) {
        self.referencedDocumentId = referencedDocumentId
        self.startIndex = startIndex
        self.length = length
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case referencedDocumentId, startIndex, length
    }
}

/// An event category of `GET /events/categories`.
public struct EventCategory: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: String

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String = "",
        name: String = ""
    ) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name
    }
}
