// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Chancery",
    products: [
        .library(name: "ChanceryCorpus", targets: ["ChanceryCorpus"]),
        .library(name: "ChanceryAnalytics", targets: ["ChanceryAnalytics"]),
        .library(name: "ChanceryTime", targets: ["ChanceryTime"]),
        .library(name: "ChanceryPipeline", targets: ["ChanceryPipeline"]),
        .library(name: "ChanceryReports", targets: ["ChanceryReports"]),
        .executable(name: "chancery", targets: ["chancery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The `swift package generate-documentation` command (scripts/test builds each library's DocC catalog).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    // Each target names every module it imports, not only those it would get through another target.
    targets: [
        .target(name: "ChanceryCorpus"),
        .target(name: "ChanceryYAML", dependencies: ["ChanceryCorpus", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "ChanceryAnalytics",
            dependencies: ["ChanceryCorpus", "ChanceryYAML", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ChanceryTime",
            dependencies: ["ChanceryCorpus", "ChanceryYAML", .product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "ChanceryPipeline",
            dependencies: [
                "ChanceryCorpus",
                "ChanceryAnalytics",
                "ChanceryTime",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ChanceryReports",
            dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryPipeline", "CXlsxWriter"]
        ),
        .target(
            name: "ChanceryCLI",
            dependencies: [
                "ChanceryCorpus",
                "ChanceryAnalytics",
                "ChanceryTime",
                "ChanceryPipeline",
                "ChanceryReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chancery", dependencies: ["ChanceryCLI"]),
        .target(name: "ChanceryTestSupport", path: "Tests/Support"),
        .testTarget(name: "ChanceryCorpusTests", dependencies: ["ChanceryCorpus", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryAnalyticsTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryTimeTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryPipelineTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryPipeline", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryReportsTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryPipeline", "ChanceryReports", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryCLITests", dependencies: ["ChanceryCLI", "ChanceryPipeline", "ChanceryReports", "ChanceryTime", "ChanceryTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ],
    swiftLanguageModes: [.v6]
)
