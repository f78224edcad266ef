import Foundation
import OctopusModel

/// A step template installed in a space (`ActionTemplateResource`). The sample's parent process
/// uses `ActionTemplates-1`, the "Deploy Child Octopus Deploy Project" template.
struct ActionTemplate: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    var description: String
    var actionType: String
    var version: Int
    var communityActionTemplateId: String?
    var packages: [PackageReference]
    var parameters: [ActionTemplateParameter]
    var properties: PropertyBag
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, actionType, version, communityActionTemplateId, packages, parameters
        case properties, lastModifiedOn, lastModifiedBy, links
    }
}

/// A step that uses a step template (`ActionTemplateUsageResource`).
struct ActionTemplateUsage: Codable, Sendable, Equatable {
    var id: String
    var actionTemplateId: String
    var version: String?
    var deploymentProcessId: DeploymentProcessID
    var processId: DeploymentProcessID
    /// `Deployment` (runbooks would say `Runbook`).
    var processType: String
    var projectId: ProjectID
    var projectName: String
    var projectSlug: String
    var stepId: String
    var stepName: String
    var actionId: String
    var actionName: String

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, actionTemplateId, version, deploymentProcessId, processId, processType, projectId, projectName
        case projectSlug, stepId, stepName, actionId, actionName
    }
}
