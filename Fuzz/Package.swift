// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Gloss's parsers of untrusted bytes. A separate package so that the
// main build, its tests and CI never see the fuzzer flags; `Scripts/fuzz.sh` builds it with
// `-Xswiftc -sanitize=fuzzer` and runs each target against its corpus in Corpus/<target>/.
let targets = [
    "FuzzImportJSONL", "FuzzImportCSV", "FuzzImportLabelStudio", "FuzzImportProdigy", "FuzzImportDoccano", "FuzzImportArgilla",
    "FuzzGuideLint", "FuzzCanonicalValue", "FuzzAnnotationLine",
]

let package = Package(
    name: "GlossFuzz",
    platforms: [.macOS(.v14)],
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "Gloss", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzDriver",
                .product(name: "GlossCore", package: "Gloss"),
                .product(name: "GlossFormats", package: "Gloss"),
            ]
        ),
    ] + targets.map {
        .executableTarget(
            name: $0,
            dependencies: [
                "FuzzSupport",
                .product(name: "GlossCore", package: "Gloss"),
                .product(name: "GlossFormats", package: "Gloss"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    }
)
