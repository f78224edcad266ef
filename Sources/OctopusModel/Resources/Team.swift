import Foundation

/// A team (`TeamResource`). System teams have a null `SpaceId`; built-in team ids are lower case
/// (`teams-administrators`).
@MemberwiseInit @PascalCaseCodingKeys public struct Team: Codable, Sendable, Equatable {
    public var id: TeamID
    public var spaceId: SpaceID?
    public var name: String
    public var slug: String?
    public var description: String?
    public var memberUserIds: [UserID] = []
    public var externalSecurityGroups: [NamedReferenceItem] = []
    public var canBeDeleted: Bool = true
    public var canBeRenamed: Bool = true
    public var canChangeRoles: Bool = true
    public var canChangeMembers: Bool = true
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// An external security group reference (`NamedReferenceItem`).
@MemberwiseInit @PascalCaseCodingKeys public struct NamedReferenceItem: Codable, Sendable, Equatable {
    public var id: String
    public var displayName: String?
    public var displayIdAndName: Bool = false
}

/// One team a user belongs to (`GET /api/teammembership?userId=` and `GET /api/users/{id}/teams`).
@MemberwiseInit @PascalCaseCodingKeys public struct TeamMembership: Codable, Sendable, Equatable {
    public var userId: UserID
    public var teamId: TeamID
    public var teamName: String
    public var spaceId: SpaceID?
    public var isDirectlyAssigned: Bool = true
    public var externalSecurityGroups: [NamedReferenceItem] = []
}

/// A team as `GET /api/users/{id}/teams` lists it (`Id`, `Name`, `SpaceId`, ...).
@MemberwiseInit @PascalCaseCodingKeys public struct UserTeam: Codable, Sendable, Equatable {
    public var id: TeamID
    public var name: String
    public var spaceId: SpaceID?
    public var isDirectlyAssigned: Bool = true
    public var externalSecurityGroups: [NamedReferenceItem] = []
}
