import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

/// The calls of Sources/ChanceryAnalytics/ChanceryAnalytics.docc/GettingStarted.md, as the article writes them,
/// with plain imports (public API only), and what the article says they print. DocC does not compile an
/// article's code; this test does, so an article that no longer builds or says the wrong thing fails here.
@Suite struct AnalyticsGettingStartedTests {
    @Test func countTopicsAndKeyness() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let documents = corpus.tokenizedDocuments()

        let statistics = CorpusStatistics(corpus)
        #expect("\(statistics.documents) documents, \(statistics.tokens) tokens, \(statistics.types) types"
            == "14 documents, 3750 tokens, 1102 types")

        var counter = TermCounter(options: TermOptions(ngrams: 1...2))
        for document in documents { counter.add(document) }
        let terms = TermFrequencies(counter)
        #expect(terms.rows.prefix(3).map { "\($0.term) \($0.count) \($0.documentFrequency)" }
            == ["korean 54 14", "trade 37 14", "said 26 10"])
        #expect(terms.rows.contains { $0.n == 2 })

        let lexiconURL = TestData.packageRoot.appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")
        let lexicon = try Lexicon(contentsOf: lexiconURL)
        var lines: [KWICLine] = []
        let topics = TopicAnalysis(documents, lexicon: lexicon) { document, matches in
            lines += KeywordInContext.lines(matches, in: document) { lexicon.topics[$0.topic].name }
        }
        #expect(topics.periods(by: .year).prefix(3).map { "\($0.period) \($0.topic) \($0.hits)" }
            == ["1887 self-reliance 0", "1887 aid 3", "1887 trade 3"])
        #expect(lines.prefix(2).map { "\($0.left) [\($0.match)] \($0.right)" }
            == ["3 of last year, the [trade] of this port has grown", "to look for a foreign [loan] ."])

        let year = documents.first { $0.document.date != nil }!.document.date!.value.year
        var target = TermCounter(), reference = TermCounter()
        for document in documents {
            if document.document.date?.value.year == year { target.add(document) } else { reference.add(document) }
        }
        let keyness = Keyness(target: target, reference: reference, label: String(year))
        #expect(keyness.rows.prefix(2).map { "\($0.term) \($0.g2) \($0.pValue)" } == [
            "court 15.34917192856137 8.936008488838312e-05", "customs 15.34917192856137 8.936008488838312e-05",
        ])
    }
}
