import ChanceryAnalytics
import ChanceryCorpus

/// What one document contributes to a report, computed on its own (in parallel with others).
///
/// The document is kept without its body (its metadata, header, closing,
/// editorial marks and persons stay): the analyses have read it already, and
/// a large collection's text need not stay in memory while the report is written.
public struct DocumentReport: Sendable {
    public var document: Document
    public var slug: String = ""
    public var tokens: Int
    public var types: Int
    public var sentences: Int
    public var paragraphs: Int
    public var topicRows: [TopicHitRow]
    public var kwic: [KWICLine]
    public var events: [TemporalEvent]
    public var rejectedDates: [String]
    /// Topic tokens counted under the editorial policy.
    public var countedTokens: Int
}

/// Every analysis of a corpus, run once, ready for the writers.
///
/// Files are read in fixed chunks of consecutive files; each chunk is read,
/// tokenized, analysed (topics, KWIC lines, temporal tagging, events) and
/// counted on one core, several chunks at a time, and the chunks' counts are
/// merged in file order. The chunks do not depend on the number of cores, so
/// the result — and every output byte — is the same on one core or many.
/// Document bodies are dropped once analysed: memory grows with the
/// vocabulary and the results, not with the text.
public struct CorpusReport: Sendable {
    /// The corpus as read: documents without their bodies, skipped files, ignored files.
    public var corpus: Corpus
    public var options: ReportOptions
    public var documents: [DocumentReport]
    public var statistics: CorpusStatistics
    public var terms: TermFrequencies
    public var documentVectors: [DocumentTermVector]
    public var keyness: [Keyness]
    public var topics: TopicAnalysis
    public var topicYears: [TopicPeriodRow]
    public var timeline: Timeline
    public var keywords: [DocumentKeyword]
    /// The counter behind terms, for turning document vectors into terms.
    public var counter: TermCounter

    /// Progress as (files read, files in all).
    public typealias Progress = @Sendable (Int, Int) -> Void

    /// Files per chunk: small enough to spread over the cores, large enough that merging stays cheap.
    static let chunkSize = 64

    /// Reads and analyses the files of a corpus.
    public init(files: [InputFile], root: String, ignored: [String] = [], options: ReportOptions, progress: Progress = { _, _ in }) {
        self.options = options
        let termOptions = TermOptions(ngrams: options.ngrams, stopwords: options.stopwords, editorial: options.editorial)
        let tagger = TemporalTagger(gazetteer: options.gazetteer)
        let matcher = TopicMatcher(lexicon: options.lexicon, editorial: options.editorial)
        var counter = TermCounter(options: termOptions, recordDocuments: true, recordPhrasesInDocuments: false)
        var reports: [DocumentReport] = []
        var skipped: [InputError] = []
        var read = 0
        // A round gives each core a few chunks; rounds bound how much is held before merging.
        let chunks = stride(from: 0, to: files.count, by: Self.chunkSize).map { Array(files[$0..<min($0 + Self.chunkSize, files.count)]) }
        let round = 8
        var next = 0
        while next < chunks.count {
            let batch = Array(chunks[next..<min(next + round, chunks.count)])
            let results = batch.concurrentMap { chunk in
                Self.analyse(chunk, options: options, termOptions: termOptions, matcher: matcher, tagger: tagger)
            }
            for result in results {
                counter.merge(result.counter)
                reports += result.reports
                skipped += result.skipped
                read += result.files
            }
            next += batch.count
            progress(read, files.count)
        }
        Self.numberRepeatedIDs(&reports)
        for (index, slug) in Slug.unique(reports.map(\.document.id)).enumerated() { reports[index].slug = slug }
        documents = reports
        corpus = Corpus(root: root, documents: reports.map(\.document), skipped: skipped, ignored: ignored, files: files)
        self.counter = counter
        statistics = CorpusStatistics(corpus, lengths: reports.map(\.tokens), types: counter.vocabulary.count)
        terms = TermFrequencies(counter)
        terms.rows.removeAll { $0.n > 1 && $0.count < options.minimumNgramCount }
        documentVectors = counter.documentVectors
        keyness = Self.keynessByYear(counter, reports: reports, options: options)
        topics = TopicAnalysis(lexicon: options.lexicon, editorial: options.editorial, rows: reports.flatMap(\.topicRows),
                               documents: reports.map { ($0.document.id, $0.document, $0.countedTokens) })
        topicYears = topics.periods(by: .year)
        timeline = Timeline(events: reports.flatMap(\.events))
        keywords = Self.keywords(counter, perDocument: options.keywordsPerDocument)
    }

    /// Analyses documents already loaded (they are re-read from their files only for the manifest).
    public init(corpus: Corpus, options: ReportOptions, progress: Progress = { _, _ in }) {
        self.init(files: corpus.files, root: corpus.root, ignored: corpus.ignored, options: options, progress: progress)
    }

    /// One chunk's results: its documents' reports, its counts and its problems.
    private struct ChunkResult: Sendable {
        var reports: [DocumentReport]
        var counter: TermCounter
        var skipped: [InputError]
        var files: Int
    }

    private static func analyse(_ files: [InputFile], options: ReportOptions, termOptions: TermOptions,
                                matcher: TopicMatcher, tagger: TemporalTagger) -> ChunkResult {
        var counter = TermCounter(options: termOptions, recordDocuments: true, recordPhrasesInDocuments: false)
        var reports: [DocumentReport] = []
        var skipped: [InputError] = []
        var cache = TopicMatcher.CandidateCache()
        for file in files {
            let result = DocumentReader.read(file)
            skipped += result.problems
            for document in result.documents {
                let tokenized = TokenizedDocument(document)
                counter.add(tokenized)
                reports.append(analyse(tokenized, matcher: matcher, cache: &cache, tagger: tagger, options: options))
            }
        }
        return ChunkResult(reports: reports, counter: counter, skipped: skipped, files: files.count)
    }

