// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gloss",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        // The pure byte-level targets, for the fuzz package in Fuzz/ (it depends on this one by path).
        .library(name: "GlossCore", targets: ["GlossCore"]),
        .library(name: "GlossFormats", targets: ["GlossFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // No pkgConfig: ncursesw's only adds -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, flags SwiftPM
        // refuses with a "prohibited flag" warning. shim.h defines _XOPEN_SOURCE_EXTENDED, which is
        // what turns on curses.h's wide-character API, and the module map links ncursesw.
        .systemLibrary(name: "CNcurses"),
        .target(name: "CSHA256"),
        .target(name: "GlossCore", dependencies: ["CSHA256", .product(name: "Yams", package: "Yams")]),
        .target(name: "GlossFormats", dependencies: ["GlossCore"]),
        .target(name: "GlossClassifier", dependencies: ["GlossCore"]),
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "GlossStore",
            dependencies: [
                "GlossCore", "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "CSignalTrap"),
        .target(name: "GlossTerminal", dependencies: ["CNcurses", "CSignalTrap", "GlossCore"]),
        .target(name: "GlossTUI", dependencies: ["GlossCore", "GlossFormats", "GlossTerminal"]),
        .target(
            name: "GlossTasks",
            dependencies: ["GlossCore", "GlossClassifier", "GlossFormats", "GlossTerminal", "GlossTUI"]
        ),
        .target(
            name: "GlossApp",
            dependencies: [
                "GlossCore", "GlossClassifier", "GlossFormats", "GlossStore", "GlossTerminal", "GlossTUI", "GlossTasks",
            ]
        ),
        .target(name: "GlossTestSupport", dependencies: ["GlossCore", "GlossStore", "GlossTerminal"]),
        .executableTarget(
            name: "gloss",
            dependencies: [
                "GlossCore", "GlossClassifier", "GlossFormats", "GlossStore", "GlossTerminal", "GlossTUI", "GlossTasks",
                "GlossApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GlossCoreTests", dependencies: ["GlossCore", "GlossTasks"]),
        .testTarget(name: "GlossFormatsTests", dependencies: ["GlossFormats", "GlossCore", "GlossTasks"]),
        .testTarget(name: "GlossClassifierTests", dependencies: ["GlossClassifier", "GlossCore"]),
        .testTarget(
            name: "GlossAppTests",
            dependencies: [
                "GlossApp", "GlossTUI", "GlossTasks", "GlossStore", "GlossClassifier", "GlossCore", "GlossFormats",
                "GlossTerminal", "GlossTestSupport",
            ]
        ),
        .testTarget(name: "GlossStoreTests", dependencies: ["GlossStore", "GlossApp", "GlossTasks", "GlossTestSupport"]),
        .testTarget(name: "CNcursesTests", dependencies: ["CNcurses"]),
        .testTarget(name: "GlossTerminalTests", dependencies: ["GlossTerminal", "GlossTestSupport"]),
        .testTarget(name: "GlossTUITests", dependencies: ["GlossTUI", "GlossTasks", "GlossTestSupport"]),
        .testTarget(name: "GlossTasksTests", dependencies: ["GlossTasks", "GlossTestSupport"]),
        .testTarget(name: "GlossCLITests", dependencies: ["GlossTestSupport", "gloss"]),
    ]
)

// Swift 6 language mode everywhere, as swift-log does: one loop over every target.
for target in package.targets where target.type != .system && !["CSQLiteTuning", "CSignalTrap", "CSHA256"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    target.swiftSettings = settings
}
