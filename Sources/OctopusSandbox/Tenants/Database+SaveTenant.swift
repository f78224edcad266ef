import Foundation
import GRDB
import OctopusModel

/// The body of `POST /tenants` and `PUT /tenants/{id}` (`TenantResource`; `Id`, `SpaceId` and `Links` are ignored).
struct TenantRequest: Decodable, Sendable {
    var name: String?
    var description: String?
    var tenantTags: [String]?
    var projectEnvironments: [String: [String]]?

    enum CodingKeys: String, PascalCaseCodingKey {
        case name, description, tenantTags, projectEnvironments
    }
}

extension Database {
    /// Creates a tenant (`POST /tenants[?clone=]`): a clone starts with its source's tags and connections, which the
    /// body may replace.
    /// - Throws: ``SandboxError/validation(_:)`` with every problem; a 404 for an unknown clone source.
    func createTenant(_ request: TenantRequest, in space: SpaceID, cloning source: String?, by user: String, now: Date) throws -> Tenant {
        let original = try source.map { try self.tenant($0, in: space) }
        var created = Tenant(
            id: "", spaceId: space, name: "", tenantTags: original?.tenantTags ?? [], clonedFromTenantId: original?.id)
        created.projectEnvironments = original?.projectEnvironments ?? [:]
        try apply(request, to: &created, requireName: true)
        created.id = try nextID(OctopusIDKinds.Tenant.self)
        created.lastModifiedOn = now
        created.lastModifiedBy = user
        try insert(created)
        return created
    }

    /// Replaces a tenant's name, description, tags and connections (`PUT /tenants/{id}`); absent fields keep their
    /// values.
    func updateTenant(_ id: String, with request: TenantRequest, in space: SpaceID, by user: String, now: Date) throws -> Tenant {
        var updated = try self.tenant(id, in: space)
        try apply(request, to: &updated, requireName: false)
        updated.lastModifiedOn = now
        updated.lastModifiedBy = user
        try save(updated)
        return updated
    }

    /// Validates the request against the space (unique name, canonical tags, known projects and environments) and
    /// copies it onto `tenant`.
    private func apply(_ request: TenantRequest, to tenant: inout Tenant, requireName: Bool) throws {
        let space = tenant.spaceId
        var problems: [String] = []
        let name = request.name?.trimmingCharacters(in: .whitespaces)
        if let name, !name.isEmpty {
            let clash = try documents(Tenant.self, DocumentQuery([.equals("spaceId", space.databaseValue), .textOneOf("name", [name])]))
                .contains { $0.id != tenant.id }
            if clash { problems.append("A tenant named '\(name)' already exists in \(space); tenant names must be unique, so choose another name.") }
            tenant.name = name
        } else if requireName || name != nil {
            problems.append("Please provide a Name for the tenant.")
        }
        if let description = request.description { tenant.description = description }
        if let tags = request.tenantTags {
            for tag in tags where !tag.contains("/") {
                problems.append("The tenant tag '\(tag)' is not a canonical tag name; write it as 'Tag Set/Tag'.")
            }
            tenant.tenantTags = tags
        }
        if let connections = request.projectEnvironments {
            var checked: [String: [EnvironmentID]] = [:]
            for (projectID, environmentIDs) in connections.sorted(by: { $0.key < $1.key }) {
                guard let project = try document(Project.self, id: projectID), project.spaceId == space else {
                    problems.append("The project '\(projectID)' was not found in \(space). List /api/\(space)/projects to see which exist.")
                    continue
                }
                for environmentID in environmentIDs where try document(DeploymentEnvironment.self, id: environmentID)?.spaceId != space {
                    problems.append("The environment '\(environmentID)' was not found in \(space). List /api/\(space)/environments to see which exist.")
                }
                checked[project.id.rawValue] = environmentIDs.map(EnvironmentID.init(rawValue:))
            }
            tenant.projectEnvironments = checked
        }
        guard problems.isEmpty else { throw SandboxError.validation(problems) }
    }
}
