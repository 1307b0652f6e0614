// swift-tools-version:6.0
import PackageDescription

/// Every Swift target gets the same language settings: Swift 6 mode (strict concurrency) plus the
/// upcoming features that make dependencies and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "followup",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "followup", targets: ["followup"]),
        .executable(name: "followup-bench", targets: ["FollowUpBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C at the bottom: libcurl, reached through typed wrappers of its variadic calls.
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The system SQLite, with a shim for the one macro Swift cannot import.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // SMTP submission and IMAP mailbox access over libcurl; knows nothing of prospects.
        .target(
            name: "MailTransport",
            dependencies: ["CCurl", "MailCore"],
            swiftSettings: strictSettings
        ),
        // A strict TOML reader that keeps every value's line, so config errors can name it.
        .target(
            name: "TOML",
            swiftSettings: strictSettings
        ),
        // Messages: addresses, headers, the MIME writer and reader, dates. Foundation only.
        .target(
            name: "MailCore",
            swiftSettings: strictSettings
        ),
        // Reply triage, pure: bounces, complaints, auto-replies, and what the person wrote.
        .target(
            name: "Triage",
            dependencies: ["MailCore"],
            swiftSettings: strictSettings
        ),
        // The engine, pure: templates, CSV import, planning, composition, outcomes of replies.
        .target(
            name: "FollowUp",
            dependencies: ["MailCore", "Triage"],
            swiftSettings: strictSettings
        ),
        // Durable state in SQLite: migrations, prospects, messages, replies, suppressions.
        .target(
            name: "FollowUpStore",
            dependencies: ["FollowUp", "CSQLite"],
            swiftSettings: strictSettings
        ),
        // Commands, config loading and terminal output; wires everything together.
        .target(
            name: "FollowUpCLI",
            dependencies: [
                "FollowUp",
                "FollowUpStore",
                "MailCore",
                "MailTransport",
                "TOML",
                "Triage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "followup",
            dependencies: ["FollowUpCLI"],
            swiftSettings: strictSettings
        ),
        // A TCP proxy that injects faults between followup and the real servers (tests only).
        .target(
            name: "FaultProxy",
            path: "Tests/FaultProxy",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FaultProxyTests",
            dependencies: ["FaultProxy"],
            swiftSettings: strictSettings
        ),
        // Throughput of the pure parts (parse, classify, plan), for scripts/bench.
        .executableTarget(
            name: "FollowUpBench",
            dependencies: ["FollowUp", "MailCore", "Triage"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["MailTransport"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MailCoreTests",
            dependencies: ["MailCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageTests",
            dependencies: ["Triage", "MailCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TOMLTests",
            dependencies: ["TOML"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FollowUpTests",
            dependencies: ["FollowUp", "MailCore", "Triage"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FollowUpStoreTests",
            dependencies: ["FollowUpStore", "FollowUp"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FollowUpCLITests",
            dependencies: ["FollowUpCLI", "TestSupport", "FaultProxy"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MailTransportTests",
            dependencies: ["MailTransport", "MailCore", "TestSupport", "FaultProxy"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, declared only for `scripts/fuzz` (FOLLOWUP_FUZZ=1 swift build --sanitize=fuzzer ...):
// the entry point has no `main` of its own, so a normal build must not see it.
if Context.environment["FOLLOWUP_FUZZ"] != nil {
    package.products.append(.executable(name: "followup-fuzz", targets: ["FollowUpFuzz"]))
    package.targets.append(.executableTarget(
        name: "FollowUpFuzz",
        dependencies: ["FollowUp", "MailCore", "MailTransport", "Triage", "TOML"],
        path: "Fuzz/FollowUpFuzz",
        swiftSettings: strictSettings + [.unsafeFlags(["-parse-as-library"])]
    ))
}
