import Foundation
import OctopusModel

/// The dashboard filter of a space (`DashboardConfigurationResource`); empty lists mean
/// "everything", which is what a space has until someone filters its dashboard.
struct DashboardConfiguration: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var includedProjectIds: [String] = []
    var includedProjectGroupIds: [String] = []
    var includedEnvironmentIds: [String] = []
    var includedTenantIds: [String] = []
    var includedTenantTags: [String] = []
    var projectLimit: Int?
    var links: Links

    /// The unfiltered configuration of `space`.
    init(space: SpaceID) {
        id = "dashboardconfiguration-\(space.rawValue)"
        spaceId = space
        links = ["Self": "/api/\(space.rawValue)/dashboardconfiguration"]
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, includedProjectIds, includedProjectGroupIds, includedEnvironmentIds, includedTenantIds
        case includedTenantTags, projectLimit, links
    }
}
