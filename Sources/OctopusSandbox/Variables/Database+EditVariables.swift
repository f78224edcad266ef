import Foundation
import GRDB
import OctopusModel

/// The body of `PUT /variables/{id}`: the set's `Version` as the client read it, and its new
/// variables. Fields a client may leave out (a new variable's `Id`, `Scope`, `Type`) are optional.
struct VariableSetEdit: Decodable, Sendable {
    var version: Int?
    var variables: [VariableEdit]

    struct VariableEdit: Decodable, Sendable {
        var id: String?
        var name: String?
        var value: String?
        var description: String?
        var scope: [String: [String]]?
        var isEditable: Bool?
        var isSensitive: Bool?
        var type: String?
        var prompt: VariablePrompt?

        enum CodingKeys: String, PascalCaseCodingKey {
            case id, name, value, description, scope, isEditable, isSensitive, type, prompt
        }
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case version, variables
    }
}

extension Database {
    /// Scope names Octopus accepts on a variable.
    static let variableScopeNames: Set<String> = [
        "Environment", "Role", "Machine", "Action", "Channel", "TenantTag", "ProcessOwner", "Tenant",
    ]

    /// `PUT /variables/{id}`: replaces a project's or library set's variables and bumps its version.
    /// A release's snapshot is frozen; a stale `Version` means someone saved in between. Releases
    /// made before the edit keep their snapshots, which now differ from the set: their deployment
    /// templates report `IsVariableSetModified` until the snapshot is refreshed.
    func editVariables(_ id: String, with edit: VariableSetEdit, in space: SpaceID, by user: String, now: Date) throws
        -> VariableSet
    {
        guard var set = try document(VariableSet.self, id: id), set.spaceId == space else {
            throw SandboxError.resourceNotFound(kind: "VariableSet", id: id)
        }
        if try isReleaseSnapshot(set) {
            throw SandboxError.validation([
                "The variable set '\(id)' is a release's snapshot, which cannot change; edit the owner's variables and refresh the release's snapshot (POST /releases/{id}/snapshot-variables)."
            ])
        }
        if let version = edit.version, version != set.version {
            throw SandboxError.validation([
                "The variable set '\(id)' was saved by someone else since version \(version) was read (it is at version \(set.version)); GET it again, reapply the change and PUT it with Version \(set.version)."
            ])
        }
        let environments = Set(try documents(DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", space.databaseValue)])).map(\.id.rawValue))
        var problems: [String] = []
        var seenIDs = Set<String>()
        var variables: [Variable] = []
        for (index, entry) in edit.variables.enumerated() {
            let name = entry.name?.trimmingCharacters(in: .whitespaces) ?? ""
            let label = name.isEmpty ? "Variable \(index + 1)" : "The variable '\(name)'"
            if name.isEmpty { problems.append("Variable \(index + 1) has no Name; every variable needs one.") }
            let variableID = entry.id.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased()
            if !seenIDs.insert(variableID).inserted {
                problems.append("\(label) repeats the Id '\(variableID)'; each variable needs its own Id (leave it out for a new one).")
            }
            let scope = entry.scope ?? [:]
            for (scopeName, values) in scope {
                if !Self.variableScopeNames.contains(scopeName) {
                    problems.append("\(label) is scoped by '\(scopeName)', which is not a scope; use one of \(Self.variableScopeNames.sorted().joined(separator: ", ")).")
                } else if scopeName == "Environment" {
                    for environment in values where !environments.contains(environment) {
                        problems.append("\(label) is scoped to the environment '\(environment)', which does not exist in \(space).")
                    }
                }
            }
            let isSensitive = entry.isSensitive ?? (entry.type == "Sensitive")
            // A sensitive value comes back as null; sending null again keeps the stored value.
            let previous = set.variables.first { $0.id == variableID }
            let value = isSensitive && entry.value == nil ? previous?.value : entry.value
            variables.append(
                Variable(
                    id: variableID, name: name, value: value, description: entry.description, scope: scope,
                    isEditable: entry.isEditable ?? true, isSensitive: isSensitive,
                    type: entry.type ?? (isSensitive ? "Sensitive" : "String"), prompt: entry.prompt))
        }
        guard problems.isEmpty else { throw SandboxError.validation(problems) }
        set.variables = variables
        set.version += 1
        set.lastModifiedOn = now
        set.lastModifiedBy = user
        try save(set)
        return set
    }

    /// Whether `set` is a release's frozen copy rather than an owner's live variables.
    func isReleaseSnapshot(_ set: VariableSet) throws -> Bool {
        guard let project = try document(Project.self, id: set.ownerId) else {
            return try document(LibraryVariableSet.self, id: set.ownerId)?.variableSetId != set.id
        }
        return project.variableSetId.rawValue != set.id
    }
}
