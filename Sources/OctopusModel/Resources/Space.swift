import Foundation

/// A space (`SpaceResource`), e.g. `Spaces-1` "Default". `Links.SpaceHome` is mandatory for the
/// .NET client's default-space discovery.
@MemberwiseInit @PascalCaseCodingKeys public struct Space: Codable, Sendable, Equatable {
    public var id: SpaceID
    public var name: String
    public var slug: String?
    public var description: String?
    public var isDefault: Bool = false
    public var taskQueueStopped: Bool = false
    public var spaceManagersTeams: [TeamID] = []
    public var spaceManagersTeamMembers: [UserID] = []
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}
