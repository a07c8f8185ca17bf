import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// What a report keeps on disk instead of memory (events, document vectors) reads back as it was,
/// and the timeline ordered from the stored keys is the timeline of the documents' events.
@Suite struct ReportStoreTests {
    /// The demo corpus's events as the report's tagger finds them, and one event with every field set.
    static func events() throws -> [TemporalEvent] {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let builder = EventBuilder(tagger: TemporalTagger())
        var events = corpus.documents.flatMap { builder.events(TokenizedDocument($0)) }
        events.append(TemporalEvent(
            date: try HistoricalDate(decade: 1950), documentID: "every-field", documentDate: try HistoricalDate(year: 1962, month: 12, day: 8),
            expression: "the late 1950s", resolution: .narrative, kind: .duration, value: "195X", modifier: .end, isVague: true,
            duration: TemporalDuration(amount: nil, unit: .month), impliedStart: try HistoricalDate(year: 1958, month: 2),
            namedEvents: ["Great Leap Forward", ""], sentence: "Pak Geum-cheol – Чжоу — 周恩来 said so.\n", sentenceIndex: 0,
            characterStart: 1 << 40, actors: ["Pak Geum-cheol", "Чжоу"], topics: ["economy.aid", "self-reliance"]))
        return events.map { event in
            var event = event
            event.expressions = []
            return event
        }
    }

    @Test(arguments: [true, false]) func eventsReadBackAsTheyWereStored(onDisk: Bool) throws {
        let events = try Self.events()
        #expect(events.count > 20)
        #expect(events.contains { $0.duration != nil } && events.contains { $0.modifier != nil } && events.contains { !$0.actors.isEmpty })
        let records = onDisk ? RecordStore(holding: "events") : RecordStore(holding: "events", in: "/nonexistent-chancery-folder")
        let store = EventStore(records: records)
        // Two rounds, as a report appends them.
        let half = events.count / 2
        store.append(Array(events[..<half]), owners: (0..<half).map { Int32($0) })
        store.append(Array(events[half...]), owners: (half..<events.count).map { Int32($0) })
        #expect(records.isOnDisk == onDisk)
        #expect(store.count == events.count)
        #expect(store.owners == (0..<events.count).map { Int32($0) })
        for (record, event) in events.enumerated().reversed() {
            #expect(store.event(record, documentID: event.documentID) == event)
        }
    }

    @Test func theTimelineFromStoredKeysIsTheTimelineOfTheEvents() throws {
        let events = try Self.events()
        let store = EventStore()
        store.append(events, owners: events.indices.map { Int32($0) })
        let order = store.timelineOrder { events[Int($0)].documentID }
        #expect(order.map { events[Int($0)] } == Timeline(events: events).events)
    }

    /// A folder holding `source` twice, in `a/` and `b/`.
    static func twice(_ source: URL) throws -> URL {
        let input = try TestData.temporaryFolder("chancery-store-input")
        for copy in ["a", "b"] { try FileManager.default.copyItem(at: source, to: input.appendingPathComponent(copy)) }
        return input
    }

    /// Each document's events, read back from the store, carry its id, and all of them together, put in order
    /// as `Timeline` orders events, are the report's timeline.
    static func expectEventsFollowTheirDocuments(_ report: CorpusReport) -> [TemporalEvent] {
        var perDocument: [TemporalEvent] = []
        for index in report.documents.indices {
            let events = report.events(of: index)
            #expect(events.allSatisfy { $0.documentID == report.documents[index].document.id })
            perDocument += events
        }
        let timeline = Array(report.timelineEvents)
        #expect(timeline.count == report.eventCount)
        #expect(timeline.count == perDocument.count)
        #expect(timeline == Timeline(events: perDocument).events)
        return timeline
    }

    static func options() throws -> ReportOptions {
        ReportOptions(lexicon: try Lexicon(yaml: "aid: [aid, assistance]\n", source: "test.yml"), lexiconBytes: [])
    }

    @Test func aReportsEventsFollowTheirDocuments() throws {
        let input = try Self.twice(TestData.demoCorpus)
        defer { try? FileManager.default.removeItem(at: input) }
        let report = CorpusReport(corpus: try Corpus.load(input.path), options: try Self.options())
        let timeline = Self.expectEventsFollowTheirDocuments(report)
        #expect(timeline.count > 40)
        #expect(timeline.filter { $0.documentID.hasPrefix("b/") }.count * 2 == timeline.count)
    }

    /// A FRUS volume read twice: the second copy's documents are numbered (`frus1961-63v22-d1~2`), and their
    /// events, named when read back from the store, carry the numbered ids.
    @Test(needsSharedCorpora) func aRenamedDocumentsEventsCarryItsNewID() throws {
        let input = try Self.twice(try TestData.shared("frus-dev"))
        defer { try? FileManager.default.removeItem(at: input) }
        let report = CorpusReport(corpus: try Corpus.load(input.path), options: try Self.options())
        #expect(report.documents.filter { $0.document.id.hasSuffix("~2") }.count * 2 == report.documents.count)
        let timeline = Self.expectEventsFollowTheirDocuments(report)
        #expect(timeline.count > 100)
        #expect(timeline.filter { $0.documentID.hasSuffix("~2") }.count * 2 == timeline.count)
    }

    @Test(arguments: [true, false]) func documentVectorsReadBack(onDisk: Bool) {
        let store = VectorStore(records: onDisk ? RecordStore(holding: "vectors") : RecordStore(holding: "vectors", in: "/nonexistent-chancery-folder"))
        let vectors = (0..<50).map { k in
            DocumentTermVector(documentID: "d\(k)", tokens: k * 7, entries: (0..<k).map { (term: Int32($0 * 3 - 20), count: Int32($0 + 1)) })
        }
        store.append(Array(vectors[..<20]))
        store.append(Array(vectors[20...]))
        #expect(store.count == 50)
        #expect(store.tokens == vectors.map(\.tokens))
        for (index, vector) in vectors.enumerated() {
            #expect(store.entries(index).map { [$0.term, $0.count] } == vector.entries.map { [$0.term, $0.count] })
        }
    }
}
