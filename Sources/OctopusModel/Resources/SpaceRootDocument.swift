import Foundation

/// `GET /api/{spaceId}`: the space root document (`SpaceRootResource`) whose `Links` carry the
/// space-scoped collection templates.
public struct SpaceRootDocument: Codable, Sendable, Equatable {
    public var id: SpaceID
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(id: SpaceID, lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]) {
        self.id = id
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, lastModifiedOn, lastModifiedBy, links
    }
}
