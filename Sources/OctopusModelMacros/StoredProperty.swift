import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// A stored instance property of a struct, as the model's macros read it from the declaration.
struct StoredProperty {
    /// The name, as written (backticks included).
    let name: String
    /// The declared type; nil where the declaration leaves it to inference.
    let type: TypeSyntax?
    /// The initial value's source, if any.
    let initialValue: String?
    /// Declared with `let`.
    let isLet: Bool
    /// The declaration, for its attributes and for diagnostics.
    let declaration: VariableDeclSyntax

    /// The stored instance properties of `group` in declaration order (computed and static ones are
    /// not stored); nil, after a diagnostic, where `macro` does not apply: to anything but a struct, or
    /// to a property that does not bind one plain name.
    static func all(
        of group: some DeclGroupSyntax, for macro: AttributeSyntax, in context: some MacroExpansionContext
    ) -> [StoredProperty]? {
        let macroName = macro.attributeName.trimmedDescription
        guard group.is(StructDeclSyntax.self) else {
            context.diagnose(Diagnostic(node: macro, message: MacroExpansionErrorMessage("@\(macroName) applies to a struct")))
            return nil
        }
        var properties: [StoredProperty] = []
        for member in group.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self), !isStatic(variable) else { continue }
            for binding in variable.bindings {
                if let accessors = binding.accessorBlock, !isObserversOnly(accessors) { continue }
                guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                    context.diagnose(Diagnostic(node: binding.pattern, message: MacroExpansionErrorMessage(
                        "@\(macroName) needs one name per stored property")))
                    return nil
                }
                properties.append(StoredProperty(
                    name: name, type: binding.typeAnnotation?.type, initialValue: binding.initializer?.value.trimmedDescription,
                    isLet: variable.bindingSpecifier.tokenKind == .keyword(.let), declaration: variable))
            }
        }
        return properties
    }

    /// `static` or `class`.
    private static func isStatic(_ variable: VariableDeclSyntax) -> Bool {
        variable.modifiers.contains { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }
    }

    /// Whether a property's accessors are only `willSet`/`didSet` observers (it is still stored).
    private static func isObserversOnly(_ accessors: AccessorBlockSyntax) -> Bool {
        guard case .accessors(let list) = accessors.accessors else { return false }
        return list.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
    }
}
