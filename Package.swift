// swift-tools-version: 6.2
import Foundation
import PackageDescription

let environment = ProcessInfo.processInfo.environment

// Our own targets: Swift 6 language mode (the tools version's default) and upcoming features on. Every warning is an
// error only where CI asks for it (`.ci/run` sets AZSPEC_WARNINGS_AS_ERRORS=1): a user building from source with a
// newer compiler that adds a warning still gets a binary. Dependencies' warnings stay theirs.
let strict: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ] + (environment["AZSPEC_WARNINGS_AS_ERRORS"] == "1" ? [.treatAllWarnings(as: .error)] : [])

// The commit `azspec --version` names: AZSPEC_COMMIT from the environment (scripts/release.sh and the GitHub Action
// set it), taken only when it is 7 to 40 lowercase hex digits, so that nothing else reaches the C compiler.
let commit = environment["AZSPEC_COMMIT"].flatMap { value in
    (7...40).contains(value.count) && value.allSatisfy({ "0123456789abcdef".contains($0) }) ? value : nil
}

let package = Package(
    name: "azspec",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "azspec", targets: ["azspec"]),
        .library(name: "AzspecKit", targets: ["AzspecKit"]),
        .library(name: "AzspecEmulator", targets: ["AzspecEmulator"]),
        .library(name: "JSONPath", targets: ["JSONPath"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
    ],
    targets: [
        // The commit the build was made from, when the environment named one.
        .target(
            name: "AzspecBuildInfo",
            cSettings: commit.map { [.define("AZSPEC_COMMIT", to: "\"\($0)\"")] } ?? []
        ),
        // What the engine and the emulator both need, one of each: the JSON model, diagnostics with locations,
        // YAML composition and typed reading, bounded input files, base64url, percent-encoding, JWT, PEM and the
        // RBAC evaluator.
        .target(
            name: "AzspecCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // RFC 9535 JSONPath over AzspecCore's JSON model.
        .target(name: "JSONPath", dependencies: ["AzspecCore"], swiftSettings: strict),
        // JSON Schema draft 2020-12 over AzspecCore's JSON model.
        .target(name: "JSONSchema", dependencies: ["AzspecCore"], swiftSettings: strict),
        // The engine: load spec → resolve templates → send → assert → report.
        .target(
            name: "AzspecKit",
            dependencies: [
                "AzspecBuildInfo",
                "AzspecCore",
                "JSONPath",
                "JSONSchema",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: strict
        ),
        // A local Entra ID + Azure Resource Manager emulator.
        // `azspec import`: Postman collections to specs. Above the engine: it reads the spec format's declarations and
        // the secret policy, and nothing in the engine can reach it.
        .target(name: "AzspecImport", dependencies: ["AzspecCore", "AzspecKit"], swiftSettings: strict),
        .target(
            name: "AzspecEmulator",
            dependencies: [
                "AzspecCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // Helpers shared by the test targets (no test framework imported).
        .target(
            name: "AzspecTesting",
            dependencies: [
                "AzspecCore", "AzspecKit", "AzspecEmulator",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "azspec",
            dependencies: [
                "AzspecCore",
                "AzspecKit",
                "AzspecImport",
                "AzspecEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "JSONPathTests", dependencies: ["AzspecCore", "JSONPath"], swiftSettings: strict),
        .testTarget(
            name: "JSONSchemaTests", dependencies: ["AzspecCore", "JSONSchema"], exclude: ["optional-known-failures.txt"],
            swiftSettings: strict),
        .testTarget(
            name: "AzspecCoreTests", dependencies: ["AzspecCore", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .testTarget(
            name: "AzspecKitTests",
            dependencies: [
                "AzspecCore", "AzspecKit", "AzspecImport", "AzspecTesting", "JSONPath",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), "Yams",
            ],

            swiftSettings: strict
        ),
        .testTarget(
            name: "AzspecImportTests", dependencies: ["AzspecCore", "AzspecKit", "AzspecImport"], exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "AzspecEmulatorTests",
            dependencies: [
                "AzspecCore",
                "AzspecEmulator",
                "AzspecTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "azspec", "AzspecCore", "AzspecKit", "AzspecEmulator", "AzspecTesting", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)

// libFuzzer targets, only when scripts/fuzz.sh asks for them (they need `-sanitize=fuzzer`, which provides `main`).
if environment["AZSPEC_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "JSONPathFuzz", dependencies: ["FuzzDriver", "AzspecCore", "JSONPath"], path: "Fuzz/JSONPathFuzz"),
        .executableTarget(name: "YAMLFuzz", dependencies: ["FuzzDriver", "AzspecCore"], path: "Fuzz/YAMLFuzz"),
        .executableTarget(name: "SpecLoaderFuzz", dependencies: ["FuzzDriver", "AzspecKit"], path: "Fuzz/SpecLoaderFuzz"),
        .executableTarget(
            name: "EmulatorConfigurationFuzz", dependencies: ["FuzzDriver", "AzspecEmulator"],
            path: "Fuzz/EmulatorConfigurationFuzz"),
        .executableTarget(
            name: "PostmanImportFuzz", dependencies: ["FuzzDriver", "AzspecKit", "AzspecImport"], path: "Fuzz/PostmanImportFuzz"),
    ]
}

// The benchmark's floor (bench/Floor): AsyncHTTPClient alone, sending what azspec sends, as azspec sends it. Only
// when bench/run.sh asks for it, so that a plain build does not carry it.
if environment["AZSPEC_BENCH"] != nil {
    package.targets.append(
        .executableTarget(
            name: "BenchFloor",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "bench/Floor"))
}
