// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jdlint",
    products: [
        .executable(name: "jdlint", targets: ["jdlint"]),
        .library(name: "JDLintCore", targets: ["JDLintCore"]),
    ],
    targets: [
        // The engine: documents, rules, fixes, configuration. No I/O, never prints.
        .target(name: "JDLintCore"),
        // File-system side shared by the CLI and the language server: config discovery, file walking, atomic writes.
        .target(name: "JDLintKit", dependencies: ["JDLintCore"]),
        // The language server (JSON-RPC over stdio), a thin front end over the core.
        .target(name: "JDLintLSP", dependencies: ["JDLintCore", "JDLintKit"]),
        .executableTarget(name: "jdlint", dependencies: ["JDLintCore", "JDLintKit", "JDLintLSP"]),
        // Helpers shared by the test targets (the seeded random generator); never linked into the program.
        .target(name: "JDLintTestSupport", path: "Tests/JDLintTestSupport"),
        .testTarget(name: "JDLintCoreTests", dependencies: ["JDLintCore", "JDLintTestSupport"]),
        .testTarget(name: "JDLintCLITests", dependencies: ["JDLintCore", "JDLintKit"]),
        .testTarget(name: "JDLintLSPTests", dependencies: ["JDLintCore", "JDLintKit", "JDLintLSP", "JDLintTestSupport"]),
    ]
)
