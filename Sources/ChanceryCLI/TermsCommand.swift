import ArgumentParser
import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports
import Foundation

/// `chancery terms PATH`: term frequencies, n-grams, grouping, keyness and collocations.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Term and n-gram frequencies; per group with --by, keyness with --target/--reference, collocations with --collocates.",
        discussion: """
            Columns: term, n, count, per_10k (per 10,000 running tokens), doc_freq (documents containing the term), \
            tfidf_max (the highest TF-IDF in any document, where TF-IDF = count in the document × log10(N ÷ df), \
            quanteda's dfm_tfidf default), dispersion_d (Juilland's D over the documents with tokens, on relative \
            frequencies: 0 = all in one document, 1 = evenly spread).

            N-grams never cross a sentence, punctuation or a square bracket's edge; with stopwords on, an n-gram that starts or ends with a \
            stopword is dropped ("the Soviet Union" gives "soviet union").

            Keyness (--target, --reference): signed log-likelihood G² over the 2×2 table (Dunning 1993, as AntConc \
            reports it; --correction williams as quanteda's default, which leaves a term with a zero count \
            uncorrected; --correction williams-textbook corrects every term), Log Ratio (Hardie 2014; 0.5 for a zero count) \
            and the χ²(1) p-value. A target is a year (1962), a month (1962-12), a range (1962-01..1962-06), \
            document ids separated by commas, or topic:NAME (documents with hits of a lexicon topic).

            Collocations (--collocates WORD): co-occurrences within --window tokens in the same sentence, \
            scored by log-Dice (14 + log2(2·O ÷ (f_node + f_collocate))) and MI (log2(O·N ÷ (f_node·f_collocate))).
            """
    )

    @OptionGroup var input: CorpusOptions
    @OptionGroup var counting: CountingOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("N-gram lengths: 1, 2, 3, or a range such as 1-3.", valueName: "N|N-M"))
    var ngram = "1"

    @Option(help: "Leave out terms seen fewer than N times.")
    var minCount = 1

    @Option(help: ArgumentHelp("Group documents: document, year, month, language, or a metadata field (\(TermGrouping.fields.joined(separator: ", "))).", valueName: "GROUP"))
    var by: String?

    @Option(help: ArgumentHelp("Keyness of these documents against the rest: 1962, 1962-12, 1962-01..1962-06, id,id,... or topic:NAME.", valueName: "TARGET"))
    var target: String?

    @Option(help: ArgumentHelp("Keyness against a second corpus instead of the rest of this one.", valueName: "PATH"))
    var reference: String?

    @Option(help: "Small-sample correction of G²: none (AntConc), williams (as quanteda's default: not when a count is 0) or williams-textbook (every term).")
    var correction: KeynessCorrection = .none

    @Option(help: ArgumentHelp("Collocates of this word or pattern.", valueName: "WORD"))
    var collocates: String?

    @Option(help: "Collocation window, in tokens on each side (1 to 1,000).")
    var window = 5

    @Option(help: "Minimum co-occurrences for a collocate.")
    var minFreq = 2

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        _ = try OptionRanges.ngramRange(ngram)
        try OptionRanges.check("--min-count", minCount, atLeast: 1)
        try OptionRanges.check("--min-freq", minFreq, atLeast: 1)
        try OptionRanges.check("--window", window, in: OptionRanges.collocationWindow, unit: "tokens on each side")
        if case let .period(from, to)? = target.map(KeynessTarget.init), OptionRanges.isReversed(from: from, to: to) {
            throw ValidationError("--target \(target ?? ""): the range starts after it ends; write the earlier date first (\(to.iso)..\(from.iso))")
        }
        if collocates != nil, target != nil || reference != nil || by != nil {
            throw ValidationError("--collocates cannot be combined with --target, --reference or --by")
        }
        if by != nil, target != nil || reference != nil {
            throw ValidationError("--by cannot be combined with --target or --reference")
        }
    }

    func run() throws {
        let ngrams = try OptionRanges.ngramRange(ngram)
        if let node = collocates {
            // Collocations need each document's tokens in their sentences: the corpus is loaded whole.
            let corpus = try input.load()
            let options = try counting.termOptions(ngrams: ngrams)
            let result: Collocations
            do {
                result = try Collocations(corpus.tokenizedDocuments(), node: node, window: window, minimumFrequency: minFreq,
                                          stopwords: options.stopwords, editorial: options.editorial)
            } catch {
                throw ValidationError(error.description)
            }
            try output.print(AnalysisTables.collocations(result, top: output.rowLimit), totalRows: result.rows.count)
            return try ExitStatus.finish(corpus)
        }
        // Terms, terms per group and keyness are counted chunk by chunk on all cores, each body let go once counted.
        var options = try counting.analysisOptions(parts: .terms, ngrams: ngrams)
        (options.minimumTermCount, options.minimumNgramCount) = (minCount, minCount)
        if target != nil || reference != nil {
            let (keyness, analysis) = try keyness(options: options)
            try output.print(AnalysisTables.keyness([keyness], top: output.rowLimit), totalRows: keyness.rows.count)
            return try ExitStatus.finish(analysis)
        }
        if let by {
            let grouping: TermGrouping
            do { grouping = try TermGrouping(by) } catch { throw ValidationError(error.description) }
            options.parts = .groups
            options.grouping = { document, _ in grouping.label(of: document) }
            let analysis = try CorpusOptions.analyse(input.path, options: options)
            let grouped = GroupedTermFrequencies(analysis.groups, by: grouping, options: try counting.termOptions(ngrams: ngrams), minimumCount: minCount)
            let total = grouped.groups.reduce(0) { $0 + min($1.frequencies.rows.count, output.rowLimit ?? .max) }
            try output.print(AnalysisTables.groupedTerms(grouped, top: output.rowLimit), totalRows: total)
            return try ExitStatus.finish(analysis)
        }
        let analysis = try CorpusOptions.analyse(input.path, options: options)
        try output.print(AnalysisTables.terms(analysis.terms, top: output.rowLimit), totalRows: analysis.terms.rows.count)
        try ExitStatus.finish(analysis)
    }

    /// The target's terms against the rest of the corpus, or against the corpus at `--reference`: two groups of one
    /// analysis (a topic target matches the lexicon in the same pass), or one group of each of two.
    private func keyness(options: AnalysisOptions) throws -> (Keyness, CorpusAnalysis) {
        let selection = target.map(KeynessTarget.init)
        var options = options
        options.parts = .groups
        if case let .topic(name)? = selection {
            let lexicon = try lexiconOptions.load()
            guard lexicon.has(TopicKey(name)) else {
                throw ValidationError("topic \"\(name)\" is not in the lexicon (topics: \(lexicon.topics.map(\.name).joined(separator: ", ")))")
            }
            options.lexicon = lexicon
            options.parts.insert(.topics)
        }
        let rest: String? = reference == nil ? "reference" : nil
        options.grouping = { document, topics in
            let key = TopicKey.self
            let inTarget = selection?.contains(document) { name in topics.contains { key.init(name).matches($0.topic) } } ?? true
            return inTarget ? "target" : rest
        }
        let analysis = try CorpusOptions.analyse(input.path, options: options)
        if case let .documents(ids)? = selection {
            let known = Set(analysis.documents.map(\.id))
            let unknown = ids.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw ValidationError("--target: no document with id \(unknown.joined(separator: ", ")) (a target is a year, a month, a range, document ids or topic:NAME)")
            }
        }
        func counter(_ label: String, of analysis: CorpusAnalysis) -> TermCounter {
            analysis.groups.first { $0.label == label }?.counter ?? TermCounter(options: analysis.groups.first?.counter.options ?? TermOptions())
        }
        let targetCounter = counter("target", of: analysis)
        var referenceCounter = counter("reference", of: analysis)
        if let reference {
            var other = options
            other.parts = .groups
            other.grouping = { _, _ in "reference" }
            let referenceAnalysis = try CorpusOptions.analyse(reference, options: other)
            guard !referenceAnalysis.documents.isEmpty else {
                throw ValidationError("--reference \(reference): no document could be read there")
            }
            referenceCounter = counter("reference", of: referenceAnalysis)
        }
        guard targetCounter.documents > 0 else { throw ValidationError("--target \(target ?? ""): no document matches") }
        guard referenceCounter.documents > 0 else { throw ValidationError("the reference is empty: every document is in the target") }
        let label = target ?? analysis.root
        return (Keyness(target: targetCounter, reference: referenceCounter, label: label, correction: correction, minimumCount: minCount), analysis)
    }
}

extension ExitStatus {
    /// Throws the exit status a run ends with when something was skipped; when nothing was read, says why on stderr.
    static func finish(_ corpus: Corpus) throws {
        try finish(root: corpus.root, documents: corpus.documents.count, skipped: corpus.skipped.count, ignored: corpus.ignored)
    }

    /// The same, after an analysis.
    static func finish(_ analysis: CorpusAnalysis) throws {
        try finish(root: analysis.root, documents: analysis.documents.count, skipped: analysis.skipped.count, ignored: analysis.ignored)
    }

    private static func finish(root: String, documents: Int, skipped: Int, ignored: [InputError]) throws {
        if documents == 0 {
            Console.error("error: " + NothingRead.message(path: root, skipped: skipped, ignored: ignored))
        }
        try finish(documents: documents, skipped: skipped)
    }

    static func finish(documents: Int, skipped: Int) throws {
        let status = after(documents: documents, skipped: skipped)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
