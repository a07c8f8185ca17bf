import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// The tables of the output contract (Documentation/Architecture.md, "The output contract"), made from analysis results.
///
/// Column names are public: notebooks, spreadsheets and scripts read them.
/// Add columns freely; rename none without a note in the README.
public enum AnalysisTables {
    public static func terms(_ frequencies: TermFrequencies, top: Int? = nil) -> Table {
        Table(name: "terms", title: "Terms", columns: [
            Column("term", .text), Column("n", .integer), Column("count", .integer), Column("per_10k", .decimal, decimals: 2),
            Column("doc_freq", .integer), Column("tfidf_max", .decimal, decimals: 3), Column("dispersion_d", .decimal, decimals: 3),
        ], items: Array(frequencies.rows.prefix(top ?? .max)), row: {
            [.text($0.term), .integer($0.n), .integer($0.count), .decimal($0.per10k), .integer($0.documentFrequency),
             .decimal($0.tfidfMax), $0.dispersion.map(Cell.decimal) ?? .empty]
        })
    }

    public static func groupedTerms(_ grouped: GroupedTermFrequencies, top: Int? = nil) -> Table {
        Table(name: "terms_by_\(grouped.grouping)", title: "Terms by \(grouped.grouping)", columns: [
            Column("group", .text), Column("term", .text), Column("n", .integer), Column("count", .integer),
            Column("per_10k", .decimal, decimals: 2), Column("doc_freq", .integer),
        ], rows: grouped.rows(top: top).map {
            [.text($0.group), .text($0.term), .integer($0.n), .integer($0.count), .decimal($0.per10k), .integer($0.documentFrequency)]
        })
    }

    public static func documentTerms(_ rows: [DocumentTermRow]) -> Table {
        Table(name: "document_terms", title: "Document terms", columns: documentTermColumns, items: rows, row: documentTermCells)
    }

    /// The document × term table made one document at a time as it is written (`rowsOf(k)`: document k's rows),
    /// so a large collection's millions of rows never exist at once.
    public static func documentTerms(documents: Int, rowsOf: @escaping @Sendable (Int) -> [DocumentTermRow]) -> Table {
        Table(name: "document_terms", title: "Document terms", columns: documentTermColumns, groups: documents, items: rowsOf,
              row: documentTermCells)
    }

    private static let documentTermColumns = [
        Column("document_id", .text), Column("term", .text), Column("n", .integer), Column("count", .integer),
        Column("tfidf", .decimal, decimals: 3),
    ]

    @Sendable private static func documentTermCells(_ row: DocumentTermRow) -> [Cell] {
        [.text(row.documentID), .text(row.term), .integer(row.n), .integer(row.count), .decimal(row.tfidf)]
    }

    /// `keyness.csv`: each comparison's keys, each row with the size of both sides (documents and tokens of the
    /// target and of the reference), since a key of a one-document target is that document's word, not its period's.
    public static func keyness(_ keyness: [Keyness], top: Int? = nil) -> Table {
        Table(name: "keyness", title: "Keyness", columns: [
            Column("group", .text), Column("term", .text), Column("n", .integer), Column("count_target", .integer),
            Column("count_reference", .integer), Column("g2", .decimal, decimals: 2), Column("log_ratio", .decimal, decimals: 2),
            Column("p_value", .decimal, decimals: 6, scientific: true),
            Column("target_documents", .integer), Column("target_tokens", .integer),
            Column("reference_documents", .integer), Column("reference_tokens", .integer),
        ], rows: keyness.flatMap { result in
            let sides: [Cell] = [result.targetDocuments.map(Cell.integer) ?? .empty, .integer(result.targetTokens),
                                 result.referenceDocuments.map(Cell.integer) ?? .empty, .integer(result.referenceTokens)]
            return result.rows.prefix(top ?? .max).map {
                [.text($0.group), .text($0.term), .integer($0.n), .integer($0.countTarget), .integer($0.countReference),
                 .decimal($0.g2), .decimal($0.logRatio), .decimal($0.pValue)] + sides
            }
        })
    }

