import Foundation
import OctopusModel

/// A library variable set (`LibraryVariableSetResource`): variables (or a script module) shared by
/// the projects that include it; its variables live in the `VariableSet` named by `VariableSetId`.
struct LibraryVariableSet: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    var description: String?
    var variableSetId: String
    /// `Variables` or `ScriptModule`.
    var contentType: String
    var templates: [ActionTemplateParameter]
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, variableSetId, contentType, templates, lastModifiedOn, lastModifiedBy
        case links
    }
}
