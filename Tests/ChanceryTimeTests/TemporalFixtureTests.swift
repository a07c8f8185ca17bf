import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics
@testable import ChanceryTime
@testable import ChanceryCorpus

/// One expected expression of the annotated test file.
struct AnnotatedExpression: Equatable {
    var range: Range<Int>
    var text: String
    var value: String
    var resolution: String
    var impliedStart: String?
}

/// A block of `Tests/Fixtures/temporal/annotated.txt`: a document date, a body, the expressions expected in it.
struct AnnotatedBlock {
    var heading: String
    var date: HistoricalDate?
    var body: String
    var expected: [AnnotatedExpression]
    var sentences: Int

    static func load() throws -> [AnnotatedBlock] {
        let url = TestData.fixtures.appendingPathComponent("temporal/annotated.txt")
        var blocks: [AnnotatedBlock] = []
        var current: (String, HistoricalDate?, [String])?
        func finish() {
            guard let (heading, date, lines) = current else { return }
            var body = ""
            var expected: [AnnotatedExpression] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { body += "\n\n" }
                var rest = Substring(line)
                while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                    body += rest[..<open]
                    let fields = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
                    let start = body.utf8.count
                    body += fields[0]
                    expected.append(AnnotatedExpression(range: start..<body.utf8.count, text: fields[0], value: fields[1],
                                                        resolution: fields[2], impliedStart: fields.count > 3 ? fields[3] : nil))
                    rest = rest[rest.index(after: close)...]
                }
                body += rest
            }
            blocks.append(AnnotatedBlock(heading: heading, date: date, body: body, expected: expected, sentences: lines.count))
        }
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                finish()
                let words = line.dropFirst(3).split(separator: " ", maxSplits: 1)
                current = (String(line.dropFirst(3)), HistoricalDate(iso: words[0]), [])
            } else if !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                current?.2.append(String(line))
            }
        }
        finish()
        return blocks
    }
}

/// Scores of the tagger on the annotated file, in TempEval's terms.
struct TemporalScores: CustomStringConvertible {
    var gold = 0, found = 0, strict = 0, relaxed = 0, valueCorrect = 0, resolutionCorrect = 0, startCorrect = 0, starts = 0
    var misses: [String] = []

    var precision: Double { Double(relaxed) / Double(max(found, 1)) }
    var recall: Double { Double(relaxed) / Double(max(gold, 1)) }
    var f1: Double { 2 * precision * recall / max(precision + recall, 1e-9) }
    var strictF1: Double {
        let p = Double(strict) / Double(max(found, 1)), r = Double(strict) / Double(max(gold, 1))
        return 2 * p * r / max(p + r, 1e-9)
    }
    /// Correct values among the relaxed matches (TempEval-2's "value accuracy").
    var valueAccuracy: Double { Double(valueCorrect) / Double(max(relaxed, 1)) }
    /// TempEval-3's value F1: a match counts only with the right value.
    var valueF1: Double {
        let p = Double(valueCorrect) / Double(max(found, 1)), r = Double(valueCorrect) / Double(max(gold, 1))
        return 2 * p * r / max(p + r, 1e-9)
    }

    var description: String {
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        return "gold \(gold), found \(found); relaxed P \(pct(precision)) R \(pct(recall)) F1 \(pct(f1)); strict F1 \(pct(strictF1)); "
            + "value accuracy \(pct(valueAccuracy)) (value F1 \(pct(valueF1))); resolution \(resolutionCorrect)/\(relaxed); implied starts \(startCorrect)/\(starts)"
    }
}

@Suite struct TemporalFixtureTests {
    static func score() throws -> (TemporalScores, Int, Int) {
        let tagger = TemporalTagger()
        var scores = TemporalScores()
        var rejected = 0
        var sentences = 0
        for block in try AnnotatedBlock.load() {
            let date = block.date.map { DocumentDate(value: $0, text: $0.iso, provenance: .metadata) }
            let document = TokenizedDocument(Document(id: block.heading, file: "annotated.txt", format: .plainText, title: block.heading, date: date, body: block.body))
            sentences += document.sentences.count
            let tagging = tagger.tag(document)
            rejected += tagging.rejected.count
            let found = tagging.expressions.filter { !$0.isEditorial }
            scores.gold += block.expected.count
            scores.found += found.count
            for gold in block.expected {
                guard let match = found.first(where: { $0.range.overlaps(gold.range) }) else {
                    scores.misses.append("\(block.heading): missed \"\(gold.text)\"")
                    continue
                }
                scores.relaxed += 1
                if match.range == gold.range { scores.strict += 1 } else { scores.misses.append("\(block.heading): span \"\(match.text)\" for \"\(gold.text)\"") }
                if match.value == gold.value { scores.valueCorrect += 1 } else { scores.misses.append("\(block.heading): \"\(gold.text)\" = \(match.value), expected \(gold.value)") }
                if match.resolution.rawValue == gold.resolution { scores.resolutionCorrect += 1 } else { scores.misses.append("\(block.heading): \"\(gold.text)\" resolved \(match.resolution), expected \(gold.resolution)") }
                if let start = gold.impliedStart {
                    scores.starts += 1
                    if match.impliedStart?.iso == start { scores.startCorrect += 1 } else { scores.misses.append("\(block.heading): \"\(gold.text)\" starts \(match.impliedStart?.iso ?? "-"), expected \(start)") }
                }
            }
            for extra in found where !block.expected.contains(where: { $0.range.overlaps(extra.range) }) {
                scores.misses.append("\(block.heading): spurious \"\(extra.text)\" = \(extra.value)")
            }
        }
        return (scores, rejected, sentences)
    }

    @Test func theAnnotatedFileHasAtLeastSixtySentences() throws {
        let blocks = try AnnotatedBlock.load()
        #expect(blocks.map(\.sentences).reduce(0, +) >= 60)
        #expect(blocks.map(\.expected.count).reduce(0, +) >= 60)
    }

    /// Precision, recall and value accuracy on the annotated file; the figures are printed for the closing note.
    @Test func taggerScoresOnTheAnnotatedFile() throws {
        let (scores, rejected, sentences) = try Self.score()
        print("Temporal annotated file (\(sentences) sentences): \(scores)")
        for miss in scores.misses { print("  \(miss)") }
        #expect(rejected == 2, "31 February 1962 and 31 April are rejected")
        #expect(scores.precision >= 0.95)
        #expect(scores.recall >= 0.95)
        #expect(scores.valueAccuracy >= 0.9)
        #expect(scores.resolutionCorrect * 10 >= scores.relaxed * 9)
        #expect(scores.startCorrect == scores.starts)
    }
}
