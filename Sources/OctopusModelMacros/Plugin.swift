import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that serves OctopusModel's macros.
@main
struct OctopusModelMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [MemberwiseInitMacro.self, PascalCaseCodingKeysMacro.self]
}
