// swift-tools-version:6.0
import PackageDescription

// Fuzz targets (libFuzzer), kept out of the main package so the normal build never sees them.
// `Sources/` holds links to the library folders of the main package; `scripts/fuzz.sh` builds
// this package with `swift build --sanitize fuzzer` and runs each target for a bounded time.
let fuzzTarget = { (name: String, dependencies: [Target.Dependency]) -> Target in
    .executableTarget(name: name, dependencies: dependencies, path: "Targets/\(name)")
}

let package = Package(
    name: "RehearseFuzz",
    dependencies: [
        // The checkout the main package resolved (no network needed): run the main build first.
        .package(path: "../.build/checkouts/Yams"),
        .package(path: "../.build/checkouts/ZIPFoundation"),
    ],
    targets: [
        .target(name: "RehearseCore"),
        .target(
            name: "RehearseBank",
            dependencies: ["RehearseCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "RehearseScoring", dependencies: ["RehearseCore", "RehearseBank"]),
        .target(
            name: "RehearseProgress",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring"]),
        .target(
            name: "RehearseInterop",
            dependencies: [
                "RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "RehearseGrading",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress"]),
        fuzzTarget("FuzzYAML", ["RehearseBank"]),
        fuzzTarget("FuzzBank", ["RehearseBank"]),
        fuzzTarget("FuzzCSV", ["RehearseBank", "RehearseGrading"]),
        fuzzTarget("FuzzAnswer", ["RehearseBank", "RehearseScoring"]),
        fuzzTarget("FuzzProgress", ["RehearseProgress"]),
        fuzzTarget("FuzzGIFT", ["RehearseBank", "RehearseInterop"]),
    ],
    swiftLanguageModes: [.v6]
)
