import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// What one document contributes to a corpus analysis, computed on its own (in parallel with others).
///
/// The document is kept without its body (`DocumentRecord`: its metadata, header, closing,
/// editorial marks and persons): the analyses have read it already, and
/// a large collection's text need not stay in memory while the results are written.
public struct DocumentAnalysis: Sendable {
    public var document: DocumentRecord
    /// The document's id (`document.id`); setting it renames its topic rows too (its KWIC lines and events are
    /// named by it when read back).
    public var id: String {
        get { document.id }
        set {
            document.id = newValue
            for k in topicRows.indices { topicRows[k].documentID = newValue }
        }
    }
    public var tokens: Int
    /// Distinct terms of every token, stopwords and left-out brackets too (0 unless `.statistics` was asked for).
    public var types: Int
    public var sentences: Int
    public var paragraphs: Int
    public var topicRows: [TopicHitRow]
    /// The document's KWIC lines, kept in the analysis's temporary file (`KWICStore`) and read back when asked for.
    var kwicRecords: KWICRecords
    /// The document's dated events, stored as they were made (`EventStore`); once the corpus is analysed they
    /// are in the corpus timeline (see `CorpusAnalysis.events(of:)`).
    var eventRecords: EventRecords
    /// Dates the text writes that do not exist (31 February), left out of the timeline (with `.timeline`).
    public var rejectedDates: [RejectedDate]
    /// The document's ten most frequent words (no stopwords, no numbers), as the matrix's term ids:
    /// their text is made when a page is written (`CorpusAnalysis.topTerms(of:)`).
    public var topWords: [TermCount] = []
    /// The document's automatic keywords (highest TF-IDF), best first, as term ids (`CorpusAnalysis.keywords(of:)`).
    public var keywordWords: [TermCount] = []
    /// Topic tokens counted under the editorial policy.
    public var countedTokens: Int
    /// The people and organizations the whole document names, tagged by the edition or read in the text
    /// (`PersonFinder`; with `.timeline`).
    public var persons: [NamedPerson] = []

    /// The document's KWIC lines, read back from the analysis's temporary file.
    public var kwic: [KWICLine] {
        var lines: [KWICLine] = []
        forEachKWICLine { lines.append($0) }
        return lines
    }

    /// The number of KWIC lines.
    public var kwicCount: Int { kwicRecords.count }

    /// Calls `body` with the document's KWIC lines in order, read back one batch at a time (a document dense in
    /// hits has lines worth twice its text); with `topic`, only that topic's.
    public func forEachKWICLine(topic: String? = nil, _ body: (KWICLine) throws -> Void) rethrows {
        try kwicRecords.forEachLine(documentID: document.id, date: document.date?.value, topic: topic, body)
    }

    /// Whether the document has KWIC lines of `topic`.
    public func hasKWICLines(topic: String) -> Bool {
        kwicRecords.hasLines(topic: topic)
    }
}