    public static func collocations(_ collocations: Collocations, top: Int? = nil) -> Table {
        Table(name: "collocations", title: "Collocations", columns: [
            Column("node", .text), Column("collocate", .text), Column("count", .integer), Column("node_freq", .integer),
            Column("collocate_freq", .integer), Column("log_dice", .decimal, decimals: 2), Column("mi", .decimal, decimals: 2),
        ], rows: collocations.rows.prefix(top ?? .max).map {
            [.text($0.node), .text($0.collocate), .integer($0.count), .integer($0.nodeFrequency), .integer($0.collocateFrequency),
             .decimal($0.logDice), .decimal($0.mutualInformation)]
        })
    }

    public static func topics(_ analysis: TopicAnalysis) -> Table {
        Table(name: "topics", title: "Topics", columns: [
            Column("document_id", .text), Column("date", .date), Column("date_precision", .text), Column("topic", .text),
            Column("hits", .integer), Column("tokens", .integer), Column("per_1k", .decimal, decimals: 2), Column("matched_terms", .text),
        ], items: analysis.rows, row: {
            [.text($0.documentID), date($0.date), precision($0.date), .text($0.topic), .integer($0.hits), .integer($0.tokens),
             .decimal($0.per1k), .text($0.matchedTermsText)]
        })
    }

    public static func topicPeriods(_ rows: [TopicPeriodRow], grouping: TermGrouping = .year) -> Table {
        Table(name: "topics_by_\(grouping)", title: "Topics by \(grouping)", columns: [
            Column(grouping == .year ? "year" : "group", grouping == .year ? .integer : .text), Column("topic", .text),
            Column("documents", .integer),
            Column("documents_with_hits", .integer), Column("hits", .integer), Column("tokens", .integer), Column("per_1k", .decimal, decimals: 2),
        ], rows: rows.map {
            // A year is a number (a spreadsheet sorts and charts it as one); "undated" stays text.
            [grouping == .year ? Int($0.period).map(Cell.integer) ?? .text($0.period) : .text($0.period), .text($0.topic), .integer($0.documents), .integer($0.documentsWithHits), .integer($0.hits),
             .integer($0.tokens), .decimal($0.per1k)]
        })
    }

    public static func kwic(_ lines: [KWICLine]) -> Table {
        Table(name: "kwic", title: "KWIC", columns: kwicColumns, items: lines, row: kwicCells)
    }

    /// The KWIC table over groups of lines (a document's), without gathering them into one array first.
    public static func kwic(_ groups: [[KWICLine]]) -> Table {
        Table(name: "kwic", title: "KWIC", columns: kwicColumns, rowCount: groups.reduce(0) { $0 + $1.count }, groups: groups.count,
              items: { groups[$0] }, row: kwicCells)
    }

    /// The KWIC table over `groups` groups of lines (a document's), each group's lines handed over one at a time
    /// by `forEachLine` as its rows are written; `rowCount` lines in all.
    public static func kwic(rowCount: Int, groups: Int,
                            forEachLine: @escaping @Sendable (Int, (KWICLine) throws -> Void) throws -> Void) -> Table {
        Table(name: "kwic", title: "KWIC", columns: kwicColumns, rowCount: rowCount) { sink in
            for group in 0..<groups { try forEachLine(group) { try sink(kwicCells($0)) } }
        }
    }

    private static let kwicColumns = [
        Column("document_id", .text), Column("date", .date), Column("date_precision", .text), Column("topic", .text),
        // The left context is right-aligned in the workbook, so the keywords line up as in a concordance.
        Column("left", .text, alignRight: true), Column("match", .text), Column("right", .text), Column("sentence_index", .integer),
    ]

