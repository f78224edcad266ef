import Foundation
import OctopusModel

/// Build information of one package version (`OctopusPackageVersionBuildInformationMappedResource`):
/// what a build server pushed for the package, which releases copy into `BuildInformation`.
struct PackageBuildInformation: Codable, Sendable, Equatable {
    /// `BuildInformation-N`.
    var id: String
    var spaceId: SpaceID
    var information: ReleasePackageVersionBuildInformation
    var created: Date
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    init(id: String, spaceId: SpaceID, information: ReleasePackageVersionBuildInformation, created: Date) {
        self.id = id
        self.spaceId = spaceId
        self.information = information
        self.created = created
        lastModifiedOn = created
        lastModifiedBy = "release-conductor"
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, created, lastModifiedOn, lastModifiedBy, links
    }

    // The package's fields sit beside the resource's own, as Octopus writes them.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        spaceId = try container.decode(SpaceID.self, forKey: .spaceId)
        created = try container.decode(Date.self, forKey: .created)
        lastModifiedOn = try container.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try container.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try container.decodeIfPresent(Links.self, forKey: .links) ?? [:]
        information = try ReleasePackageVersionBuildInformation(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try information.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(spaceId, forKey: .spaceId)
        try container.encode(created, forKey: .created)
        try container.encode(lastModifiedOn, forKey: .lastModifiedOn)
        try container.encode(lastModifiedBy, forKey: .lastModifiedBy)
        try container.encode(links, forKey: .links)
    }
}
