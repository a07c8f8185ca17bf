import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTime

/// The report's own tables: documents, years, skipped files and the summary sheet.
public enum ReportTables {
    /// `documents.csv`: one row per document, metadata and length; `slugs[k]` names document k's page.
    public static func documents(_ analysis: CorpusAnalysis, slugs: [String]) -> Table {
        Table(name: "documents", title: "Documents", columns: [
            Column("id", .text), Column("title", .text), Column("date", .date), Column("date_precision", .text),
            Column("place", .text), Column("original_language", .text), Column("translator", .text),
            Column("archive_reference", .text), Column("source_url", .url), Column("format", .text),
            Column("tokens", .integer), Column("types", .integer), Column("file", .text),
            Column("date_text", .text), Column("date_source", .text), Column("sentences", .integer),
            Column("redactions", .integer), Column("elisions", .integer), Column("editorial_notes", .integer),
            Column("editorial_spans", .integer), Column("summary", .text),
            Column("citation", .text), Column("contents", .text), Column("number", .text), Column("collection", .text),
            Column("report", .text), Column("keywords", .text),
            // The tokens the terms, keyness and topics count (`--editorial`: a redaction notice's words are not the
            // author's); `tokens` counts every token. Topic hits per 1,000 tokens are per 1,000 of these.
            Column("counted_tokens", .integer),
        ], items: Array(analysis.documents.indices), row: { index in
            let report = analysis.documents[index]
            let document = report.document
            let metadata = document.metadata
            func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
            return [
                .text(document.id), .text(document.title), AnalysisTables.date(document.date?.value),
                AnalysisTables.precision(document.date?.value), text(metadata.place), text(metadata.originalLanguage),
                text(metadata.translator), text(metadata.archiveReference), metadata.sourceURL.map(Cell.url) ?? .empty,
                .text(document.format.rawValue), .integer(report.tokens), .integer(report.types), .text(document.file),
                text(document.date?.text), text(document.date?.provenance.rawValue), .integer(report.sentences),
                .integer(document.redactionCount), .integer(document.count(of: .elision)), .integer(document.count(of: .translatorNote)),
                .integer(document.editorialKinds.count), text(metadata.summary),
                text(metadata.citation), text(metadata.contentsKind), text(metadata.number), text(metadata.collection),
                .text("documents/\(slugs[index]).md"), .text(analysis.keywords(of: index).map(\.term).joined(separator: "; ")),
                .integer(report.countedTokens),
            ]
        })
    }

    /// `persons.csv` and the Persons sheet: every person the documents name (`CorpusAnalysis.persons`): the edition's id
    /// or "name:…" for a name read in the text, the name, how many documents name the person and how many times, the
    /// first and last of their dates, and the documents' ids.
    public static func persons(_ analysis: CorpusAnalysis) -> Table {
        Table(name: "persons", title: "Persons", columns: [
            Column("id", .text), Column("name", .text), Column("documents", .integer), Column("mentions", .integer),
            Column("first_date", .date), Column("last_date", .date), Column("document_ids", .text),
        ], rows: analysis.persons.map { row in
            [.text(row.id), .text(row.name), .integer(row.documentIDs.count), .integer(row.mentions),
             AnalysisTables.date(row.firstDate), AnalysisTables.date(row.lastDate), .text(row.documentIDs.joined(separator: "; "))]
        })
    }

    /// Documents per year, for the chart; undated documents are counted apart in the summary.
    public static func years(_ statistics: CorpusStatistics) -> Table {
        Table(name: "years", title: "Years", columns: [Column("year", .integer), Column("documents", .integer)],
              rows: statistics.years.compactMap { count in Int(count.label).map { [.integer($0), .integer(count.count)] } })
    }

    /// The warnings as a report lists them: those of reading the files, then those of numbering repeated ids
    /// (`repeatedID`), each in file order. The analysis has them file by file, as `Corpus.load` does; reports
    /// have listed the renamings last from the start, and `skipped.csv`, the manifest and the summary keep their bytes.
    public static func warnings(_ analysis: CorpusAnalysis) -> [InputError] {
        analysis.warnings.filter { $0.code != .repeatedID } + analysis.warnings.filter { $0.code == .repeatedID }
    }

    /// Everything reported about the input, as a report lists it: errors, warnings (`warnings(_:)`), notes.
    public static func problems(_ analysis: CorpusAnalysis) -> [InputError] {
        analysis.skipped + warnings(analysis) + analysis.ignored
    }

    /// `skipped.csv`: every file or document that could not be read (severity `error`), read with something
    /// left out (`warning`), or not read on purpose (`note`: another type, a README, a link to what is read already).
    public static func skipped(_ problems: [InputError]) -> Table {
        Table(name: "skipped", title: "Skipped", columns: [
            Column("file", .text), Column("location", .text), Column("reason", .text), Column("code", .text), Column("severity", .text),
        ], rows: problems.map { [.text($0.file), .text($0.place), .text($0.message), .text($0.code.rawValue), .text($0.severity.rawValue)] })
    }

    /// The Summary sheet: the corpus at a glance and how the report was made.
    public static func summary(_ report: CorpusAnalysis, version: String) -> Table {
        let s = report.statistics
        let rows: [[Cell]] = [
            [.text("Corpus"), .text(report.root)],
            [.text("Documents"), .integer(s.documents)],
            [.text("Tokens"), .integer(s.tokens)],
            [.text("Types"), .integer(s.types)],
            [.text("Type/token ratio"), .decimal(s.typeTokenRatio)],
            [.text("Mean length (tokens)"), .decimal(s.meanLength)],
            [.text("Median length (tokens)"), .decimal(s.medianLength)],
            [.text("First date"), s.firstDate.map(Cell.text) ?? .empty],
            [.text("Last date"), s.lastDate.map(Cell.text) ?? .empty],
            [.text("Undated documents"), .integer(s.undated)],
            [.text("Formats"), .text(s.formats.map { "\($0.label) \($0.count)" }.joined(separator: "; "))],
            [.text("Original languages"), .text(s.languages.map { "\($0.label) \($0.count)" }.joined(separator: "; "))],
            [.text("Passages not declassified"), .integer(report.documents.reduce(0) { $0 + $1.document.redactionCount })],
            [.text("Files or documents skipped"), .integer(report.skipped.count)],
            [.text("Documents read with a warning"), .integer(report.warnings.count)],
            [.text("Files not read (type, name, link)"), .integer(report.ignored.count)],
            [.text("Timeline events"), .integer(report.eventCount)],
            [.text("Lexicon"), .text(report.options.lexicon.source)],
            [.text("Topics"), .text(report.options.lexicon.topics.map(\.name).joined(separator: "; "))],
            [.text("Stopwords"), .text(report.options.stopwords.name)],
            [.text("Editorial brackets"), .text(report.options.editorial.rawValue)],
            [.text("N-grams"), .text("\(report.options.ngrams.lowerBound)–\(report.options.ngrams.upperBound)")],
            [.text("Made by"), .text("Chancery \(version)")],
        ]
        // The value column holds numbers and text: each cell keeps its own kind.
        return Table(name: "summary", title: "Summary", columns: [Column("field", .text), Column("value", .text, decimals: 3)], rows: rows)
    }
}
