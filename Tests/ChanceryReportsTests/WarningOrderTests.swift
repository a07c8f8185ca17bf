import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// The analysis lists its warnings file by file, as `Corpus.load` does; a report lists those of numbering
/// repeated ids after those of reading (`ReportTables.warnings`), as it always has, in `skipped.csv`, the
/// manifest and the summary.
@Suite struct WarningOrderTests {
    @Test func aReportListsTheRenamingsAfterTheReadingWarnings() throws {
        let work = try TestData.temporaryFolder("chancery-warning-order")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: false)
        // a.md and a.txt are both "a"; b.txt's dateline year cannot be used.
        let files = [
            "a.md": "Aid talks\n\nMoscow, 12 March 1962\n\nThe delegation asked for aid.",
            "a.txt": "Aid talks again\n\nMoscow, 14 March 1962\n\nThe delegation asked for more aid.",
            "b.txt": "Trade note\n\nBerlin, June 5, 3962\n\nThe talks resumed.",
        ]
        for (name, text) in files { try text.write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let analysis = CorpusAnalysis(try InputFiles.list(input.path), root: input.path,
                                      options: AnalysisOptions(lexicon: try Lexicon(yaml: "aid: [aid]\n", source: "test.yml")))
        #expect(analysis.warnings.map(\.code) == [.repeatedID, .unusableDate])
        #expect(ReportTables.warnings(analysis).map(\.code) == [.unusableDate, .repeatedID])

        var options = ReportOptions()
        options.formats = [.csv, .markdown]
        let out = work.appendingPathComponent("report")
        _ = try ReportWriter.write(analysis, options: options, to: out.path, version: "test")
        let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
        #expect(skipped.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").last.map(String.init) }
                == ["warning", "warning"])
        #expect(skipped.split(separator: "\r\n").dropFirst().map { String($0.prefix(5)) } == ["b.txt", "a.txt"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let warnings = try #require(manifest["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["code"] as? String } == ["unusable-date", "repeated-id"])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        let b = try #require(summary.range(of: "| b.txt |")), a = try #require(summary.range(of: "| a.txt |"))
        #expect(b.lowerBound < a.lowerBound)
    }
}
