import Foundation

/// A team (`TeamResource`). System teams have a null `SpaceId`; built-in team ids are lower case
/// (`teams-administrators`).
public struct Team: Codable, Sendable, Equatable {
    public var id: TeamID
    public var spaceId: SpaceID?
    public var name: String
    public var slug: String?
    public var description: String?
    public var memberUserIds: [UserID]
    public var externalSecurityGroups: [NamedReferenceItem]
    public var canBeDeleted: Bool
    public var canBeRenamed: Bool
    public var canChangeRoles: Bool
    public var canChangeMembers: Bool
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: TeamID, spaceId: SpaceID? = nil, name: String, slug: String? = nil, description: String? = nil,
        memberUserIds: [UserID] = [], externalSecurityGroups: [NamedReferenceItem] = [], canBeDeleted: Bool = true,
        canBeRenamed: Bool = true, canChangeRoles: Bool = true, canChangeMembers: Bool = true,
        lastModifiedOn: Date? = nil, lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.name = name
        self.slug = slug
        self.description = description
        self.memberUserIds = memberUserIds
        self.externalSecurityGroups = externalSecurityGroups
        self.canBeDeleted = canBeDeleted
        self.canBeRenamed = canBeRenamed
        self.canChangeRoles = canChangeRoles
        self.canChangeMembers = canChangeMembers
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, slug, description, memberUserIds, externalSecurityGroups, canBeDeleted, canBeRenamed
        case canChangeRoles, canChangeMembers, lastModifiedOn, lastModifiedBy, links
    }
}

/// An external security group reference (`NamedReferenceItem`).
public struct NamedReferenceItem: Codable, Sendable, Equatable {
    public var id: String
    public var displayName: String?
    public var displayIdAndName: Bool

    public init(id: String, displayName: String? = nil, displayIdAndName: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.displayIdAndName = displayIdAndName
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, displayName, displayIdAndName
    }
}

/// One team a user belongs to (`GET /api/teammembership?userId=` and `GET /api/users/{id}/teams`).
public struct TeamMembership: Codable, Sendable, Equatable {
    public var userId: UserID
    public var teamId: TeamID
    public var teamName: String
    public var spaceId: SpaceID?
    public var isDirectlyAssigned: Bool
    public var externalSecurityGroups: [NamedReferenceItem]

    public init(
        userId: UserID, teamId: TeamID, teamName: String, spaceId: SpaceID? = nil, isDirectlyAssigned: Bool = true,
        externalSecurityGroups: [NamedReferenceItem] = []
    ) {
        self.userId = userId
        self.teamId = teamId
        self.teamName = teamName
        self.spaceId = spaceId
        self.isDirectlyAssigned = isDirectlyAssigned
        self.externalSecurityGroups = externalSecurityGroups
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case userId, teamId, teamName, spaceId, isDirectlyAssigned, externalSecurityGroups
    }
}

/// A team as `GET /api/users/{id}/teams` lists it (`Id`, `Name`, `SpaceId`, ...).
public struct UserTeam: Codable, Sendable, Equatable {
    public var id: TeamID
    public var name: String
    public var spaceId: SpaceID?
    public var isDirectlyAssigned: Bool
    public var externalSecurityGroups: [NamedReferenceItem]

    public init(
        id: TeamID, name: String, spaceId: SpaceID? = nil, isDirectlyAssigned: Bool = true,
        externalSecurityGroups: [NamedReferenceItem] = []
    ) {
        self.id = id
        self.name = name
        self.spaceId = spaceId
        self.isDirectlyAssigned = isDirectlyAssigned
        self.externalSecurityGroups = externalSecurityGroups
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, spaceId, isDirectlyAssigned, externalSecurityGroups
    }
}
