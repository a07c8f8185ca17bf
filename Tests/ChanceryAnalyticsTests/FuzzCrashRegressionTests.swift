import ChanceryTestSupport
import Foundation
import Testing

/// Replays the inputs the fuzz targets once failed on, kept in Tests/Fixtures/crashers/TARGET/ (scripts/fuzz
/// saves them there), and every file of the two bad-input collections (Tests/Fixtures/hostile and
/// Tests/Fixtures/bad-input), through each fuzz target's own code: FuzzCheck.run, in Fuzz/Sources/FuzzSupport/
/// FuzzCheck.swift, which this test target compiles too (Tests/ChanceryAnalyticsTests/FuzzCheck.swift is a link to
/// it). A broken check is an issue here; a trap is a crash the fuzzers found coming back.
@Suite struct FuzzCrashRegressionTests {
    static let hostile = TestData.fixtures.appendingPathComponent("hostile")
    /// Beside the collections, not inside one: the corpus tests read those folders whole.
    static let crashersFolder = TestData.fixtures.appendingPathComponent("crashers")

    /// Every kept crasher, as (target, file name).
    static let crashers: [(FuzzCheck.Target, String)] = FuzzCheck.Target.allCases.flatMap { target in
        let folder = crashersFolder.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, $0) }
    }

    /// Runs `target` on `bytes` with broken checks recorded as issues (FuzzCheck stops the process otherwise).
    static func replay(_ target: FuzzCheck.Target, _ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        FuzzCheck.$brokenCheck.withValue({ message in
            Issue.record("\(target.rawValue) on \(name): \(message)", sourceLocation: sourceLocation)
        }) {
            FuzzCheck.run(target, bytes)
        }
    }

    /// The replay below runs nothing when the folder is gone or empty; that is a failure, not a pass.
    @Test func theCrashersAreKept() throws {
        var isFolder: ObjCBool = false
        try #require(FileManager.default.fileExists(atPath: Self.crashersFolder.path, isDirectory: &isFolder) && isFolder.boolValue,
                     "\(Self.crashersFolder.path) is missing")
        #expect(!Self.crashers.isEmpty, "\(Self.crashersFolder.path) holds no crasher")
        let unknown = try FileManager.default.contentsOfDirectory(atPath: Self.crashersFolder.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" && FuzzCheck.Target(rawValue: $0) == nil }
        #expect(unknown.isEmpty, "folders that name no fuzz target: \(unknown)")
    }

    @Test(arguments: crashers)
    func aKeptCrasherRunsClean(_ target: FuzzCheck.Target, _ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.crashersFolder.appendingPathComponent("\(target.rawValue)/\(name)")))
        Self.replay(target, bytes, name)
    }

    @Test(arguments: FuzzCheck.Target.allCases)
    func theBadInputCollectionsRunCleanThroughEveryTarget(_ target: FuzzCheck.Target) throws {
        var count = 0
        for collection in [Self.hostile, TestData.fixtures.appendingPathComponent("bad-input")] {
            let enumerator = FileManager.default.enumerator(atPath: collection.path)
            while let name = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let url = collection.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                Self.replay(target, [UInt8](try Data(contentsOf: url)), name)
                count += 1
            }
        }
        #expect(count >= 25)
    }
}

extension FuzzCheck.Target: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
