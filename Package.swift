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
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "followup", targets: ["followup"]),
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
        // SMTP submission and IMAP mailbox access over libcurl; knows nothing of prospects.
        .target(
            name: "MailTransport",
            dependencies: ["CCurl"],
            swiftSettings: strictSettings
        ),
        // Commands, config loading and terminal output; wires everything together.
        .target(
            name: "FollowUpCLI",
            dependencies: [
                "MailTransport",
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
        .target(
            name: "TestSupport",
            dependencies: ["MailTransport"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MailTransportTests",
            dependencies: ["MailTransport", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
