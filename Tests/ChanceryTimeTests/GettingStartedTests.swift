import ChanceryCorpus
import ChanceryTestSupport
import ChanceryTime
import Foundation
import Testing

/// The calls of Sources/ChanceryTime/ChanceryTime.docc/GettingStarted.md, as the article writes them, with plain
/// imports (public API only), and what the article says they print. DocC does not compile an article's code; this
/// test does, so an article that no longer builds or says the wrong thing fails here.
@Suite struct TimeGettingStartedTests {
    @Test func tagAPieceOfText() throws {
        let tagger = TemporalTagger()
        let written = try HistoricalDate(year: 1962, month: 12, day: 28)
        let tagging = tagger.tag(
            "On 5 March the envoy arrived. Two days later he met the minister. A talk set for 30 February 1963 was not held.",
            documentDate: written)
        #expect(tagging.expressions.map { "\($0.text) \($0.value) \($0.resolution)" }
            == ["5 March 1962-03-05 relative", "Two days later 1962-03-07 narrative"])
        #expect(tagging.rejected.map(\.description)
            == [#"date "30 February 1963" does not exist: February 1963 has 28 days, not 30"#])
    }

    @Test func eventsOfADocumentAndATimeline() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let builder = EventBuilder()
        let events = builder.events(TokenizedDocument(corpus.documents[2])).prefix(3)
        #expect(events.map { "\($0.date.iso) \($0.resolution) \($0.expression)" }
            == ["1957-03-05 document March 5, 1957", "1957-03-05 relative Today", "1950-06 event the Korean War"])

        let timeline = Timeline(corpus, builder: builder)
        let sixties = timeline.filtered(from: try HistoricalDate(year: 1960), to: try HistoricalDate(year: 1963))
        #expect(sixties.events.prefix(4).map { "\($0.date.iso) \($0.documentID) \($0.expression)" } == [
            "1960 14_party-conference-1966 1960",
            "1960-08-27 06_gdr-long-term-credits 27 August [1960]",
            "1960-08-30 06_gdr-long-term-credits August 30, 1960",
            "1960-09 06_gdr-long-term-credits next month",
        ])
    }

    @Test func namedEventsOfYourOwn() throws {
        let written = try HistoricalDate(year: 1962, month: 12, day: 28)
        let mine = try EventGazetteer(yaml: """
            events:
              - name: Harbour Conference
                date: 1961-04
                aliases: [harbour conference]
                source: "the conference's own minutes"
            """, file: "my-events.yaml")
        let tagger2 = TemporalTagger(gazetteer: EventGazetteer.builtIn.merging(mine))
        let named = tagger2.tag("After the Harbour Conference the talks resumed.", documentDate: written)
        #expect(named.expressions.map { "\($0.text) \($0.value) \($0.events)" }
            == [#"the Harbour Conference 1961-04 ["Harbour Conference"]"#])
        // Without the file's event the tagger finds nothing there.
        #expect(TemporalTagger().tag("After the Harbour Conference the talks resumed.", documentDate: written)
            .expressions.isEmpty)
    }
}
