// swift-tools-version:6.0
import PackageDescription

// The targets are the layers (see docs/architecture.md): each depends only on the ones below it,
// so the compiler refuses an import that points upward.
//
//   RehearseCore <- RehearseBank <- RehearseScoring <- RehearseCheck
//                                                   <- RehearseProgress <- RehearseSession
//                                                                       <- RehearseGrading
//                                                   <- RehearseInterop
//   all of them  <- rehearse (the executable: argument parsing and terminal I/O)

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "RehearseCore"),
        .target(
            name: "RehearseBank",
            dependencies: ["RehearseCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "RehearseScoring", dependencies: ["RehearseCore", "RehearseBank"]),
        .target(
            name: "RehearseCheck",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring"]
        ),
        .target(
            name: "RehearseProgress",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring"]
        ),
        .target(
            name: "RehearseSession",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress"]
        ),
        .target(
            name: "RehearseGrading",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress"]
        ),
        .target(
            name: "RehearseInterop",
            dependencies: [
                "RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // GNU readline. No `pkgConfig`: readline.pc pulls in tinfo's `-D_DEFAULT_SOURCE
        // -D_XOPEN_SOURCE=600`, which SwiftPM refuses with a warning; the module map links
        // `readline` itself, from the standard library folders where libreadline-dev puts it.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore", "RehearseBank", "RehearseScoring", "RehearseCheck",
                "RehearseProgress", "RehearseSession", "RehearseGrading", "RehearseInterop",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Drives the progress store for the reliability tests and bench/progress-bench.sh; not a
        // product, so it is never shipped.
        .executableTarget(
            name: "rehearse-stress",
            dependencies: [
                "RehearseCore", "RehearseScoring", "RehearseProgress",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixture banks and helpers the test targets share.
        .target(
            name: "RehearseTestSupport",
            dependencies: ["RehearseCore", "RehearseBank", "RehearseScoring"],
            path: "Tests/RehearseTestSupport"
        ),
        .testTarget(name: "RehearseCoreTests", dependencies: ["RehearseCore"]),
        .testTarget(
            name: "RehearseBankTests",
            dependencies: ["RehearseTestSupport", "RehearseCore", "RehearseBank"]
        ),
        .testTarget(
            name: "RehearseScoringTests",
            dependencies: [
                "RehearseTestSupport", "RehearseCore", "RehearseBank", "RehearseScoring",
            ]
        ),
        .testTarget(
            name: "RehearseCheckTests",
            dependencies: [
                "RehearseTestSupport", "RehearseCore", "RehearseBank", "RehearseScoring",
                "RehearseCheck",
            ]
        ),
        .testTarget(
            name: "RehearseProgressTests",
            dependencies: [
                "RehearseTestSupport", "RehearseCore", "RehearseBank", "RehearseScoring",
                "RehearseProgress",
            ],
            // Test data read through #filePath, not bundled resources.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RehearseSessionTests",
            dependencies: [
                "RehearseTestSupport",
                "RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress",
                "RehearseSession",
            ]
        ),
        .testTarget(
            name: "RehearseGradingTests",
            dependencies: [
                "RehearseTestSupport",
                "RehearseCore", "RehearseBank", "RehearseScoring", "RehearseProgress",
                "RehearseGrading",
            ]
        ),
        .testTarget(
            name: "RehearseInteropTests",
            dependencies: [
                "RehearseTestSupport", "RehearseCore", "RehearseBank", "RehearseScoring",
                "RehearseCheck", "RehearseInterop",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "RehearseCLITests",
            dependencies: [
                "RehearseTestSupport", "RehearseCore", "RehearseScoring", "RehearseProgress",
                "rehearse", "rehearse-stress",
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
