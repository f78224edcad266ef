import SwiftSyntax
import SwiftSyntaxBuilder
import SwiftSyntaxMacros

/// `@PascalCaseCodingKeys`: adds to a struct `enum CodingKeys: String, PascalCaseCodingKey` with one
/// case per stored instance property, in declaration order (which is the order synthesized encoding
/// writes the keys in); none for a struct without stored properties. The property list is the one source of the keys; a struct whose keys are not
/// exactly its stored properties keeps a hand-written `CodingKeys`.
public struct PascalCaseCodingKeysMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard let properties = StoredProperty.all(of: declaration, for: node, in: context) else { return [] }
        guard !properties.isEmpty else { return [] }
        let cases = properties.map(\.name).joined(separator: ", ")
        return [
            """
            enum CodingKeys: String, PascalCaseCodingKey {
            case \(raw: cases)
            }
            """
        ]
    }
}
