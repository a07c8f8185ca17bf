import Foundation
import Testing

/// Where the tests' data lives: the project's own fixtures and demo corpus, and the real corpora in `../shared`.
///
/// The real archival documents are not copied into the project; tests read
/// them from `../shared/corpora` beside the package. Without that folder the
/// tests that need it are skipped with a message, except under CI (the `CI`
/// environment variable set), where its absence is a failure.
public enum TestData {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    public static let demoCorpus = packageRoot.appendingPathComponent("Corpora/demo")
    public static let sharedCorpora = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    public static var sharedIsPresent: Bool {
        FileManager.default.fileExists(atPath: sharedCorpora.appendingPathComponent("README.md").path)
    }

    /// Whether tests of the real corpora should run: always under CI (and fail there if the data is missing).
    public static var shouldRunSharedTests: Bool { sharedIsPresent || isCI }

    /// A path inside `../shared/corpora`; records a failure when it is missing.
    public static func shared(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let url = sharedCorpora.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("\(url.path) is missing: the real corpora must sit in ../shared/corpora beside the package (CI=\(isCI))", sourceLocation: sourceLocation)
            throw MissingData(path: url.path)
        }
        return url
    }

    public struct MissingData: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "missing test data: \(path)" }
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ name: String = "chancery-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The trait for tests that read `../shared/corpora`: skipped with a message when it is absent outside CI.
public let needsSharedCorpora = ConditionTrait.enabled(
    if: TestData.shouldRunSharedTests,
    "../shared/corpora is absent (not under CI): skipping tests of the real FRUS and Wilson Center documents"
)
