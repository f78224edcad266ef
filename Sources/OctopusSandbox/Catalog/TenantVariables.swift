import Foundation
import OctopusModel

/// A tenant's variable values (`TenantVariableResource`): for each connected project, the values
/// of the project's variable templates per environment, and for each included library variable
/// set, its template values. The sample's projects define no templates, so the maps of values
/// are empty while the connected projects are listed.
struct TenantVariables: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var tenantId: TenantID
    var tenantName: String
    var projectVariables: [String: ProjectValues]
    var libraryVariables: [String: LibraryValues]
    var links: Links

    /// One connected project's templates and values by environment id, then template id.
    struct ProjectValues: Codable, Sendable, Equatable {
        var projectId: ProjectID
        var projectName: String
        var templates: [ActionTemplateParameter]
        var variables: [String: [String: String]]
        var links: Links

        enum CodingKeys: String, PascalCaseCodingKey {
            case projectId, projectName, templates, variables, links
        }
    }

    /// One library variable set's templates and values by template id.
    struct LibraryValues: Codable, Sendable, Equatable {
        var libraryVariableSetId: String
        var libraryVariableSetName: String
        var templates: [ActionTemplateParameter]
        var variables: [String: String]
        var links: Links

        enum CodingKeys: String, PascalCaseCodingKey {
            case libraryVariableSetId, libraryVariableSetName, templates, variables, links
        }
    }

    /// The tenant's variables over the projects it is connected to.
    init(tenant: Tenant, projects: [Project]) {
        let space = tenant.spaceId.rawValue
        id = "TenantVariables-\(tenant.id.rawValue)"
        spaceId = tenant.spaceId
        tenantId = tenant.id
        tenantName = tenant.name
        var values: [String: ProjectValues] = [:]
        for project in projects where tenant.projectEnvironments[project.id.rawValue] != nil {
            values[project.id.rawValue] = ProjectValues(
                projectId: project.id, projectName: project.name, templates: project.templates, variables: [:],
                links: ["Project": "/api/\(space)/projects/\(project.id.rawValue)"])
        }
        projectVariables = values
        libraryVariables = [:]
        links = ["Self": "/api/\(space)/tenants/\(tenant.id.rawValue)/variables"]
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, tenantId, tenantName, projectVariables, libraryVariables, links
    }
}
