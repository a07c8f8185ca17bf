import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports

/// `chancery kwic PATH PATTERN`: every occurrence of a pattern in its context.
struct KWICCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Keyword in context: every match of a pattern with the words around it.",
        discussion: """
            PATTERN is written as in a lexicon: words separated by spaces, * and ? as wildcards, spelling \
            variants matched (self-reliance finds "self reliance" too) unless it starts with "=".
            """
    )

    @OptionGroup var input: CorpusOptions

    @Argument(help: "The word or phrase to find, e.g. self-reliance, \"gratis assistance\", credit*.")
    var pattern: String

    @OptionGroup var output: OutputOptions

    @Option(help: "Context, in tokens on each side (0 to 1,000).")
    var window = 5

    @Flag(help: "Let the context run past the sentence.")
    var acrossSentences = false

    @Option(help: ArgumentHelp("Match words inside editorial brackets: insertions (default; not redaction notices, [...] or notes), all, or exclude.",
                               valueName: "insertions|all|exclude"))
    var editorial: EditorialPolicy = .insertions

    func validate() throws {
        try OptionRanges.check("--window", window, in: OptionRanges.kwicWindow, unit: "tokens on each side")
    }

    func run() throws {
        let compiled: LexiconPattern
        do { compiled = try LexiconPattern(pattern) } catch { throw ValidationError("pattern \"\(pattern)\": \(error)") }
        // The pattern is a lexicon of one topic, named by it.
        var options = AnalysisOptions(lexicon: Lexicon(topics: [.init(name: pattern, patterns: [compiled])], source: "command line"), parts: .kwic)
        options.editorial = editorial
        options.kwic = KWICOptions(window: window, cutAtSentence: !acrossSentences)
        let analysis = try CorpusOptions.analyse(input.path, options: options)
        let lines = analysis.kwicLines(first: output.rowLimit ?? .max)
        try output.print(AnalysisTables.kwic(lines), totalRows: analysis.documents.reduce(0) { $0 + $1.kwicCount })
        try ExitStatus.finish(analysis)
    }
}
