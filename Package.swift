// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RehearseKit", targets: ["RehearseKit"]),
        .executable(name: "rehearse", targets: ["rehearse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .target(
            name: "RehearseKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
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
                "RehearseKit",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RehearseKitTests",
            dependencies: ["RehearseKit"],
            // Test data read through #filePath, not bundled resources.
            exclude: ["Progress/Fixtures", "Grading/Fixtures"]
        ),
        .testTarget(
            name: "RehearseCLITests", dependencies: ["RehearseKit", "rehearse"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
