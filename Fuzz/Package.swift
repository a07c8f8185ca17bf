// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, one per reader, the tokenizer and the temporal tagger.
// A package of their own (as Benchmarks/ is), so the library gains nothing for them.
// Build and run them with ../scripts/fuzz; by hand:
//   swift build --product FuzzTEI --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
let fuzzTargets = ["FuzzWilsonExport", "FuzzTEI", "FuzzPlainText", "FuzzTokenizer", "FuzzTemporalTagger"]

let package = Package(
    name: "ChanceryFuzz",
    products: fuzzTargets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        .package(name: "Chancery", path: "../"),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "ChanceryCorpus", package: "Chancery"),
                .product(name: "ChanceryAnalytics", package: "Chancery"),
                .product(name: "ChanceryTime", package: "Chancery"),
            ]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport"]
        )
    },
    swiftLanguageModes: [.v6]
)
