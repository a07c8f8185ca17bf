import ChanceryCorpus
import ChanceryTestSupport
import Testing

@testable import ChanceryAnalytics

@Suite struct CorpusStatisticsTests {
    @Test func countsTokensTypesAndMedianOfAHandMadeCorpus() {
        let documents = [
            Document(id: "a", file: "a.txt", format: .plainText, title: "A",
                     date: DocumentDate(value: try! HistoricalDate(year: 1962, month: 12, day: 8), text: "", provenance: .dateline),
                     body: "Aid and trade. Aid again."),
            Document(id: "b", file: "b.txt", format: .plainText, title: "B", date: nil, body: "Self-reliance [us]."),
            Document(id: "c", file: "c.txt", format: .wilsonExport, title: "C",
                     date: DocumentDate(value: try! HistoricalDate(year: 1887), text: "1887", provenance: .metadata),
                     body: "Trade"),
        ]
        let statistics = CorpusStatistics(Corpus(root: "toy", documents: documents))
        // a: aid, and, trade, aid, again (5); b: self-reliance, us (2); c: trade (1).
        #expect(statistics.tokens == 8)
        #expect(statistics.types == 6)
        #expect(statistics.documents == 3)
        #expect(statistics.medianLength == 2)
        #expect(abs(statistics.meanLength - 8.0 / 3.0) < 1e-12)
        #expect(statistics.firstDate == "1887")
        #expect(statistics.lastDate == "1962-12-08")
        #expect(statistics.undated == 1)
        #expect(statistics.years.map(\.label) == ["1887", "1962"])
        #expect(statistics.formats.first { $0.label == "plain-text" }?.count == 2)
        #expect(statistics.editorialSpans == [.init(label: "insertion", count: 1)])
    }

    @Test func medianOfEvenCountIsMeanOfMiddlePair() {
        #expect(CorpusStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(CorpusStatistics.median([]) == 0)
    }
}
