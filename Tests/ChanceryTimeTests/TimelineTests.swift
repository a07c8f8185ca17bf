import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics
@testable import ChanceryTime
@testable import ChanceryCorpus

@Suite struct TimelineTests {
    static func event(_ iso: String, _ modifier: DateModifier? = nil, document: String = "a", documentDate: String? = "1962-12-31", at position: Int? = 0) -> TemporalEvent {
        TemporalEvent(date: HistoricalDate(iso: iso)!, documentID: document, documentDate: documentDate.flatMap { HistoricalDate(iso: $0) },
                      expression: iso, resolution: .explicit, modifier: modifier, sentence: "", sentenceIndex: position, characterStart: position)
    }

    /// A month sorts before the days of that month; a year before its months; modifiers narrow where a partial date sorts.
    @Test func monthPrecisionSortsBeforeItsDays() {
        let events = [
            Self.event("1962-12-21"), Self.event("1962-12", .end), Self.event("1962-12-01"), Self.event("1962-12"),
            Self.event("1962"), Self.event("1962-11-30"), Self.event("1962-12", .start), Self.event("1962-12", .mid),
            Self.event("1962-12-11"), Self.event("1962", .spring), Self.event("1962-03-01"), Self.event("1962-10", .before),
        ]
        let order = Timeline(events: events).events.map { $0.date.iso + ($0.modifier.map { " " + $0.rawValue } ?? "") }
        #expect(order == [
            "1962", "1962 SP", "1962-03-01", "1962-10 BEFORE", "1962-11-30", "1962-12", "1962-12 START", "1962-12-01",
            "1962-12 MID", "1962-12-11", "1962-12 END", "1962-12-21",
        ])
    }

    @Test func tiesGoByDocumentDateThenDocumentThenPosition() {
        let events = [
            Self.event("1962-12-07", document: "b", documentDate: "1962-12-08", at: 5),
            Self.event("1962-12-07", document: "b", documentDate: "1962-12-08", at: 2),
            Self.event("1962-12-07", document: "a", documentDate: "1962-12-09", at: 0),
            Self.event("1962-12-07", document: "c", documentDate: "1962-12-08", at: 0),
            Self.event("1962-12-07", document: "d", documentDate: nil, at: 0),
        ]
        let order = Timeline(events: events).events.map { "\($0.documentID)@\($0.characterStart!)" }
        #expect(order == ["b@2", "b@5", "c@0", "a@0", "d@0"])
    }

    @Test func filtersByActorTopicAndDates() {
        var pak = Self.event("1962-12-07")
        pak.actors = ["Pak Geum-cheol"]
        pak.topics = ["economy.aid"]
        var kim = Self.event("1961-05")
        kim.actors = ["Kim Il Sung"]
        let decade = Self.event("196X")
        var pakistan = Self.event("1958-03-01")
        pakistan.actors = ["Pakistan", "Pakistani Embassy"]
        let timeline = Timeline(events: [pak, kim, decade, pakistan])
        // Whole words of a name, in order, any case (issue 16): "Pak" is not the start of "Pakistan".
        #expect(timeline.filtered(actor: "pak").events == [pak])
        #expect(timeline.filtered(actor: "Pak Geum").events == [pak])
        #expect(timeline.filtered(actor: "geum-cheol").events == [pak])
        #expect(timeline.filtered(actor: "Geum Pak").events.isEmpty)
        #expect(timeline.filtered(actor: "Il").events == [kim])
        #expect(timeline.filtered(actor: "pakistan").events == [pakistan])
        #expect(timeline.filtered(topic: "economy").events == [pak])
        #expect(timeline.filtered(topic: "econ").events.isEmpty)
        #expect(timeline.filtered(from: HistoricalDate(iso: "1962-01"), to: HistoricalDate(iso: "1962-12")).events == [pak])
        #expect(timeline.filtered(from: HistoricalDate(iso: "1961")).events == [kim, pak])
    }

    @Test func theDemoCorpusMakesOneOrderedTimeline() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let timeline = Timeline(corpus)
        #expect(timeline.events.count > corpus.documents.count)
        #expect(zip(timeline.events, timeline.events.dropFirst()).allSatisfy { !Timeline.precedes($1, $0) })
        // Every dated document contributes its own event.
        #expect(timeline.events.filter { $0.resolution == .document }.count == corpus.documents.filter { $0.date != nil }.count)
        // The same corpus gives the same timeline.
        #expect(Timeline(corpus).events == timeline.events)
    }
}
