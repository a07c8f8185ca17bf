import ChanceryTestSupport
import Foundation
import Testing

/// `chancery stats`, run as a process: output, stderr and exit status.
@Suite struct StatsCommandTests {
    @Test func demoCorpusReadsWholeAndExitsZero() throws {
        let output = try ChanceryProcess.run(["stats", TestData.demoCorpus.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let lines = output.stdout.split(separator: "\n")
        let documents = try #require(lines.first { $0.hasPrefix("Documents") })
        #expect(documents.split(separator: " ").last == "14")
        #expect(output.stdout.contains("Date range"))
        #expect(output.stdout.contains("1887"))
    }

    @Test(needsSharedCorpora) func jsonOfTheSeedHasItsFigures() throws {
        let seed = try TestData.shared("seed")
        let output = try ChanceryProcess.run(["stats", "--json", seed.path])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["documents"] as? Int == 1)
        #expect(json["firstDate"] as? String == "1962-12-08")
        #expect((json["languages"] as? [[String: Any]])?.first?["label"] as? String == "Chinese")
        let tokens = try #require(json["tokens"] as? Int)
        let types = try #require(json["types"] as? Int)
        #expect(tokens > 400 && tokens < 600)
        #expect(abs((json["typeTokenRatio"] as? Double ?? 0) - Double(types) / Double(tokens)) < 1e-12)
    }

    @Test func skippedFilesGoToStderrOneLineEachAndExitOne() throws {
        let output = try ChanceryProcess.run(["stats", TestData.fixtures.appendingPathComponent("bad-input").path])
        #expect(output.status == 1)
        let errors = output.stderr.split(separator: "\n")
        #expect(errors.count == 8)
        #expect(errors.allSatisfy { $0.contains(": error: ") })
        #expect(output.stdout.contains("Skipped (8)"))
    }

    @Test func nothingReadableExitsTwo() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let output = try ChanceryProcess.run(["stats", folder.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("empty.txt: error: empty file"))
    }

    @Test(arguments: [["stats", "/nonexistent/folder"], ["stats"], ["stats", "--no-such-flag", "."], ["no-such-command"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let output = try ChanceryProcess.run(arguments)
        #expect(output.status == 2)
        #expect(!output.stderr.isEmpty)
    }

    @Test func missingPathIsNamed() throws {
        let output = try ChanceryProcess.run(["stats", "/nonexistent/folder"])
        #expect(output.stderr.contains("/nonexistent/folder"))
        #expect(output.stderr.contains("no such file or folder"))
    }

    @Test func helpExitsZero() throws {
        let output = try ChanceryProcess.run(["--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("stats"))
        #expect(output.stdout.contains("Exit status"))
    }
}
