import Foundation

/// One prompted-variable value for the child deployments (§2 #11, §5.19).
public struct PromptedVariable: Sendable, Codable, Hashable {
    /// Variable name as the project's prompt names it (`Control.Name`), matched case-insensitively.
    public var name: String
    /// The value.
    public var value: String

    /// Creates a value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Reads the template's parameter: one `Name::Value` per line (LF or CRLF), lines trimmed, blank lines ignored.
    ///
    /// Departure B14: the value is everything after the first `::` (the template dropped text after a second
    /// `::`). Like the template, spaces directly after `::` are kept.
    /// - Throws: `OrchestrationError.malformedPromptedVariable` for a non-blank line without `::`.
    public static func parseLines(_ text: String) throws -> [PromptedVariable] {
        try text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { return nil }
            // A name is required: "::value" or "::" is a typo, not a variable with no name.
            guard let separator = line.range(of: "::"), !line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw OrchestrationError.malformedPromptedVariable(line: line)
            }
            return PromptedVariable(
                name: line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces),
                value: String(line[separator.upperBound...]))
        }
    }
}

/// One prompted element of a deployment preview's form.
public struct PromptedElement: Sendable, Hashable {
    /// The form element's unique name: the key in `FormValues`.
    public var key: String
    /// The variable name shown to the user (`Control.Name`).
    public var variableName: String
    /// Whether the deployment needs a value.
    public var isRequired: Bool
    /// The value the form starts with (the variable's own value), if any.
    public var defaultValue: String?

    /// Creates an element.
    public init(key: String, variableName: String, isRequired: Bool, defaultValue: String? = nil) {
        self.key = key
        self.variableName = variableName
        self.isRequired = isRequired
        self.defaultValue = defaultValue
    }
}

extension PromptedVariable {
    /// Builds `FormValues` for a child (§5.19): for each element the first value whose name matches
    /// (case-insensitively); values for variables the child does not prompt for are ignored.
    ///
    /// Departure from §5.19: a required element whose form already carries a default value is satisfied by it, as
    /// it is when a person deploys in Octopus (the template failed).
    /// - Throws: `OrchestrationError.missingPromptedVariable` for a required element with neither a value nor a
    ///   default.
    public static func formValues(
        for elements: [PromptedElement], from values: [PromptedVariable], project: String
    ) throws -> [String: String] {
        var form: [String: String] = [:]
        for element in elements {
            let wanted = element.variableName.trimmingCharacters(in: .whitespaces)
            if let match = values.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) {
                form[element.key] = match.value
            } else if element.isRequired, (element.defaultValue ?? "").isEmpty {
                throw OrchestrationError.missingPromptedVariable(project: project, variable: element.variableName)
            }
        }
        return form
    }
}
