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

/// The Python of the project's virtual environment (`.venv`, made by scripts/test), for independent checks of outputs.
public enum TestPython {
    /// `$CHANCERY_PYTHON`, else `<root>/.venv/bin/python3`, when it exists.
    public static var executable: URL? {
        if let path = ProcessInfo.processInfo.environment["CHANCERY_PYTHON"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let venv = TestData.packageRoot.appendingPathComponent(".venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
    }

    /// Runs a Python script with arguments and returns its stdout; throws with stderr when it fails.
    public static func run(_ script: String, _ arguments: [String] = []) throws -> String {
        guard let python = executable else { throw TestData.MissingData(path: ".venv/bin/python3 (run ./scripts/test to create it)") }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonFailure(message: String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self)
    }

    public struct PythonFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "python failed: \(message)" }
    }
}

/// The trait for tests that read outputs back with Python: skipped without `.venv` outside CI, run (and failing) under CI.
public let needsPython = ConditionTrait.enabled(
    if: TestPython.executable != nil || TestData.isCI,
    "no .venv with openpyxl (run ./scripts/test to create it): skipping the independent read-back checks"
)
