// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Chancery",
    products: [
        .library(name: "ChanceryCorpus", targets: ["ChanceryCorpus"]),
        .library(name: "ChanceryAnalytics", targets: ["ChanceryAnalytics"]),
        .executable(name: "chancery", targets: ["chancery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "ChanceryCorpus"),
        .target(name: "ChanceryAnalytics", dependencies: ["ChanceryCorpus"]),
        .target(
            name: "ChanceryCLI",
            dependencies: [
                "ChanceryCorpus",
                "ChanceryAnalytics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "chancery", dependencies: ["ChanceryCLI"]),
        .target(name: "ChanceryTestSupport", path: "Tests/Support"),
        .testTarget(name: "ChanceryCorpusTests", dependencies: ["ChanceryCorpus", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryAnalyticsTests", dependencies: ["ChanceryAnalytics", "ChanceryTestSupport"]),
        .testTarget(name: "ChanceryCLITests", dependencies: ["ChanceryTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
