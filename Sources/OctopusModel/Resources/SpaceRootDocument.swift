import Foundation

/// `GET /api/{spaceId}`: the space root document (`SpaceRootResource`) whose `Links` carry the
/// space-scoped collection templates.
@MemberwiseInit @PascalCaseCodingKeys public struct SpaceRootDocument: Codable, Sendable, Equatable {
    public var id: SpaceID
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}
