import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime
import ChanceryPipeline
import ChanceryReports
import Foundation

/// `chancery timeline PATH [--topic T] [--actor A] [--from 1962-01 --to 1962-12] [--csv | --json]`: what happened when.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Dated events across documents, in order: every date or time reference in the text, normalized.",
        discussion: """
            One event per document (its own date) and one per sentence that carries a dated expression, \
            ordered by date, then document date, then position. A coarser date sorts before the finer dates it \
            contains: "December 1962" before 1 December 1962, "1962" before January. Relative expressions \
            ("yesterday", "last week") count from the date the text has just narrated ("On 7 December ...") \
            when there is one, otherwise from the document's date. Topics come from the topic lexicon \
            (--lexicon; default Corpora/lexicons/cold-war-cables.yml). Written dates that do not exist \
            (31 February) are reported on stderr and left out. The table shows date, document, expression, \
            how it was dated and the sentence, fitted to the terminal's width (COLUMNS, else the terminal's, \
            else 100 characters when the output is not a terminal), the sentence cut first; --wide shows every \
            column of timeline.csv at full width.
            """
    )

    @OptionGroup var input: CorpusOptions
    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Keep events whose sentence touches this lexicon topic (a nested key also matches its children: trade matches trade.talks).")
    var topic: String?

    @Option(help: "Keep events that name this actor: whole words of a name, any case (Pak matches Pak Yong-guk, not Pakistan).")
    var actor: String?

    @Option(help: "Keep events on or after this date (ISO: 1962, 1962-01, 1962-01-15).")
    var from: String?

    @Option(help: "Keep events on or before this date (ISO: 1962, 1962-12, 1962-12-31).")
    var to: String?

    @Option(help: "A YAML file of further named events (the format of Corpora/gazetteer/events.yaml); may be repeated.")
    var gazetteer: [String] = []

    @Flag(help: "Show every column of timeline.csv at full width instead of fitting the table to the terminal.")
    var wide = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, HistoricalDate(iso: value) == nil {
                throw ValidationError("\(name) \"\(value)\" is not an ISO 8601 date such as 1962, 1962-01 or 1962-01-15")
            }
        }
        if let from = from.flatMap({ HistoricalDate(iso: $0) }), let to = to.flatMap({ HistoricalDate(iso: $0) }) {
            if OptionRanges.isReversed(from: from, to: to) {
                throw ValidationError("--from \(from.iso) is after --to \(to.iso): no event can lie between them")
            }
        }
    }

    func run() throws {
        let events = try Self.gazetteer(gazetteer)
        let lexicon = try lexiconOptions.load()
        if let topic, !lexicon.has(TopicKey(topic)) {
            throw ValidationError("topic \"\(topic)\" is not in the lexicon (topics: \(lexicon.topics.map(\.name).joined(separator: ", ")))")
        }
        // The report's timeline: events with the topics of their sentences, in timeline order.
        var options = AnalysisOptions(lexicon: lexicon, parts: .timeline)
        options.gazetteer = events
        let analysis = try CorpusOptions.analyse(input.path, options: options)
        for document in analysis.documents {
            for rejected in document.rejectedDates {
                Console.error("\(document.document.file) (\(document.id)): sentence \(rejected.sentence + 1): warning: \(rejected)")
            }
        }
        let (topic, from, to) = (topic.map { TopicKey($0) }, from.flatMap { HistoricalDate(iso: $0) }, to.flatMap { HistoricalDate(iso: $0) })
        let limit = output.rowLimit ?? .max
        var shown: [TemporalEvent] = []
        var total = 0
        for event in analysis.timelineEvents where Timeline.matches(event, topic: topic, actor: actor, from: from, to: to) {
            total += 1
            if shown.count < limit { shown.append(event) }
        }
        if wide || output.csv || output.json {
            try output.print(AnalysisTables.timeline(shown), totalRows: total)
        } else {
            Console.output(Self.fittedTable(shown, total: total, width: TextTable.terminalWidth()))
        }
        try ExitStatus.finish(analysis)
    }

    /// The timeline as a table `width` characters wide: date, document, expression, how it was dated and the
    /// sentence: document ids and expressions are cut to 20 characters first, then the sentence down to 20, then
    /// ids and expressions down to 10 (dates are never cut); with a note of the rows left out. Issue 16: the table of every column was 360–450 wide.
    static func fittedTable(_ events: [TemporalEvent], total: Int, width: Int) -> String {
        let header = ["date", "document_id", "expression", "resolution", "sentence"]
        let rows = events.map { event in
            [event.date.iso, event.documentID, event.expression, event.resolution.rawValue,
             event.sentence.split(whereSeparator: \.isNewline).joined(separator: " ")]
        }
        var text = TextTable.fitted([header] + rows, width: width, preferred: [.max, 20, 20, .max], minimums: [.max, 10, 10, .max, 20])
        if total > events.count {
            text += "... \(NumberText.integer(total - events.count)) more rows (use --top N, --wide, --csv or --json)\n"
        }
        return text
    }

    /// The built-in gazetteer merged with the user's files.
    static func gazetteer(_ paths: [String]) throws -> EventGazetteer {
        var events = EventGazetteer.builtIn
        for path in paths {
            do {
                events = events.merging(try EventGazetteer(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ValidationError(error.description)
            }
        }
        return events
    }
}
