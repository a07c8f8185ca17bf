import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTestSupport
import Testing

/// The calls of Sources/ChanceryPipeline/ChanceryPipeline.docc/GettingStarted.md, with plain imports (public API
/// only), and what the article says they print.
@Suite struct PipelineGettingStartedTests {
    @Test func theArticlesCallsDoWhatItSays() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let analysis = CorpusAnalysis(corpus: corpus, options: AnalysisOptions())
        #expect(analysis.documents.count == corpus.documents.count)
        #expect(analysis.terms.rows.first?.term == TermFrequencies(Self.counter(corpus)).rows.first?.term)
        #expect(analysis.eventCount > 0)

        let events = CorpusAnalysis(corpus: corpus, options: AnalysisOptions(parts: [.timeline]))
        #expect(events.terms.rows.isEmpty)
        #expect(events.eventCount == analysis.eventCount)
        #expect(Array(events.timelineEvents.prefix(3)).count == 3)
    }

    private static func counter(_ corpus: Corpus) -> TermCounter {
        var counter = TermCounter(options: TermOptions(ngrams: 1...3))
        for document in corpus.documents { counter.add(TokenizedDocument(document)) }
        return counter
    }
}
