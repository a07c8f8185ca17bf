import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import ChanceryTime
import Foundation
import Testing

@testable import ChanceryPipeline
@testable import ChanceryReports

/// Sentences are numbered from 1 in every output: the page's "(sentence N)", `sentence_index` in `kwic.csv`, the
/// KWIC sheet and the terminal, and in `timeline.csv` (issue 16: the seed's page cited sentence 25 where
/// `kwic.csv` said 24).
@Suite struct SentenceNumberTests {
    static func integers(_ table: Table, _ column: String) throws -> [Int] {
        let index = try #require(table.columnIndex(column))
        return try table.allRows().map { row in
            if case let .integer(value) = row[index] { return value }
            return 0
        }
    }

    /// The "(sentence N)" numbers of a page, in order.
    static func cited(_ page: String) -> [Int] {
        page.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "*(sentence ", options: .backwards) else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }

    @Test func theFirstSentenceIsOne() throws {
        let body = "Trade came first. Then aid, on 8 December 1962."
        let document = TokenizedDocument(Document(id: "n", file: "n.txt", format: .plainText, title: "n", date: nil, body: body))
        let lexicon = Lexicon(topics: [.init(name: "t", patterns: [try LexiconPattern("trade"), try LexiconPattern("aid")])], source: "test")
        let lines = KeywordInContext.lines(TopicMatcher(lexicon: lexicon).matches(in: document), in: document) { _ in "t" }
        #expect(lines.map(\.sentenceIndex) == [0, 1])
        #expect(try Self.integers(AnalysisTables.kwic(lines), "sentence_index") == [1, 2])
        let events = EventBuilder().events(document).filter { $0.sentenceIndex != nil }
        #expect(!events.isEmpty)
        #expect(try Self.integers(AnalysisTables.timeline(events), "sentence_index") == events.map { $0.sentenceIndex! + 1 })
    }

    /// The seed cable's page cites each KWIC line by the number `kwic.csv` gives it, and that sentence holds the match.
    @Test(needsSharedCorpora) func theSeedPageAndTableAgree() throws {
        let url = TestData.packageRoot.appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")
        let lexicon = try Lexicon(yaml: try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
        let corpus = try Corpus.load(try TestData.shared("seed").path)
        let analysis = CorpusAnalysis(corpus: corpus, options: AnalysisOptions(lexicon: lexicon))
        let report = try #require(analysis.documents.first)
        let document = try #require(corpus.tokenizedDocuments().first)
        let lines = analysis.kwicLines()
        #expect(lines.count > 10)
        let numbers = try Self.integers(AnalysisTables.kwic(lines), "sentence_index")
        for (line, number) in zip(lines, numbers) {
            #expect(document.sentences[number - 1].contains(line.offset), "line at \(line.offset) cited as sentence \(number)")
        }
        let page = DocumentMarkdown.render(report, topTerms: [], keywords: [], events: [])
        #expect(Self.cited(page).sorted() == numbers.sorted())
    }
}
