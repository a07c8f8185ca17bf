import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
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
            --editorial exclude leaves out words that stand only inside editorial brackets ("promised free [aid]").
            """
    )

    @OptionGroup var input: CorpusOptions
    @OptionGroup var lexiconOptions: LexiconOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Count words inside editorial brackets: include (default) or exclude.", valueName: "include|exclude"))
    var editorial: EditorialPolicy = .include

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

    @Option(help: "Keyword method: tfidf or keyness (against the rest of the corpus).")
    var method: KeywordMethod = .tfidf

    @Option(help: "Keywords per document.")
    var perDocument = 10

    func validate() throws {
        try OptionRanges.check("--window", window, in: OptionRanges.kwicWindow, unit: "tokens on each side")
        try OptionRanges.check("--per-document", perDocument, atLeast: 1)
    }

    func run() throws {
        let corpus = try input.load()
        let documents = corpus.tokenizedDocuments()
        if keywords {
            let found = DocumentKeywords.keywords(documents, method: method, top: perDocument,
                                                  options: TermOptions(editorial: editorial, dropNumbers: true))
            try output.print(AnalysisTables.keywords(Array(found.prefix(output.rowLimit ?? .max)), method: method), totalRows: found.count)
            return try ExitStatus.finish(corpus)
        }
        let lexicon = try lexiconOptions.load()
        var lines: [KWICLine] = []
        let options = KWICOptions(window: window, cutAtSentence: !acrossSentences)
        let analysis = TopicAnalysis(documents, lexicon: lexicon, editorial: editorial) { document, matches in
            if kwic {
                lines += KeywordInContext.lines(matches, in: document, options: options) { lexicon.topics[$0.topic].name }
            }
        }
        if kwic {
            try output.print(AnalysisTables.kwic(Array(lines.prefix(output.rowLimit ?? .max))), totalRows: lines.count)
        } else if let by {
            let grouping: TermGrouping
            do { grouping = try TermGrouping(by) } catch { throw ValidationError(error.description) }
            let rows = analysis.periods(by: grouping)
            try output.print(AnalysisTables.topicPeriods(Array(rows.prefix(output.rowLimit ?? .max)), grouping: grouping), totalRows: rows.count)
        } else {
            var limited = analysis
            limited.rows = Array(analysis.rows.prefix(output.rowLimit ?? .max))
            try output.print(AnalysisTables.topics(limited), totalRows: analysis.rows.count)
        }
        try ExitStatus.finish(corpus)
    }
}
