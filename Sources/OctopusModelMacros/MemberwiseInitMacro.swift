import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxBuilder
import SwiftSyntaxMacros

/// `@MemberwiseInit`: adds to a struct the initialiser Swift would synthesize for it, at the struct's own
/// access level (the synthesized one is never more than internal, so a public wire type needs one
/// spelled out). The rules are the compiler's: one parameter per stored instance property, in
/// declaration order, labelled and typed like the property; a `var`'s initial value is the parameter's
/// default, an optional `var` without one defaults to `nil`; a `let` with an initial value is not a
/// parameter; computed and static properties are skipped. A wrapped property takes its declared type
/// and is assigned through its wrapper's `init(wrappedValue:)`; the model's `@Defaulted` and
/// `@DefaultedTo<D>` properties default to the value a missing key decodes as, so that default is
/// written once, on the wrapper or the type, for decoding and construction alike.
public struct MemberwiseInitMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let properties = StoredProperty.all(of: declaration, for: node, in: context) else { return [] }
        var parameters: [String] = []
        var assignments: [String] = []
        for property in properties where !(property.isLet && property.initialValue != nil) {
            guard let type = property.type else {
                context.diagnose(Diagnostic(node: property.declaration, message: MacroExpansionErrorMessage(
                    "@MemberwiseInit needs the type of '\(property.name)' spelled out")))
                return []
            }
            let defaultValue = property.initialValue ?? wireDefault(of: property.declaration, type: type)
                ?? (!property.isLet && isOptional(type) ? "nil" : nil)
            parameters.append("\(property.name): \(type.trimmedDescription)" + (defaultValue.map { " = \($0)" } ?? ""))
            assignments.append("self.\(property.name) = \(property.name)")
        }
        let access = accessModifier(of: declaration)
        if parameters.isEmpty { return ["\(raw: access)init() {}"] }
        return [
            """
            \(raw: access)init(
            \(raw: parameters.joined(separator: ",\n"))
            ) {
            \(raw: assignments.joined(separator: "\n"))
            }
            """
        ]
    }

    /// The default of a `@Defaulted` property (`Type.decodingDefault`) or a `@DefaultedTo<D>` one
    /// (`D.value`): what the property decodes as when its key is missing, so a value made in code has
    /// the fields of an unset Octopus field. Nil for any other property.
    static func wireDefault(of variable: VariableDeclSyntax, type: TypeSyntax) -> String? {
        for case .attribute(let attribute) in variable.attributes {
            guard let name = attribute.attributeName.as(IdentifierTypeSyntax.self) else { continue }
            switch name.name.text {
            case "Defaulted":
                return "\(type.trimmedDescription).decodingDefault"
            case "DefaultedTo":
                guard let wireDefault = name.genericArgumentClause?.arguments.first?.argument else { continue }
                return "\(wireDefault.trimmedDescription).value"
            default:
                continue
            }
        }
        return nil
    }

    /// `public ` or `package ` where the type is declared so; empty (internal) otherwise.
    static func accessModifier(of declaration: some DeclGroupSyntax) -> String {
        let levels: [Keyword] = [.public, .package]
        for modifier in declaration.modifiers {
            if case .keyword(let keyword) = modifier.name.tokenKind, levels.contains(keyword) {
                return "\(modifier.name.text) "
            }
        }
        return ""
    }

    /// `T?`, `T!` or `Optional<T>`.
    static func isOptional(_ type: TypeSyntax) -> Bool {
        if type.is(OptionalTypeSyntax.self) || type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) { return true }
        return type.as(IdentifierTypeSyntax.self)?.name.text == "Optional"
    }
}
