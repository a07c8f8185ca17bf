import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryTime

/// `summary.md`: the corpus on one page, for a historian's notes.
enum SummaryMarkdown {
    /// The summary page; `slugs[k]` names document k's page.
    static func render(_ report: CorpusAnalysis, writing: ReportOptions, slugs: [String], version: String) -> String {
        let s = report.statistics
        let e: (String) -> String = { MarkdownText.escape($0) }
        var out = "# Chancery report: \(e(report.root))\n\n"
        out += "Made by Chancery \(e(version)) from \(NumberText.integer(s.documents)) documents"
        out += report.skipped.isEmpty ? ".\n\n" : " (\(report.skipped.count) files or documents could not be read: see *Skipped*).\n\n"

        out += "## Scope\n\n"
        var scope: [[String]] = [
            ["Documents", NumberText.integer(s.documents)],
            ["Date range", s.firstDate.map { "\($0) to \(s.lastDate ?? $0)" } ?? "no dated documents"],
            ["Undated documents", NumberText.integer(s.undated)],
            ["Formats", e(s.formats.map { "\($0.label) (\($0.count))" }.joined(separator: ", "))],
            ["Original languages", e(s.languages.map { "\($0.label) (\($0.count))" }.joined(separator: ", "))],
            ["Tokens", NumberText.integer(s.tokens)],
            ["Types", NumberText.integer(s.types)],
            ["Type/token ratio", NumberText.decimal(s.typeTokenRatio, places: 3)],
            ["Length, mean and median (tokens)", "\(NumberText.decimal(s.meanLength, places: 1)) and \(NumberText.decimal(s.medianLength, places: 1))"],
        ]
        let redactions = report.documents.reduce(0) { $0 + $1.document.redactionCount }
        if redactions > 0 {
            let documents = report.documents.count { $0.document.redactionCount > 0 }
            scope.append(["Passages still withheld", "\(redactions) in \(documents) documents (\"not declassified\" and similar)"])
        }
        out += MarkdownText.table(["", ""], scope) + "\n"
        if !s.years.isEmpty {
            out += "Documents per year:\n\n"
            out += MarkdownText.table(["Year", "Documents"], s.years.map { [e($0.label), String($0.count)] }, alignRight: [1]) + "\n"
        }

        out += "## Top terms\n\nWords (stopwords left out) by count; *per 10k* is per 10,000 running tokens; "
        out += "*D* is Juilland's dispersion across documents (1 = evenly spread, 0 = all in one document).\n\n"
        let words = report.terms.rows.filter { $0.n == 1 }.prefix(25)
        out += MarkdownText.table(["Term", "Count", "per 10k", "Documents", "D"], words.map {
            [MarkdownText.cell($0.term), NumberText.integer($0.count), NumberText.decimal($0.per10k, places: 1), NumberText.integer($0.documentFrequency),
             $0.dispersion.map { NumberText.decimal($0, places: 2) } ?? "–"]
        }, alignRight: [1, 2, 3, 4]) + "\n"
        let phrases = report.terms.rows.filter { $0.n > 1 }.prefix(15)
        if !phrases.isEmpty {
            out += "Phrases (two and three words):\n\n"
            out += MarkdownText.table(["Phrase", "Count", "Documents"], phrases.map {
                [MarkdownText.cell($0.term), NumberText.integer($0.count), NumberText.integer($0.documentFrequency)]
            }, alignRight: [1, 2]) + "\n"
        }

        if !report.keyness.isEmpty {
            out += "## Keyness by year\n\nWords that each year's documents use more than the rest of the collection. "
            out += "G² (log-likelihood) says how sure we can be that the difference is not chance (above 10.83: p < 0.001); "
            out += "Log Ratio says how big it is (1 = twice as frequent, 2 = four times). "
            out += "Each year is compared with all other documents (dated or not); the figures in brackets are the documents "
            out += "and tokens of the year, then of the rest. Only words seen at least \(CorpusAnalysis.keyMinimumTargetCount) times "
            out += "in the year, with a letter in them, and with p < \(CorpusAnalysis.keyPValueBelow) are listed.\n\n"
            for keyness in report.keyness where !keyness.rows.isEmpty {
                let keys = keyness.rows.prefix(10).map { "\(e($0.term)) (G² \(NumberText.decimal($0.g2, places: 1)), LR \(NumberText.decimal($0.logRatio, places: 1)))" }
                out += "- **\(e(keyness.target))** (\(Self.sides(keyness))): \(keys.joined(separator: ", "))\n"
            }
            out += "\n"
            if let warning = report.keynessWarning {
                out += "**Caution:** \(e(warning)).\n\n"
            }
        }

        out += topics(report)
        out += timeline(report, slugs: slugs)

        for (title, problems) in [("Skipped", report.skipped), ("Warnings", ReportTables.warnings(report)), ("Not read", report.ignored)]
        where !problems.isEmpty {
            out += "## \(title)\n\n"
            out += MarkdownText.table(["File", "Where", "Reason"], problems.map {
                [MarkdownText.cell($0.file), MarkdownText.cell($0.place), MarkdownText.cell($0.message)]
            }) + "\n"
        }

        out += "## How this report was made\n\n"
        let options = report.options
        out += "- Chancery \(e(version)); command: \(MarkdownText.code(writing.command.joined(separator: " ")))\n"
        out += "- Tokens: Unicode NFC text, split at non-word characters by a UTF-8 byte scan; hyphenated compounds are one token; "
        out += "case folded for counting; routing headers and signatures are not counted.\n"
        out += "- Stopwords: \(e(options.stopwords.name)) (\(options.stopwords.words.count) words), left out of word counts and from the ends of phrases.\n"
        out += "- Words inside editorial brackets: \(Self.editorialText(options.editorial)).\n"
        out += "- Topic lexicon: \(e(options.lexicon.source)) (SHA-256 \(SHA256.hex(writing.lexiconBytes))), \(options.lexicon.topics.count) topics.\n"
        out += "- Phrases of \(options.ngrams.lowerBound) to \(options.ngrams.upperBound) words; phrases seen fewer than \(options.minimumNgramCount) times are left out of terms.csv.\n"
        out += "- Keyness: each year against all other documents, G² \(Self.correctionText(options.correction)), "
        out += "the \(options.keysPerYear) strongest keys with p < \(CorpusAnalysis.keyPValueBelow) per year (no correction for testing "
        out += "many words), words seen at least \(CorpusAnalysis.keyMinimumTargetCount) times in the year and containing a letter "
        out += "(no phrases, no numbers).\n"
        out += "- TF-IDF: count × log10(documents ÷ documents containing the term).\n"
        out += "- `manifest.json` lists the SHA-256 of every input file, of the lexicon and of the stopword list, so that another person can check they have the same sources.\n"
        return out
    }

