// swift-tools-version:6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "lore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LoreKit", targets: ["LoreKit"]),
        .executable(name: "lore", targets: ["lore"]),
        .executable(name: "lore-bench", targets: ["lore-bench"]),
        .executable(name: "raw-sqlite-bench", targets: ["raw-sqlite-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "LoreKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the few places that read columns or define functions
                // below GRDB (the projection digest, the search ranking function).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "lore",
            dependencies: [
                "LoreKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "lore-bench",
            dependencies: ["LoreKit"],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "raw-sqlite-bench",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "LoreKitTests",
            dependencies: ["LoreKit"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "loreTests",
            dependencies: [
                "LoreKit", "lore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
    ],
    swiftLanguageModes: [.v6]
)
