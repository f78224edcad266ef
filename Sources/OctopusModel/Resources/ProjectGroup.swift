import Foundation

/// A project group (`ProjectGroupResource`), e.g. "Sample Application".
public struct ProjectGroup: Codable, Sendable, Equatable {
    public var id: ProjectGroupID
    public var spaceId: SpaceID
    public var name: String
    public var description: String?
    public var environmentIds: [EnvironmentID]
    public var retentionPolicyId: String?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: ProjectGroupID, spaceId: SpaceID, name: String, description: String? = nil,
        environmentIds: [EnvironmentID] = [], retentionPolicyId: String? = nil, lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.description = description
        self.environmentIds = environmentIds
        self.retentionPolicyId = retentionPolicyId
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, environmentIds, retentionPolicyId, lastModifiedOn, lastModifiedBy, links
    }
}
