import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports

/// `chancery topics PATH [--lexicon FILE]`: lexicon hits per document or per period, with KWIC lines.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Hits of a topic lexicon per document (or per period with --by), with KWIC lines (--kwic) or automatic keywords (--keywords).",
        discussion: """
            The lexicon is a quanteda YAML dictionary; without --lexicon, Corpora/lexicons/cold-war-cables.yml. \
            Patterns match their spelling variants (self-reliance, self reliance, selfreliance) unless they start \
            with "="; a word matched by two patterns of one topic counts once. per_1k is hits per 1,000 tokens. \
            Redaction notices ("[2 lines not declassified]"), elisions ("[...]") and notes in brackets are not counted; \
            --editorial exclude leaves out every bracket's words ("promised free [aid]"), --editorial all counts them all.
            """
    )

    @OptionGroup var input: CorpusOptions
    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Words inside editorial brackets: insertions (default; not redaction notices, [...] or notes), all, or exclude.",
                               valueName: "insertions|all|exclude"))
    var editorial: EditorialPolicy = .insertions

    @Option(help: ArgumentHelp("Totals per group instead of per document: year, month, language, or a metadata field.", valueName: "GROUP"))
    var by: String?

    @Flag(help: "Print the KWIC line of every hit instead of counts.")
    var kwic = false

    @Option(help: "KWIC context, in tokens on each side (0 to 1,000).")
    var window = 5

    @Flag(help: "Let KWIC context run past the sentence.")
    var acrossSentences = false

    @Flag(help: "Print automatic keywords per document (no lexicon needed).")
    var keywords = false

    @Option(help: "Keyword method: tfidf, keyness (against the rest of the corpus) or frequency (per 1,000 of the document's tokens; for a single document).")
    var method: KeywordMethod = .tfidf

    @Option(help: "Keywords per document.")
    var perDocument = 10

    func validate() throws {
        try OptionRanges.check("--window", window, in: OptionRanges.kwicWindow, unit: "tokens on each side")
        try OptionRanges.check("--per-document", perDocument, atLeast: 1)
    }

    func run() throws {
        if keywords {
            // Each document's words against the others': the document-term matrix, numbers left out.
            var options = AnalysisOptions(parts: .matrix)
            options.editorial = editorial
            options.dropNumbers = true
            let analysis = try CorpusOptions.analyse(input.path, options: options)
            let found = DocumentKeywords.keywords(analysis.matrix, method: method, top: perDocument)
            if let why = Self.noKeywords(documents: analysis.documents.count, method: method, found: found.count) { Console.error(why) }
            try output.print(AnalysisTables.keywords(Array(found.prefix(output.rowLimit ?? .max)), method: method), totalRows: found.count)
            return try ExitStatus.finish(analysis)
        }
        // --kwic prints lines, whatever --by says.
        let grouping: TermGrouping?
        do { grouping = kwic ? nil : try by.map(TermGrouping.init) } catch { throw ValidationError(error.description) }
        var options = AnalysisOptions(lexicon: try lexiconOptions.load(), parts: kwic ? .kwic : .topics)
        options.editorial = editorial
        options.kwic = KWICOptions(window: window, cutAtSentence: !acrossSentences)
        let analysis = try CorpusOptions.analyse(input.path, options: options)
        let limit = output.rowLimit ?? .max
        if kwic {
            try output.print(AnalysisTables.kwic(analysis.kwicLines(first: limit)), totalRows: analysis.documents.reduce(0) { $0 + $1.kwicCount })
        } else if let grouping {
            let rows = analysis.topicPeriods(by: grouping)
            try output.print(AnalysisTables.topicPeriods(Array(rows.prefix(limit)), grouping: grouping), totalRows: rows.count)
        } else {
            var limited = analysis.topics
            limited.rows = Array(analysis.topics.rows.prefix(limit))
            try output.print(AnalysisTables.topics(limited), totalRows: analysis.topics.rows.count)
        }
        try ExitStatus.finish(analysis)
    }

    /// Why a keyword table came out empty, when the method cannot score: with one document every word has
    /// TF-IDF 0 (log10(1 ÷ 1)) and there is no rest to set it against. Nil when there are keywords or documents are many.
    static func noKeywords(documents: Int, method: KeywordMethod, found: Int) -> String? {
        guard found == 0, documents == 1, method != .frequency else { return nil }
        let reason = method == .tfidf ? "TF-IDF is 0 for every word of a single document (each word is in every document of the corpus)"
            : "keyness sets a document against the rest of the corpus, and there is no rest"
        return "note: no keywords: \(reason). Use --method frequency for the document's most frequent words, "
            + "or give a folder of documents to compare it with."
    }
}
