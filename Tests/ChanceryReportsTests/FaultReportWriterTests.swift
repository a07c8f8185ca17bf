import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// The report writer when an input file vanishes or the run is stopped, step by step, without timing:
/// FaultTests (ChanceryCLITests) does the same to a running `chancery`.
@Suite struct FaultReportWriterTests {
    static func options() throws -> AnalysisOptions {
        AnalysisOptions(lexicon: try Lexicon(yaml: "aid: [aid, assistance]\n", source: "test.yml"))
    }

    static var writing: ReportOptions {
        var options = ReportOptions()
        options.formats = [.csv, .markdown]
        return options
    }

    /// The demo corpus copied into a temporary folder, so files can be deleted.
    static func corpusFolder() throws -> (work: URL, input: URL) {
        let work = try TestData.temporaryFolder("chancery-fault-writer")
        let input = work.appendingPathComponent("input")
        try FileManager.default.copyItem(at: TestData.demoCorpus, to: input)
        return (work, input)
    }

    static let vanishing = "08_cuban-events-military-aid.txt"

    @Test func aFileGoneBeforeItIsReadIsSkippedAndTheManifestHasNoDigestForIt() throws {
        let (work, input) = try Self.corpusFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let listing = try InputFiles.list(input.path)
        let files = listing.files
        try FileManager.default.removeItem(at: input.appendingPathComponent(Self.vanishing))
        let report = CorpusAnalysis(listing, root: input.path, options: try Self.options())
        #expect(report.skipped.map(\.description) == ["\(Self.vanishing): error: cannot read the file: No such file or directory"])
        #expect(report.documents.count == files.count - 1)

        let out = work.appendingPathComponent("report")
        _ = try ReportWriter.write(report, options: Self.writing, to: out.path, version: "test")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let gone = try #require(inputs.first { $0["file"] as? String == Self.vanishing })
        #expect(gone["sha256"] as? String == "")
        #expect(inputs.filter { ($0["sha256"] as? String)?.count == 64 }.count == files.count - 1)
    }

    @Test func aFileGoneAfterItWasReadFailsTheReportAndLeavesNothing() throws {
        try Self.expectReportFails { try FileManager.default.removeItem(at: $0) }
    }

    /// The digests are taken as the files are read; a file rewritten before the manifest is written would make
    /// the manifest vouch for bytes that are no longer there, so the report fails instead.
    @Test func aFileChangedAfterItWasReadFailsTheReport() throws {
        try Self.expectReportFails { file in
            try (try Data(contentsOf: file) + Data("\nA line added later.\n".utf8)).write(to: file)
        }
    }

    /// Reads the corpus, does `alter` to one of its files, then writes the report: it must fail, naming the file,
    /// and leave nothing beside the input.
    private static func expectReportFails(after alter: (URL) throws -> Void) throws {
        let (work, input) = try corpusFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let report = CorpusAnalysis(corpus: try Corpus.load(input.path), options: try options())
        try alter(input.appendingPathComponent(vanishing))

        let out = work.appendingPathComponent("report")
        #expect {
            try ReportWriter.write(report, options: writing, to: out.path, version: "test")
        } throws: { error in
            "\(error)".hasPrefix("\(vanishing): the input file vanished or changed during the run")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["input"])
    }

    /// What a signal handler does: the temporary folder, with what was written in it, is gone.
    @Test func stoppingRemovesTheTemporaryFolder() throws {
        let work = try TestData.temporaryFolder("chancery-fault-stop")
        defer { try? FileManager.default.removeItem(at: work) }
        let temporary = work.appendingPathComponent(".report.chancery-partial-1")
        let interruption = ReportWriter.Interruption()
        try interruption.claim(temporary) {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
            try Data("half".utf8).write(to: temporary.appendingPathComponent("terms.csv"))
        }
        #expect(interruption.stop() == .partialRemoved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == [])
    }

    @Test func stoppingAfterTheSwapKeepsTheReport() throws {
        let work = try TestData.temporaryFolder("chancery-fault-stop-late")
        defer { try? FileManager.default.removeItem(at: work) }
        let temporary = work.appendingPathComponent(".report.chancery-partial-1")
        let target = work.appendingPathComponent("report")
        let interruption = ReportWriter.Interruption()
        try interruption.claim(temporary) { try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false) }
        try interruption.release { try FileManager.default.moveItem(at: temporary, to: target) }
        #expect(interruption.stop() == .alreadyWritten)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["report"])
    }

    @Test func stoppingBeforeAnythingIsWrittenRemovesNothing() throws {
        let work = try TestData.temporaryFolder("chancery-fault-stop-early")
        defer { try? FileManager.default.removeItem(at: work) }
        try Data("keep".utf8).write(to: work.appendingPathComponent("notes.txt"))
        #expect(ReportWriter.Interruption().stop() == .nothingWritten)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["notes.txt"])
    }
}
