import Foundation
import GRDB
import OctopusModel

extension Database {
    /// `PUT /environments/{id}`: replaces the environment's editable fields (name, description, guided failure,
    /// dynamic infrastructure, extension settings); its id, space and sort order stay. The name must be unique in
    /// the space.
    func updateEnvironment(
        _ id: String, with body: DeploymentEnvironment, in space: SpaceID, by user: String, now: Date
    ) throws -> DeploymentEnvironment {
        guard var environment = try document(DeploymentEnvironment.self, id: id), environment.spaceId == space else {
            throw SandboxError.resourceNotFound(kind: "Environment", id: id)
        }
        let name = body.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw SandboxError.validation(["Please provide a Name for the environment."]) }
        let clash = try documents(DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", space.databaseValue), .textOneOf("name", [name])]))
            .contains { $0.id != environment.id }
        if clash {
            throw SandboxError.validation(["An environment named '\(name)' already exists in \(space); environment names must be unique, so choose another name."])
        }
        environment.name = name
        environment.description = body.description
        environment.useGuidedFailure = body.useGuidedFailure
        environment.allowDynamicInfrastructure = body.allowDynamicInfrastructure
        environment.extensionSettings = body.extensionSettings
        environment.lastModifiedOn = now
        environment.lastModifiedBy = user
        try save(environment)
        return environment
    }
}
