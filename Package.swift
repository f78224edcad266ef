// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// Module graph (see docs/DESIGN in ../shared/docs/DESIGN.md): the graph is acyclic, the sandbox never
// imports the client or the engine, and each third-party dependency stays inside the one module that
// needs it (Hummingbird, GRDB and the HTTPTypes/NIOCore/ServiceLifecycle modules they expose:
// OctopusSandbox; AsyncHTTPClient and the NIO modules its API names: OctopusClient; libedit:
// CEditLine/LineEditor; ArgumentParser: the executable; swift-syntax: OctopusModelMacros, the
// compiler plugin OctopusModel uses, never linked into the binary). Every module a target imports is declared
// here: `make build` runs .ci/check-imports (each import declared by its own target) and passes
// `--explicit-target-dependency-import-check error`.
let package = Package(
    name: "Conductor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "conductor", targets: ["conductor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own dependencies whose modules the sandbox imports directly (declared so
        // the explicit import check holds and a Hummingbird upgrade cannot drop them silently).
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // AsyncHTTPClient's, whose types the client's transport names (methods, TLS, decompression).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // The model's `@MemberwiseInit` macro (603 is the line of Swift 6.3).
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
    ],
    targets: [
        // Codable wire types of the Octopus REST API, typed ids, the paging envelope, the error body. No I/O.
        .target(name: "OctopusModel", dependencies: ["OctopusModelMacros"]),
        // The model's macros (a compiler plugin, not linked into the binary): `@MemberwiseInit`, the public
        // memberwise initialiser, and `@PascalCaseCodingKeys`, the keys from the stored properties.
        .macro(
            name: "OctopusModelMacros",
            dependencies: [
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
            ]
        ),
        // HTTP client for a real Octopus Server (and the sandbox): auth, paging, retries, typed endpoints, errors.
        .target(
            name: "OctopusClient",
            dependencies: [
                "OctopusModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // The promotion engine: version patterns, lifecycle walk, release selection, schedules,
        // approvals, release notes, deploy and wait.
        .target(name: "Orchestration", dependencies: ["OctopusClient", "OctopusModel"]),
        // Embedded Octopus-compatible server: Hummingbird routes, GRDB (SQLite) store, seeds,
        // task simulator, fault injection. Depends on the wire model only.
        .target(
            name: "OctopusSandbox",
            dependencies: [
                "OctopusModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // libedit (BSD editline) as a system library, found through pkg-config.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Fixed-arity C wrappers for libedit's variadic calls, and the SIGINT handler.
        .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
        // Line editing: prompt, history, completion hook, signals; plain stdin when not on a terminal.
        .target(name: "LineEditor", dependencies: ["CEditLineShim"]),
        // Pseudo-terminal spawning in C (posix_openpt, setsid, signal reset), for terminal tests.
        .target(name: "CPseudoTerminal"),
        // Drives a program on a pseudo-terminal and renders its screen; shared by the pty tests.
        .target(name: "PseudoTerminal", dependencies: ["CPseudoTerminal"]),
        // A tiny shell on LineEditor that the pty tests drive (and for trying the editor by hand).
        .executableTarget(name: "lineedit-probe", dependencies: ["LineEditor"]),
        // Completion benchmarks (`make bench-completion`).
        .executableTarget(name: "completion-bench", dependencies: ["ConductorShell"]),
        // Command grammar, tokenizer use, session context, command handlers, rendering, script runner.
        .target(name: "ConductorShell", dependencies: ["Orchestration", "OctopusClient", "OctopusModel", "LineEditor"], exclude: ["README.md"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "conductor",
            dependencies: [
                "ConductorShell",
                "Orchestration",
                "OctopusClient",
                "OctopusSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests: one target per module, plus end-to-end tests of the built binary, and what several of them share.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "OctopusModelTests", dependencies: ["OctopusModel"], exclude: ["Golden"]),
        .testTarget(
            name: "OctopusModelMacrosTests",
            dependencies: [
                "OctopusModelMacros",
                .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax"),
            ]
        ),
        .testTarget(
            name: "OctopusSandboxTests",
            dependencies: [
                "OctopusSandbox", "OctopusModel", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "OctopusClientTests", dependencies: ["OctopusClient", "OctopusSandbox", "OctopusModel"]),
        .testTarget(name: "OrchestrationTests", dependencies: ["Orchestration", "OctopusClient", "OctopusSandbox", "OctopusModel"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "PseudoTerminal", "lineedit-probe"]),
        .testTarget(
            name: "ConductorShellTests",
            dependencies: ["ConductorShell", "LineEditor", "Orchestration", "OctopusClient", "OctopusModel", "OctopusSandbox"]
        ),
        // Golden/: expected output files the tests compare against (read by path, not bundled).
        .testTarget(name: "ConductorEndToEndTests", dependencies: ["PseudoTerminal", "TestSupport"], exclude: ["Golden"]),
    ]
)

// Settings every Swift target shares, so the compiler keeps the boundaries: `any` spelled on every
// existential, and a member usable only in a file that imports its module. Undeclared imports are
// caught by `make build` (.ci/check-imports and `--explicit-target-dependency-import-check error`).
let sharedSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSwiftSettings
}