    /// Both sides of a comparison in words: "3 documents, 1,234 tokens against 77 documents, 50,210 tokens".
    static func sides(_ keyness: Keyness) -> String {
        func side(_ documents: Int?, _ tokens: Int) -> String {
            let count = documents.map { $0 == 1 ? "1 document, " : "\(NumberText.integer($0)) documents, " } ?? ""
            return count + "\(NumberText.integer(tokens)) tokens"
        }
        return side(keyness.targetDocuments, keyness.targetTokens) + " against " + side(keyness.referenceDocuments, keyness.referenceTokens)
    }

    /// Which bracket words were counted, in words.
    static func editorialText(_ policy: EditorialPolicy) -> String {
        switch policy {
        case .insertions: "the translators' and editors' insertions, resolutions and readings counted; redaction notices, elisions, notes and marks such as sic not counted"
        case .all: "all counted, redaction notices, elisions and notes included"
        case .exclude: "not counted"
        }
    }

    /// How G² was corrected, in words.
    static func correctionText(_ correction: KeynessCorrection) -> String {
        switch correction {
        case .none: "without correction (as AntConc)"
        case .williams: "with Williams's correction as quanteda applies it (not where a count is 0)"
        case .williamsTextbook: "with Williams's correction on every term (Williams 1976)"
        }
    }

    private static func topics(_ report: CorpusAnalysis) -> String {
        let e: (String) -> String = { MarkdownText.escape($0) }
        let names = report.options.lexicon.topics.map(\.name)
        guard !names.isEmpty else { return "" }
        var out = "## Topics\n\nHits of the topic lexicon; *per 1k* is hits per 1,000 tokens.\n\n"
        var totals: [String: (hits: Int, documents: Int)] = [:]
        for row in report.topics.rows {
            totals[row.topic, default: (0, 0)].hits += row.hits
            totals[row.topic, default: (0, 0)].documents += 1
        }
        let tokens = max(1, report.documents.reduce(0) { $0 + $1.countedTokens })
        let years = Array(Set(report.topicYears.map(\.period))).sorted().filter { Int($0) != nil }
        let showYears = !years.isEmpty && years.count <= 20
        var byYear: [String: [String: Int]] = [:]
        for row in report.topicYears { byYear[row.topic, default: [:]][row.period] = row.hits }
        let header = ["Topic", "Hits", "Documents", "per 1k"] + (showYears ? years.map(e) : [])
        let rows = names.map { name -> [String] in
            let total = totals[name] ?? (0, 0)
            return [e(name), NumberText.integer(total.hits), NumberText.integer(total.documents),
                    NumberText.decimal(Double(total.hits) / Double(tokens) * 1000, places: 2)]
                + (showYears ? years.map { String(byYear[name]?[$0] ?? 0) } : [])
        }
        out += MarkdownText.table(header, rows, alignRight: Set(1..<header.count)) + "\n"
        if !showYears, !years.isEmpty { out += "Hits per year are in topics_by_year.csv.\n\n" }
        return out
    }

    private static func timeline(_ report: CorpusAnalysis, slugs: [String]) -> String {
        // Counted one event at a time, the first forty kept: a large corpus has hundreds of thousands.
        var anchored = 0
        var shown: [TemporalEvent] = []
        for event in report.timelineEvents where [.explicit, .editorial, .event].contains(event.resolution) && !event.isVague {
            anchored += 1
            if shown.count < 40 { shown.append(event) }
        }
        guard anchored > 0 else { return "" }
        var out = "## Timeline highlights\n\nDates the documents state outright, complete through an editor's bracket, or name as an event, in order"
        out += anchored > 40 ? " (the first 40 of \(anchored); all \(report.eventCount) events are in timeline.csv).\n\n" : ".\n\n"
        // The pages of the shown events' documents only (ids are unique once the report has numbered repeats).
        let wanted = Set(shown.map(\.documentID))
        var slugOf: [String: String] = [:]
        for (document, slug) in zip(report.documents, slugs) where wanted.contains(document.document.id) && slugOf[document.document.id] == nil {
            slugOf[document.document.id] = slug
        }
        for event in shown {
            let document = slugOf[event.documentID].map { "[\(MarkdownText.escape(event.documentID))](documents/\($0).md)" } ?? MarkdownText.escape(event.documentID)
            out += "- **\(DocumentMarkdown.when(event))** (\(event.resolution.rawValue)) \(document): \(MarkdownText.escape(event.expression)) — "
            out += "\(MarkdownText.escape(event.sentence.shortened(200)))\n"
        }
        return out + "\n"
    }
}

extension String {
    /// At most `limit` characters, cut at a word with an ellipsis.
    func shortened(_ limit: Int) -> String {
        guard count > limit else { return self }
        let cut = prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
