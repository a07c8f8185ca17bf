// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Chancery",
    products: [
        .library(name: "ChanceryCorpus", targets: ["ChanceryCorpus"]),
        .library(name: "ChanceryAnalytics", targets: ["ChanceryAnalytics"]),
        .library(name: "ChanceryTime", targets: ["ChanceryTime"]),
        .library(name: "ChanceryReports", targets: ["ChanceryReports"]),
        .executable(name: "chancery", targets: ["chancery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
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
        .target(name: "ChanceryReports", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "CXlsxWriter"]),
        .target(
            name: "ChanceryCLI",
            dependencies: [
                "ChanceryCorpus",
                "ChanceryAnalytics",
                "ChanceryTime",
                "ChanceryReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chancery", dependencies: ["ChanceryCLI"]),
        .target(name: "ChanceryTestSupport", path: "Tests/Support"),
        .testTarget(name: "ChanceryCorpusTests", dependencies: ["ChanceryCorpus", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryAnalyticsTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryTimeTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryReportsTests", dependencies: ["ChanceryCorpus", "ChanceryAnalytics", "ChanceryTime", "ChanceryReports", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryCLITests", dependencies: ["ChanceryCLI", "ChanceryReports", "ChanceryTime", "ChanceryTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ],
    swiftLanguageModes: [.v6]
)
