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

        enum CodingKeys: String, PascalCaseCodingKey {
            case id, name, canonicalTagName, color, description, sortOrder
        }
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, sortOrder, tags, lastModifiedOn, lastModifiedBy, links
    }
}
