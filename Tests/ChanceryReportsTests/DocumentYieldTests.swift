import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import ChanceryTime
import Foundation
import Testing

@testable import ChanceryReports

/// What a document yields in proportion to its hits and dates (KWIC lines, events, its page) is stored or
/// written as it is made, not held (issue 14, item 16: a 100 MB document took 1.58 GB; one dense in topic hits and
/// dates has KWIC lines and events worth three times its text). Each test bounds the bytes held, from counts and
/// capacities, at two sizes; none measures the process's memory.
@Suite struct DocumentYieldTests {
    /// The demo corpus's bodies, each paragraph followed by a sentence with two dates and five topic hits, until
    /// the text holds `bytes` bytes or more.
    static func denseProse(_ bytes: Int) throws -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let paragraphs = try Corpus.load(TestData.demoCorpus.path).documents.flatMap { $0.body.components(separatedBy: "\n\n") }
        var text = ""
        var k = 0
        while text.utf8.count < bytes {
            for paragraph in paragraphs where text.utf8.count < bytes {
                k += 1
                text += (text.isEmpty ? "" : "\n\n") + paragraph + "\n\nOn \(k % 28 + 1) \(months[k % 12]) \(1950 + k % 40) the delegation "
                    + "again asked for economic aid, credits and military assistance, relying on our own strength; on "
                    + "\(months[(k + 5) % 12]) \(k % 27 + 1), \(1951 + k % 39) the talks on reunification resumed."
            }
        }
        return text
    }

    static func tokenized(_ body: String) -> TokenizedDocument {
        let date = DocumentDate(value: try! HistoricalDate(year: 1958, month: 1, day: 11), text: "January 11, 1958", provenance: .dateline)
        return TokenizedDocument(Document(id: "dense", file: "dense.txt", format: .plainText, title: "Dense", date: date, body: body))
    }

    static let lexicon = try! Lexicon(yaml: "aid: [aid, assistance, credit*]\nself-reliance: [our own strength]\nunification: [reunification]\n",
                                      source: "test.yml")

    /// A report of a folder holding one plain-text file: a title, a dateline and `body`.
    static func report(_ body: String) throws -> CorpusReport {
        let folder = try TestData.temporaryFolder("chancery-yield")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ("Dense\n\nWashington, January 11, 1958\n\n" + body).write(to: folder.appendingPathComponent("dense.txt"), atomically: true, encoding: .utf8)
        return CorpusReport(corpus: try Corpus.load(folder.path), options: ReportOptions(lexicon: Self.lexicon, lexiconBytes: []))
    }

    /// The KWIC lines of a document, stored a batch at a time, read back as `KeywordInContext` made them, whole or by
    /// topic, from disk or (when no temporary file can be made) from memory.
    @Test(arguments: [true, false]) func kwicLinesReadBackAsTheyWereMade(onDisk: Bool) throws {
        let document = Self.tokenized(try Self.denseProse(30_000))
        let matcher = TopicMatcher(lexicon: Self.lexicon)
        let matches = matcher.matches(in: document)
        let names = Self.lexicon.topics.map(\.name)
        let lines = KeywordInContext.lines(matches, in: document) { names[$0.topic] }
        #expect(lines.count > 100)
        let records = onDisk ? RecordStore(holding: "kwic") : RecordStore(holding: "kwic", in: "/nonexistent-chancery-folder")
        var stored = KWICRecords(store: KWICStore(topics: names, records: records), batchBytes: 2_000)
        for (line, match) in zip(lines, matches) { stored.append(line, topic: match.topic) }
        stored.finish()
        #expect(records.isOnDisk == onDisk)
        #expect(stored.batches.count > 5 && stored.count == lines.count)
        var readBack: [KWICLine] = []
        stored.forEachLine(documentID: "dense", date: document.document.date?.value) { readBack.append($0) }
        #expect(readBack == lines)
        for name in names {
            var ofTopic: [KWICLine] = []
            stored.forEachLine(documentID: "dense", date: document.document.date?.value, topic: name) { ofTopic.append($0) }
            #expect(ofTopic == lines.filter { $0.topic == name })
            #expect(stored.hasLines(topic: name) == !ofTopic.isEmpty)
        }
    }

    /// A document's events, stored a batch at a time as they are made, read back as `EventBuilder` made them.
    @Test func eventsStoredInBatchesReadBackAsTheyWereMade() throws {
        let document = Self.tokenized(try Self.denseProse(30_000))
        let events = EventBuilder().events(document).map { event in
            var event = event
            event.expressions = []
            return event
        }
        #expect(events.count > 50)
        let store = EventStore()
        var records = EventRecords(batchBytes: 2_000)
        var largestPending = 0
        for event in events {
            records.append(event, to: store)
            largestPending = max(largestPending, records.pendingBytes)
        }
        records.finish(in: store)
        store.append(records, owner: 0)
        #expect(records.batches.count > 5 && store.count == events.count)
        #expect(largestPending <= 16_000, "\(largestPending) bytes of events held before they were stored")
        for (index, event) in events.enumerated() { #expect(store.event(index, documentID: "dense") == event) }
    }

    /// What a document's report keeps of its KWIC lines once analysed is its batches' numbers: the same few bytes
    /// for twice the text and twice the lines (its lines were kept as `KWICLine`s, some two hundred bytes each,
    /// until the report was written). Its lines and events read back whole.
    @Test func aDocumentsReportKeepsItsLinesOnDisk() throws {
        let small = try Self.report(try Self.denseProse(150_000)), large = try Self.report(try Self.denseProse(300_000))
        let smallLines = small.documents[0].kwicCount, largeLines = large.documents[0].kwicCount
        #expect(smallLines > 1_000 && largeLines >= smallLines * 2 - 10)
        #expect(small.documents[0].kwicRecords.heldBytes <= 64 && large.documents[0].kwicRecords.heldBytes <= 64,
                "\(small.documents[0].kwicRecords.heldBytes) and \(large.documents[0].kwicRecords.heldBytes) bytes held for the lines")
        #expect(small.documents[0].kwic.count == smallLines)
        #expect(large.eventCount(of: 0) == large.events(of: 0).count && large.eventCount(of: 0) > 1_000)
        #expect(large.documents[0].eventRecords.count == 0)
    }

    /// The tagger hands a document's expressions over a sentence at a time, in text order, and they are its
    /// expressions; the events made from them one by one are those made from the whole tagging.
    @Test func theTaggerHandsOverASentenceAtATime() throws {
        let document = Self.tokenized(try Self.denseProse(60_000))
        let tagger = TemporalTagger()
        let whole = tagger.tag(document)
        var handed: [TemporalExpression] = []
        var sentences: [Int] = []
        let rejected = tagger.tag(document, documentDate: document.document.date?.value) { sentence, expressions in
            #expect(!expressions.isEmpty && expressions.allSatisfy { $0.sentence == sentence })
            sentences.append(sentence)
            handed += expressions
        }
        #expect(handed == whole.expressions && rejected == whole.rejected)
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0 < $1 } && sentences.count > 100)
        let builder = EventBuilder(tagger: tagger)
        var streamed: [TemporalEvent] = []
        _ = builder.forEachEvent(document) { streamed.append($0) }
        #expect(streamed == builder.events(document))
    }

    /// A page written in pieces is the page made whole, and no piece is much larger than asked.
    @Test func aPageWrittenInPiecesIsThePageMadeWhole() throws {
        let report = try Self.report(try Self.denseProse(60_000))
        let whole = DocumentMarkdown.render(report.documents[0], topTerms: report.topTerms(of: 0), keywords: report.keywords(of: 0),
                                            events: report.events(of: 0))
        final class Pieces: PageOutput {
            var pieces: [String] = []
            func write(_ piece: String) { pieces.append(piece) }
        }
        let pieces = Pieces()
        try DocumentMarkdown.render(report.documents[0], topTerms: report.topTerms(of: 0), keywords: report.keywords(of: 0),
                                    eventCount: report.eventCount(of: 0), forEachEvent: { try report.forEachEvent(of: 0, $0) },
                                    to: pieces, pieceBytes: 4_000)
        #expect(pieces.pieces.joined() == whole)
        #expect(pieces.pieces.count > 10 && pieces.pieces.allSatisfy { $0.utf8.count < 4_000 + 1_000 })
    }
}
