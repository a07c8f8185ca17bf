import ChanceryTestSupport
import Foundation
import Testing

/// Numeric options out of range are refused with a message that gives the range, before anything is
/// read; values in range still run (issue 14, "Smaller": options).
@Suite struct OptionValidationTests {
    static let demo = TestData.demoCorpus.path
    static let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-never-written-\(UUID().uuidString)").path

    @Test(arguments: [
        (["terms", demo, "--ngram", "1-99999999999999999999"], "--ngram takes 1, 2 or 3 (words per n-gram) or a range of them such as 1-3, not \"1-99999999999999999999\""),
        (["terms", demo, "--ngram=-1"], "--ngram takes 1, 2 or 3"),
        (["terms", demo, "--ngram", "3-1"], "--ngram takes 1, 2 or 3"),
        (["terms", demo, "--ngram", "1-4"], "--ngram takes 1, 2 or 3"),
        (["terms", demo, "--ngram", "1-"], "--ngram takes 1, 2 or 3"),
        (["report", demo, "--out", nowhere, "--ngram", "0-2"], "--ngram takes 1, 2 or 3"),
        (["kwic", demo, "aid", "--window=-1"], "--window must be from 0 to 1,000 (tokens on each side), not -1"),
        (["kwic", demo, "aid", "--window", "9223372036854775807"], "--window must be from 0 to 1,000 (tokens on each side), not 9223372036854775807"),
        (["topics", demo, "--kwic", "--window=-1"], "--window must be from 0 to 1,000"),
        (["report", demo, "--out", nowhere, "--window", "1001"], "--window must be from 0 to 1,000"),
        (["terms", demo, "--collocates", "aid", "--window", "0"], "--window must be from 1 to 1,000 (tokens on each side), not 0"),
        (["timeline", demo, "--from", "1963", "--to", "1962"], "--from 1963 is after --to 1962: no event can lie between them"),
        (["timeline", demo, "--from", "1962-12-02", "--to", "1962-12-01"], "--from 1962-12-02 is after --to 1962-12-01"),
        (["terms", demo, "--target", "1966..1962"], "--target 1966..1962: the range starts after it ends; write the earlier date first (1962..1966)"),
        (["terms", demo, "--min-count=-3"], "--min-count must be at least 1, not -3"),
        (["terms", demo, "--collocates", "aid", "--min-freq=-1"], "--min-freq must be at least 1, not -1"),
        (["topics", demo, "--keywords", "--per-document=-1"], "--per-document must be at least 1, not -1"),
        (["terms", demo, "--top", "0"], "--top must be at least 1, not 0"),
    ])
    func outOfRangeIsRefused(_ arguments: [String], _ message: String) throws {
        let run = try ChanceryProcess.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: Self.nowhere))
    }

    @Test(arguments: [
        ["terms", demo, "--ngram", "1..2", "--top", "3"],
        ["terms", demo, "--ngram", "2", "--top", "3"],
        ["kwic", demo, "aid", "--window", "0", "--top", "3"],
        ["kwic", demo, "aid", "--window", "1000", "--top", "3"],
        ["terms", demo, "--collocates", "aid", "--window", "1", "--min-freq", "1"],
        // December 1962 lies in both: not a reversed range.
        ["timeline", demo, "--from", "1962-12", "--to", "1962"],
        ["terms", demo, "--target", "1962..1966", "--top", "3"],
    ])
    func valuesInRangeRun(_ arguments: [String]) throws {
        let run = try ChanceryProcess.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count >= 2, "\(arguments): \(run.stdout)")
    }
}
