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
    /// The document's ten most frequent words (no stopwords, no numbers), with TF-IDF: for its page.
    public var topTerms: [DocumentTermRow] = []
    /// The document's automatic keywords (highest TF-IDF), best first.
    public var keywords: [DocumentKeyword] = []
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
    /// The files read, in order, with their digests (skipped unreadable files are not here).
    public var inputs: [ReadInput]

    /// An input file as this report read it: size and SHA-256 for the manifest, and its fingerprint,
    /// to tell at the end whether it changed or vanished during the run.
    public struct ReadInput: Sendable {
        public var file: InputFile
        public var bytes: Int
        public var sha256: String
        public var fingerprint: FileFingerprint
    }

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
        var inputs: [ReadInput] = []
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
                inputs += result.inputs
                read += result.files
            }
            next += batch.count
            progress(read, files.count)
        }
        PhaseTimes.mark("read, analyse and merge the documents")
        Self.numberRepeatedIDs(&reports)
        for (index, slug) in Slug.unique(reports.map(\.document.id)).enumerated() { reports[index].slug = slug }
        corpus = Corpus(root: root, documents: reports.map(\.document), skipped: skipped, ignored: ignored, files: files)
        self.counter = counter
        self.inputs = inputs
        statistics = CorpusStatistics(corpus, lengths: reports.map(\.tokens), types: counter.vocabulary.count)
        terms = TermFrequencies(counter)
        terms.rows.removeAll { $0.n > 1 && $0.count < options.minimumNgramCount }
        documentVectors = counter.documentVectors
        let vocabulary = counter.vocabulary
        // Numbers ("1", "1961") are counted in terms.csv but say little as keys or keywords.
        let hasLetter = (0..<vocabulary.count).map { vocabulary.term(Int32($0)).contains(where: \.isLetter) }
        keyness = Self.keynessByYear(counter, reports: reports, hasLetter: hasLetter, options: options)
        topics = TopicAnalysis(lexicon: options.lexicon, editorial: options.editorial, rows: reports.flatMap(\.topicRows),
                               documents: reports.map { ($0.document.id, $0.document, $0.countedTokens) })
        topicYears = topics.periods(by: .year)
        timeline = Timeline(events: reports.flatMap(\.events))
        keywords = Self.rankWords(counter, hasLetter: hasLetter, into: &reports, keywordsPerDocument: options.keywordsPerDocument)
        documents = reports
        PhaseTimes.mark("corpus figures (terms, keyness, topics, timeline, keywords)")
    }

    /// Analyses the files of a corpus already loaded (read again, with their digests, and analysed in chunks).
    public init(corpus: Corpus, options: ReportOptions, progress: Progress = { _, _ in }) {
        self.init(files: corpus.files, root: corpus.root, ignored: corpus.ignored, options: options, progress: progress)
    }

    /// One chunk's results: its documents' reports, its counts and its problems.
    private struct ChunkResult: Sendable {
        var reports: [DocumentReport]
        var counter: TermCounter
        var skipped: [InputError]
        var inputs: [ReadInput]
        var files: Int
    }

    private static func analyse(_ files: [InputFile], options: ReportOptions, termOptions: TermOptions,
                                matcher: TopicMatcher, tagger: TemporalTagger) -> ChunkResult {
        var counter = TermCounter(options: termOptions, recordDocuments: true, recordPhrasesInDocuments: false)
        var reports: [DocumentReport] = []
        var skipped: [InputError] = []
        var inputs: [ReadInput] = []
        var cache = TopicMatcher.CandidateCache()
        for file in files {
            var digest: (bytes: Int, sha256: String)?
            let result = DocumentReader.read(file) { digest = ($0.count, SHA256.hex($0)) }
            if let digest, let fingerprint = result.fingerprint {
                inputs.append(ReadInput(file: file, bytes: digest.bytes, sha256: digest.sha256, fingerprint: fingerprint))
            }
            skipped += result.problems
            for document in result.documents {
                let tokenized = TokenizedDocument(document)
                counter.add(tokenized)
                var report = analyse(tokenized, matcher: matcher, cache: &cache, tagger: tagger, options: options)
                // Distinct terms: the counter has just seen every token, unless it left editorial words out.
                if options.editorial == .include { report.types = counter.lastDocumentTypes }
                reports.append(report)
            }
        }
        return ChunkResult(reports: reports, counter: counter, skipped: skipped, inputs: inputs, files: files.count)
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
        let paragraphs = document.paragraphCount
        document.body = ""
        return DocumentReport(
            document: document, tokens: tokenized.tokens.count, types: options.editorial == .include ? 0 : Set(terms).count,
            sentences: tokenized.sentences.count,
            paragraphs: paragraphs,
            topicRows: TopicAnalysis.rows(tokenized, matches, lexicon: lexicon, editorial: options.editorial),
            kwic: KeywordInContext.lines(matches, in: tokenized, options: options.kwic) { lexicon.topics[$0.topic].name },
            events: builder.events(tokenized, tagging: tagging),
            rejectedDates: tagging.rejected.map { "sentence \($0.sentence + 1): \($0)" },
            countedTokens: TopicAnalysis.countedTokens(tokenized, options.editorial))
    }

    /// Document `index`'s words seen at least twice, with TF-IDF, by count (`document_terms.csv`), under the report's ids.
    ///
    /// Words seen once are left out: with them the table is larger than the corpus itself, and a
    /// word seen once says little about a document; `terms.csv` and the vectors keep every count.
    public func documentTerms(_ index: Int) -> [DocumentTermRow] {
        guard index < documentVectors.count else { return [] }
        let id = documents[index].document.id
        return counter.ranked(documentVectors[index], by: .count) { $0.count >= 2 }.map { row in
            var row = row
            row.documentID = id
            return row
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

    /// Each year's words against all other documents: the strongest positive keys with p < 0.05 (years on all cores).
    private static func keynessByYear(_ counter: TermCounter, reports: [DocumentReport], hasLetter: [Bool],
                                      options: ReportOptions) -> [Keyness] {
        var documentsByYear: [String: [Int]] = [:]
        for (index, report) in reports.enumerated() {
            if let date = report.document.date { documentsByYear[String(date.value.year), default: []].append(index) }
        }
        guard documentsByYear.count >= 2 else { return [] }
        let vectors = counter.documentVectors
        var totals = [Int](repeating: 0, count: counter.vocabulary.count)
        var allTokens = 0
        for vector in vectors {
            allTokens += vector.tokens
            for entry in vector.entries where entry.term >= 0 { totals[Int(entry.term)] += Int(entry.count) }
        }
        let corpusTotals = totals, corpusTokens = allTokens, yearDocuments = documentsByYear
        return yearDocuments.keys.sorted().concurrentMap { year in
            var inYear = [Int](repeating: 0, count: corpusTotals.count)
            var touched: [Int32] = []
            var targetTokens = 0
            for index in yearDocuments[year] ?? [] where index < vectors.count {
                targetTokens += vectors[index].tokens
                for entry in vectors[index].entries where entry.term >= 0 {
                    if inYear[Int(entry.term)] == 0 { touched.append(entry.term) }
                    inYear[Int(entry.term)] += Int(entry.count)
                }
            }
            var counts: [String: Keyness.KeynessCount] = [:]
            for term in touched where hasLetter[Int(term)] {
                let count = inYear[Int(term)]
                counts[counter.term(term)] = Keyness.KeynessCount(n: 1, target: count, reference: corpusTotals[Int(term)] - count)
            }
            var keyness = Keyness(counts: counts, targetTokens: targetTokens, referenceTokens: corpusTokens - targetTokens,
                                  label: year, correction: options.correction, minimumCount: 2)
            keyness.rows = Array(keyness.rows.filter { $0.g2 > 0 && $0.pValue < 0.05 }.prefix(options.keysPerYear))
            return keyness
        }
    }

    /// Each document's top words by count (for its page) and by TF-IDF (its keywords), leaving out terms
    /// without a letter (numbers, "1961"); computed on all cores, in document order.
    private static func rankWords(_ counter: TermCounter, hasLetter: [Bool], into reports: inout [DocumentReport],
                                  keywordsPerDocument: Int) -> [DocumentKeyword] {
        let isWord: @Sendable ((term: Int32, count: Int32)) -> Bool = { $0.term >= 0 && hasLetter[Int($0.term)] }
        let vectors = counter.documentVectors
        let ids = reports.map(\.document.id)
        let chunks = stride(from: 0, to: vectors.count, by: 256).map { $0..<min($0 + 256, vectors.count) }
        let ranked = chunks.concurrentMap { chunk in
            chunk.map { index -> (top: [DocumentTermRow], keywords: [DocumentKeyword]) in
                let vector = vectors[index]
                let top = counter.ranked(vector, by: .count, limit: 10, keep: isWord)
                let keywords = counter.ranked(vector, by: .tfidf, limit: keywordsPerDocument, keep: isWord).enumerated().map { rank, row in
                    DocumentKeyword(documentID: index < ids.count ? ids[index] : vector.documentID, rank: rank + 1, term: row.term, count: row.count, score: row.tfidf)
                }
                return (top, keywords)
            }
        }
        var keywords: [DocumentKeyword] = []
        for (index, words) in ranked.joined().enumerated() {
            if index < reports.count {
                reports[index].topTerms = words.top
                reports[index].keywords = words.keywords
            }
            keywords += words.keywords
        }
        return keywords
    }
}
