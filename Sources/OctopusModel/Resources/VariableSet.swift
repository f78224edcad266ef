import Foundation

/// A variable set (`VariableSetResource`): a project's variables, or the frozen snapshot a release
/// carries (`GET /releases/{id}/snapshot-variables`).
@MemberwiseInit @PascalCaseCodingKeys public struct VariableSet: Codable, Sendable, Equatable {
    public var id: String
    public var spaceId: SpaceID
    /// The project (or library variable set) owning the variables.
    public var ownerId: String
    public var version: Int = 1
    public var variables: [Variable] = []
    public var scopeValues: VariableScopeValues = VariableScopeValues()
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// One variable (`VariableResource`). A non-nil `Prompt` makes it a prompted variable, which a
/// deployment preview offers as a `Form` element.
@MemberwiseInit @PascalCaseCodingKeys public struct Variable: Codable, Sendable, Equatable {
    /// A GUID string.
    public var id: String
    public var name: String
    /// Null for sensitive variables.
    public var value: String?
    public var description: String?
    /// Scope name (`Environment`, `Role`, `Channel`, ...) to ids or role names.
    public var scope: [String: [String]] = [:]
    public var isEditable: Bool = true
    public var isSensitive: Bool = false
    /// `String`, `Sensitive`, `Certificate`, ...
    public var type: String = "String"
    public var prompt: VariablePrompt?
}

/// Prompt settings of a prompted variable (`VariablePromptOptions`).
@MemberwiseInit @PascalCaseCodingKeys public struct VariablePrompt: Codable, Sendable, Equatable {
    public var label: String?
    public var description: String?
    public var required: Bool = false
    /// e.g. `{"Octopus.ControlType": "SingleLineText"}`.
    public var displaySettings: [String: String] = [:]
}

/// Names for the ids a variable set's scopes use (`VariableScopeValues`).
@MemberwiseInit @PascalCaseCodingKeys public struct VariableScopeValues: Codable, Sendable, Equatable {
    public var environments: [ReferenceDataItem] = []
    public var machines: [ReferenceDataItem] = []
    public var actions: [ReferenceDataItem] = []
    public var roles: [ReferenceDataItem] = []
    public var channels: [ReferenceDataItem] = []
    public var tenantTags: [ReferenceDataItem] = []
}

/// An id and its display name (`ReferenceDataItem`).
@MemberwiseInit @PascalCaseCodingKeys public struct ReferenceDataItem: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
}
