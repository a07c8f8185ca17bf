import ChanceryTestSupport
import Foundation
import Testing

/// What `chancery report` says about its keyness (issue 16): the filters in the manifest, both sides' documents
/// and tokens in `keyness.csv` and the summary, and a warning on stderr and in the summary for a thin side.
@Suite struct KeynessReportTests {
    @Test func theDemoReportShowsBothSidesAndCautionsThinYears() throws {
        let out = try TestData.temporaryFolder("chancery-keyness-report").appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path, "--formats", "csv,md"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("keyness.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["group", "term", "n", "count_target", "count_reference", "g2", "log_ratio", "p_value",
                                "target_documents", "target_tokens", "reference_documents", "reference_tokens"])
        // The demo's 14 documents over 8 years: every year has fewer than 5 and every row says so.
        let rows = lines.dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.count == 12 && Int($0[8])! + Int($0[10])! == 14 && Int($0[8])! < 5 && Int($0[3])! >= 2 })
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("**Caution:** keyness with fewer than 5 documents on a side"))
        #expect(summary.contains("1887: 1 document against 13 documents; 1956: 1 document against 13 documents"))
        #expect(summary.contains(" documents, ") && summary.contains(" tokens against 1"))
        #expect(run.stderr.contains("warning: keyness with fewer than 5 documents on a side") && run.stderr.contains("1962: 2 documents against 12"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let keyness = try #require((manifest["options"] as? [String: Any])?["keyness"] as? [String: Any])
        #expect(keyness["min_count_target"] as? Int == 2)
        #expect(keyness["letters_only"] as? Bool == true)
        #expect(keyness["p_below"] as? Double == 0.05)
        #expect(keyness["multiple_testing_correction"] as? String == "none")
        #expect(keyness["correction"] as? String == "none")
    }
}
