// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the library gains no dependency for them.
let package = Package(
    name: "ChanceryBenchmarks",
    dependencies: [
        .package(name: "Chancery", path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "TokenizerThroughput",
            dependencies: [.product(name: "ChanceryCorpus", package: "Chancery")]
        ),
        .executableTarget(
            name: "ChanceryBench",
            dependencies: [
                .product(name: "ChanceryCorpus", package: "Chancery"),
                .product(name: "ChanceryAnalytics", package: "Chancery"),
                .product(name: "ChanceryTime", package: "Chancery"),
                .product(name: "ChanceryReports", package: "Chancery"),
            ]
        ),
        .executableTarget(
            name: "TemporalThroughput",
            dependencies: [
                .product(name: "ChanceryCorpus", package: "Chancery"),
                .product(name: "ChanceryAnalytics", package: "Chancery"),
                .product(name: "ChanceryTime", package: "Chancery"),
            ]
        ),
        // libxml2 from the system (pkg-config libxml-2.0), for XMLParserComparison only: the library does not link it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .executableTarget(
            name: "XMLParserComparison",
            dependencies: ["CLibXML2", .product(name: "ChanceryCorpus", package: "Chancery")]
        ),
        .executableTarget(
            name: "TermCounting",
            dependencies: [
                .product(name: "ChanceryCorpus", package: "Chancery"),
                .product(name: "ChanceryAnalytics", package: "Chancery"),
                .product(name: "ChanceryTime", package: "Chancery"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
