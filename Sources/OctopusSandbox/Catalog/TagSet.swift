import Foundation
import OctopusModel

/// A tenant tag set (`TagSetResource`); tenants carry its tags as `Set/Tag` canonical names.
struct TagSet: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    var description: String
    var sortOrder: Int
    var tags: [Tag]
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    /// One tag of a set (`TagResource`).
    struct Tag: Codable, Sendable, Equatable {
        /// `TagSets-1-1`: the set's id and the tag's position.
        var id: String
        var name: String
        /// `Set/Tag`, the name tenants use.
        var canonicalTagName: String
        var color: String
        var description: String
        var sortOrder: Int

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case name = "Name"
            case canonicalTagName = "CanonicalTagName"
            case color = "Color"
            case description = "Description"
            case sortOrder = "SortOrder"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case spaceId = "SpaceId"
        case name = "Name"
        case description = "Description"
        case sortOrder = "SortOrder"
        case tags = "Tags"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }
}