    /// A KWIC line's cells. `left` ends with a space and `right` starts with one where the body had whitespace
    /// beside the match, so `left + match + right` is the line as written (`KWICLine.text`); `sentence_index`
    /// counts from 1, as every output numbers sentences.
    @Sendable private static func kwicCells(_ line: KWICLine) -> [Cell] {
        [.text(line.documentID), date(line.date), precision(line.date), .text(line.topic), .text(line.leftWithGap), .text(line.match),
         .text(line.rightWithGap), .integer(line.sentenceNumber)]
    }

    public static func keywords(_ keywords: [DocumentKeyword], method: KeywordMethod) -> Table {
        Table(name: "keywords", title: "Keywords", columns: keywordColumns(method), items: keywords, row: keywordCells)
    }

    /// The keywords table made one document at a time as it is written (`keywordsOf(k)`: document k's keywords).
    public static func keywords(documents: Int, method: KeywordMethod, keywordsOf: @escaping @Sendable (Int) -> [DocumentKeyword]) -> Table {
        Table(name: "keywords", title: "Keywords", columns: keywordColumns(method), groups: documents, items: keywordsOf, row: keywordCells)
    }

    private static func keywordColumns(_ method: KeywordMethod) -> [Column] {
        let score = switch method { case .tfidf: "tfidf"; case .keyness: "g2"; case .frequency: "per_1k" }
        return [Column("document_id", .text), Column("rank", .integer), Column("term", .text), Column("count", .integer),
                Column(score, .decimal, decimals: 3)]
    }

    @Sendable private static func keywordCells(_ keyword: DocumentKeyword) -> [Cell] {
        [.text(keyword.documentID), .integer(keyword.rank), .text(keyword.term), .integer(keyword.count), .decimal(keyword.score)]
    }

    /// `timeline.csv`: the contract's columns, then what the tagger knows besides.
    public static func timeline(_ events: [TemporalEvent]) -> Table {
        Table(name: "timeline", title: "Timeline", columns: timelineColumns, items: events, row: timelineCells)
    }

    /// The timeline table made one event at a time as it is written (`event(k)`: the k-th of `count`).
    public static func timeline(count: Int, event: @escaping @Sendable (Int) -> TemporalEvent) -> Table {
        Table(name: "timeline", title: "Timeline", columns: timelineColumns, rowCount: count, groups: count, items: { [event($0)] },
              row: timelineCells)
    }

    private static let timelineColumns = [
        Column("date", .date), Column("date_precision", .text), Column("document_id", .text), Column("document_date", .date),
        Column("expression", .text), Column("resolution", .text), Column("sentence", .text), Column("actors", .text),
        Column("topics", .text), Column("kind", .text), Column("value", .text), Column("modifier", .text), Column("vague", .boolean),
        Column("duration", .text), Column("implied_start", .date), Column("events", .text), Column("sentence_index", .integer),
        Column("char_start", .integer),
    ]

    @Sendable private static func timelineCells(_ event: TemporalEvent) -> [Cell] {
        [
            .date(event.date), .text(event.date.precision.rawValue), .text(event.documentID), date(event.documentDate),
            .text(event.expression), .text(event.resolution.rawValue), .text(event.sentence), .text(event.actors.joined(separator: "; ")),
            .text(event.topics.joined(separator: "; ")), .text(event.kind.rawValue), .text(event.value), .text(event.modifier?.rawValue ?? ""),
            .boolean(event.isVague), .text(event.duration?.iso ?? ""), date(event.impliedStart),
            .text(event.namedEvents.joined(separator: "; ")), event.sentenceIndex.map { .integer($0 + 1) } ?? .empty,
            event.characterStart.map(Cell.integer) ?? .empty,
        ]
    }

    static func date(_ date: HistoricalDate?) -> Cell { date.map(Cell.date) ?? .empty }
    static func precision(_ date: HistoricalDate?) -> Cell { date.map { .text($0.precision.rawValue) } ?? .empty }
}
