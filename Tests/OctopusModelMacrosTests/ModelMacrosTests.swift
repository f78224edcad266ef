import OctopusModelMacros
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

// The expansions of `@MemberwiseInit` and `@PascalCaseCodingKeys`, checked as source: the rules of the
// compiler's synthesized memberwise initialiser at the struct's access level, the keys in property
// order, and the diagnostics where a macro cannot apply. (The model's own tests decode, encode and
// construct its types through the expanded members.)
struct ModelMacrosTests {
    private let macros = [
        "MemberwiseInit": MacroSpec(type: MemberwiseInitMacro.self),
        "PascalCaseCodingKeys": MacroSpec(type: PascalCaseCodingKeysMacro.self),
    ]

    private func expect(
        _ source: String, expands expected: String, diagnostics: [DiagnosticSpec] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        assertMacroExpansion(
            source, expandedSource: expected, diagnostics: diagnostics, macroSpecs: macros,
            failureHandler: { failure in
                Issue.record(Comment(rawValue: failure.message), sourceLocation: sourceLocation)
            }
        )
    }

    @Test func aPublicStructGetsAPublicInitialiserWithTheCompilersDefaults() {
        expect(
            """
            @MemberwiseInit
            public struct Channel {
                public var id: String
                public var slug: String?
                public var isDefault: Bool = false
                public let kind: String = "Channel"
                public let spaceId: String
                public static var count = 0
                public var title: String { id }
            }
            """,
            expands: """
                public struct Channel {
                    public var id: String
                    public var slug: String?
                    public var isDefault: Bool = false
                    public let kind: String = "Channel"
                    public let spaceId: String
                    public static var count = 0
                    public var title: String { id }

                    public init(
                        id: String,
                        slug: String? = nil,
                        isDefault: Bool = false,
                        spaceId: String
                    ) {
                        self.id = id
                        self.slug = slug
                        self.isDefault = isDefault
                        self.spaceId = spaceId
                    }
                }
                """
        )
    }

    @Test func wrappedPropertiesTakeTheirDeclaredTypeAndTheModelsWrappersTheirWireDefault() {
        expect(
            """
            @MemberwiseInit
            public struct Task {
                @Defaulted public var name: String = "Deploy"
                @Defaulted public var links: [String: String]
                @DefaultedTo<DefaultsToTrue> public var canRerun: Bool
                @Clamped public var priority: Int
                public var state: Int = 0 { didSet { print(state) } }
                public var progress: Optional<Int>
            }
            """,
            expands: """
                public struct Task {
                    @Defaulted public var name: String = "Deploy"
                    @Defaulted public var links: [String: String]
                    @DefaultedTo<DefaultsToTrue> public var canRerun: Bool
                    @Clamped public var priority: Int
                    public var state: Int = 0 { didSet { print(state) } }
                    public var progress: Optional<Int>

                    public init(
                        name: String = "Deploy",
                        links: [String: String] = [String: String].decodingDefault,
                        canRerun: Bool = DefaultsToTrue.value,
                        priority: Int,
                        state: Int = 0,
                        progress: Optional<Int> = nil
                    ) {
                        self.name = name
                        self.links = links
                        self.canRerun = canRerun
                        self.priority = priority
                        self.state = state
                        self.progress = progress
                    }
                }
                """
        )
    }

    @Test func theInitialiserTakesThePackageOrInternalLevelOfItsStruct() {
        expect(
            """
            @MemberwiseInit
            package struct Row {
                var id: Int
            }
            @MemberwiseInit
            struct Empty {
            }
            """,
            expands: """
                package struct Row {
                    var id: Int

                    package init(
                        id: Int
                    ) {
                        self.id = id
                    }
                }
                struct Empty {

                    init() {
                    }
                }
                """
        )
    }

    /// Both macros read a struct's stored properties; on anything else each says so.
    @Test(arguments: ["MemberwiseInit", "PascalCaseCodingKeys"])
    func anythingButAStructIsRefused(macro: String) {
        expect(
            """
            @\(macro)
            public enum State {
                case queued
            }
            """,
            expands: """
                public enum State {
                    case queued
                }
                """,
            diagnostics: [DiagnosticSpec(message: "@\(macro) applies to a struct", line: 1, column: 1)]
        )
    }

    @Test func aStoredPropertyWithoutASpelledOutTypeIsRefused() {
        expect(
            """
            @MemberwiseInit
            public struct Phase {
                public var name = "Production"
            }
            """,
            expands: """
                public struct Phase {
                    public var name = "Production"
                }
                """,
            diagnostics: [
                DiagnosticSpec(message: "@MemberwiseInit needs the type of 'name' spelled out", line: 3, column: 5)
            ]
        )
    }

    @Test func theCodingKeysAreTheStoredPropertiesInDeclarationOrder() {
        expect(
            """
            @PascalCaseCodingKeys
            public struct Channel {
                @Defaulted public var id: String
                public var `default`: Bool
                public let kind = "Channel"
                public static var count = 0
                public var title: String { id }
            }
            @PascalCaseCodingKeys
            public struct Empty {
            }
            """,
            expands: """
                public struct Channel {
                    @Defaulted public var id: String
                    public var `default`: Bool
                    public let kind = "Channel"
                    public static var count = 0
                    public var title: String { id }

                    enum CodingKeys: String, PascalCaseCodingKey {
                        case id, `default`, kind
                    }
                }
                public struct Empty {
                }
                """
        )
    }
}
