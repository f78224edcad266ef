import Foundation

/// An audit event (`EventResource`), e.g. `DeploymentQueued` or a submitted interruption.
public struct Event: Codable, Sendable, Equatable {
    public var id: EventID
    public var spaceId: SpaceID?
    public var category: String
    public var message: String
    public var messageHtml: String?
    public var messageReferences: [EventReference]
    public var relatedDocumentIds: [String]
    public var userId: UserID?
    public var username: String?
    public var isService: Bool
    public var identityEstablishedWith: String?
    public var userAgent: String?
    public var occurred: Date?
    public var comments: String?
    public var details: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case spaceId = "SpaceId"
        case category = "Category"
        case message = "Message"
        case messageHtml = "MessageHtml"
        case messageReferences = "MessageReferences"
        case relatedDocumentIds = "RelatedDocumentIds"
        case userId = "UserId"
        case username = "Username"
        case isService = "IsService"
        case identityEstablishedWith = "IdentityEstablishedWith"
        case userAgent = "UserAgent"
        case occurred = "Occurred"
        case comments = "Comments"
        case details = "Details"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(EventID.self, forKey: .id) ?? ""
        spaceId = try c.decodeIfPresent(SpaceID.self, forKey: .spaceId)
        category = try c.decodeIfPresent(String.self, forKey: .category) ?? ""
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        messageHtml = try c.decodeIfPresent(String.self, forKey: .messageHtml)
        messageReferences = try c.decodeIfPresent([EventReference].self, forKey: .messageReferences) ?? []
        relatedDocumentIds = try c.decodeIfPresent([String].self, forKey: .relatedDocumentIds) ?? []
        userId = try c.decodeIfPresent(UserID.self, forKey: .userId)
        username = try c.decodeIfPresent(String.self, forKey: .username)
        isService = try c.decodeIfPresent(Bool.self, forKey: .isService) ?? false
        identityEstablishedWith = try c.decodeIfPresent(String.self, forKey: .identityEstablishedWith)
        userAgent = try c.decodeIfPresent(String.self, forKey: .userAgent)
        occurred = try c.decodeIfPresent(Date.self, forKey: .occurred)
        comments = try c.decodeIfPresent(String.self, forKey: .comments)
        details = try c.decodeIfPresent(String.self, forKey: .details)
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}

/// Where a document id is mentioned in an event message.
public struct EventReference: Codable, Sendable, Equatable {
    public var referencedDocumentId: String
    public var startIndex: Int
    public var length: Int

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

    enum CodingKeys: String, CodingKey {
        case referencedDocumentId = "ReferencedDocumentId"
        case startIndex = "StartIndex"
        case length = "Length"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        referencedDocumentId = try c.decodeIfPresent(String.self, forKey: .referencedDocumentId) ?? ""
        startIndex = try c.decodeIfPresent(Int.self, forKey: .startIndex) ?? 0
        length = try c.decodeIfPresent(Int.self, forKey: .length) ?? 0
    }
}

/// An event category of `GET /events/categories`.
public struct EventCategory: Codable, Sendable, Equatable {
    public var id: String
    public var name: String

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String = "",
        name: String = ""
    ) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
    }
}
