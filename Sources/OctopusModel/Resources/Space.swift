import Foundation

/// A space (`SpaceResource`), e.g. `Spaces-1` "Default". `Links.SpaceHome` is mandatory for the
/// .NET client's default-space discovery.
public struct Space: Codable, Sendable, Equatable {
    public var id: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    public var isDefault: Bool
    public var taskQueueStopped: Bool
    public var spaceManagersTeams: [TeamID]
    public var spaceManagersTeamMembers: [UserID]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: SpaceID, name: String, slug: String? = nil, description: String? = nil, isDefault: Bool = false,
        taskQueueStopped: Bool = false, spaceManagersTeams: [TeamID] = [], spaceManagersTeamMembers: [UserID] = [],
        lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.description = description
        self.isDefault = isDefault
        self.taskQueueStopped = taskQueueStopped
        self.spaceManagersTeams = spaceManagersTeams
        self.spaceManagersTeamMembers = spaceManagersTeamMembers
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, slug, description, isDefault, taskQueueStopped, spaceManagersTeams, spaceManagersTeamMembers
        case lastModifiedOn, lastModifiedBy, links
    }
}
