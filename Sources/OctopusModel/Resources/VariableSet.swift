import Foundation

/// A variable set (`VariableSetResource`): a project's variables, or the frozen snapshot a release
/// carries (`GET /releases/{id}/snapshot-variables`).
public struct VariableSet: Codable, Sendable, Equatable {
    public var id: String
    public var spaceId: SpaceID
    /// The project (or library variable set) owning the variables.
    public var ownerId: String
    public var version: Int
    public var variables: [Variable]
    public var scopeValues: VariableScopeValues
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: String, spaceId: SpaceID, ownerId: String, version: Int = 1, variables: [Variable] = [],
        scopeValues: VariableScopeValues = VariableScopeValues(), lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.ownerId = ownerId
        self.version = version
        self.variables = variables
        self.scopeValues = scopeValues
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, ownerId, version, variables, scopeValues, lastModifiedOn, lastModifiedBy, links
    }
}

/// One variable (`VariableResource`). A non-nil `Prompt` makes it a prompted variable, which a
/// deployment preview offers as a `Form` element.
public struct Variable: Codable, Sendable, Equatable {
    /// A GUID string.
    public var id: String
    public var name: String
    /// Null for sensitive variables.
    public var value: String?
    public var description: String?
    /// Scope name (`Environment`, `Role`, `Channel`, ...) to ids or role names.
    public var scope: [String: [String]]
    public var isEditable: Bool
    public var isSensitive: Bool
    /// `String`, `Sensitive`, `Certificate`, ...
    public var type: String
    public var prompt: VariablePrompt?

    public init(
        id: String, name: String, value: String?, description: String? = nil, scope: [String: [String]] = [:],
        isEditable: Bool = true, isSensitive: Bool = false, type: String = "String", prompt: VariablePrompt? = nil
    ) {
        self.id = id
        self.name = name
        self.value = value
        self.description = description
        self.scope = scope
        self.isEditable = isEditable
        self.isSensitive = isSensitive
        self.type = type
        self.prompt = prompt
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, value, description, scope, isEditable, isSensitive, type, prompt
    }
}

/// Prompt settings of a prompted variable (`VariablePromptOptions`).
public struct VariablePrompt: Codable, Sendable, Equatable {
    public var label: String?
    public var description: String?
    public var required: Bool
    /// e.g. `{"Octopus.ControlType": "SingleLineText"}`.
    public var displaySettings: [String: String]

    public init(label: String? = nil, description: String? = nil, required: Bool = false,
                displaySettings: [String: String] = [:]) {
        self.label = label
        self.description = description
        self.required = required
        self.displaySettings = displaySettings
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case label, description, required, displaySettings
    }
}

/// Names for the ids a variable set's scopes use (`VariableScopeValues`).
public struct VariableScopeValues: Codable, Sendable, Equatable {
    public var environments: [ReferenceDataItem]
    public var machines: [ReferenceDataItem]
    public var actions: [ReferenceDataItem]
    public var roles: [ReferenceDataItem]
    public var channels: [ReferenceDataItem]
    public var tenantTags: [ReferenceDataItem]

    public init(
        environments: [ReferenceDataItem] = [], machines: [ReferenceDataItem] = [], actions: [ReferenceDataItem] = [],
        roles: [ReferenceDataItem] = [], channels: [ReferenceDataItem] = [], tenantTags: [ReferenceDataItem] = []
    ) {
        self.environments = environments
        self.machines = machines
        self.actions = actions
        self.roles = roles
        self.channels = channels
        self.tenantTags = tenantTags
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case environments, machines, actions, roles, channels, tenantTags
    }
}

/// An id and its display name (`ReferenceDataItem`).
public struct ReferenceDataItem: Codable, Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name
    }
}