    private static func analyse(_ tokenized: TokenizedDocument, matcher: TopicMatcher, cache: inout TopicMatcher.CandidateCache,
                                tagger: TemporalTagger, options: ReportOptions) -> DocumentReport {
        let terms = tokenized.terms
        let matches = matcher.matches(in: tokenized, terms: terms, cache: &cache)
        let sentenceTopics = matcher.sentenceTopics(matches, in: tokenized)
        let tagging = tagger.tag(tokenized)
        let builder = EventBuilder(tagger: tagger) { _, sentence in sentenceTopics[sentence] ?? [] }
        let lexicon = options.lexicon
        var document = tokenized.document
        let paragraphs = document.paragraphs.count
        document.body = ""
        return DocumentReport(
            document: document, tokens: tokenized.tokens.count, types: Set(terms).count, sentences: tokenized.sentences.count,
            paragraphs: paragraphs,
            topicRows: TopicAnalysis.rows(tokenized, matches, lexicon: lexicon, editorial: options.editorial),
            kwic: KeywordInContext.lines(matches, in: tokenized, options: options.kwic) { lexicon.topics[$0.topic].name },
            events: builder.events(tokenized, tagging: tagging),
            rejectedDates: tagging.rejected.map { "sentence \($0.sentence + 1): \($0)" },
            countedTokens: TopicAnalysis.countedTokens(tokenized, options.editorial))
    }

    /// Words seen at least twice in a document, with TF-IDF (`document_terms.csv`), under the report's document ids.
    ///
    /// Words seen once are left out: with them the table is larger than the corpus itself, and a
    /// word seen once says little about a document; `terms.csv` and the vectors keep every count.
    public var documentTerms: [DocumentTermRow] {
        zip(documentVectors, documents).flatMap { vector, report in
            counter.weighted(vector).filter { $0.count >= 2 }
                .sorted { a, b in a.count != b.count ? a.count > b.count : a.term < b.term }
                .map { row in
                    var row = row
                    row.documentID = report.document.id
                    return row
                }
        }
    }

    /// Two files may yield the same id (the same volume twice): number the repeats, as `Corpus.load` does.
    private static func numberRepeatedIDs(_ reports: inout [DocumentReport]) {
        var seen: [String: Int] = [:]
        for index in reports.indices {
            let id = reports[index].document.id
            let count = seen[id, default: 0] + 1
            seen[id] = count
            guard count > 1 else { continue }
            let renamed = id + "~\(count)"
            reports[index].document.id = renamed
            for k in reports[index].topicRows.indices { reports[index].topicRows[k].documentID = renamed }
            for k in reports[index].kwic.indices { reports[index].kwic[k].documentID = renamed }
            for k in reports[index].events.indices { reports[index].events[k].documentID = renamed }
        }
    }

    /// Each year's words against all other documents: the strongest positive keys with p < 0.05.
    private static func keynessByYear(_ counter: TermCounter, reports: [DocumentReport], options: ReportOptions) -> [Keyness] {
        let years = reports.map { $0.document.date.map { String($0.value.year) } }
        guard Set(years.compactMap { $0 }).count >= 2 else { return [] }
        var totals: [Int32: Int] = [:]
        var byYear: [String: [Int32: Int]] = [:]
        var tokensByYear: [String: Int] = [:]
        var allTokens = 0
        for (vector, year) in zip(counter.documentVectors, years) {
            allTokens += vector.tokens
            if let year { tokensByYear[year, default: 0] += vector.tokens }
            for entry in vector.entries where entry.term >= 0 {
                totals[entry.term, default: 0] += Int(entry.count)
                if let year { byYear[year, default: [:]][entry.term, default: 0] += Int(entry.count) }
            }
        }
        return tokensByYear.keys.sorted().map { year in
            var counts: [String: Keyness.KeynessCount] = [:]
            for (term, count) in byYear[year] ?? [:] {
                let text = counter.term(term)
                // Numbers ("1", "1961") are counted in terms.csv but say little as keys of a year.
                guard text.contains(where: \.isLetter) else { continue }
                counts[text] = Keyness.KeynessCount(n: 1, target: count, reference: (totals[term] ?? 0) - count)
            }
            let targetTokens = tokensByYear[year] ?? 0
            var keyness = Keyness(counts: counts, targetTokens: targetTokens, referenceTokens: allTokens - targetTokens,
                                  label: year, correction: options.correction, minimumCount: 2)
            keyness.rows = Array(keyness.rows.filter { $0.g2 > 0 && $0.pValue < 0.05 }.prefix(options.keysPerYear))
            return keyness
        }
    }

    /// Top TF-IDF words (no numbers) per document.
    private static func keywords(_ counter: TermCounter, perDocument: Int) -> [DocumentKeyword] {
        var result: [DocumentKeyword] = []
        for vector in counter.documentVectors {
            let ranked = counter.weighted(vector).filter { $0.tfidf > 0 && $0.term.contains(where: \.isLetter) }
                .sorted { $0.tfidf != $1.tfidf ? $0.tfidf > $1.tfidf : $0.term < $1.term }
            for (rank, row) in ranked.prefix(perDocument).enumerated() {
                result.append(DocumentKeyword(documentID: vector.documentID, rank: rank + 1, term: row.term, count: row.count, score: row.tfidf))
            }
        }
        return result
    }
}
