import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

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
    /// The document's KWIC lines, kept in the report's temporary file (`KWICStore`) and read back when asked for.
    var kwicRecords: KWICRecords
    /// The document's dated events, stored as they were made (`EventStore`); once the corpus is analysed they
    /// are in the corpus timeline (see `CorpusReport.events(of:)`).
    var eventRecords: EventRecords
    public var rejectedDates: [String]
    /// The document's ten most frequent words (no stopwords, no numbers), as the counter's word ids:
    /// their text is made when a page is written (`CorpusReport.topTerms(of:)`).
    public var topWords: [(term: Int32, count: Int32)] = []
    /// The document's automatic keywords (highest TF-IDF), best first, as word ids (`CorpusReport.keywords(of:)`).
    public var keywordWords: [(term: Int32, count: Int32)] = []
    /// Topic tokens counted under the editorial policy.
    public var countedTokens: Int

    /// The document's KWIC lines, read back from the report's temporary file.
    public var kwic: [KWICLine] {
        var lines: [KWICLine] = []
        forEachKWICLine { lines.append($0) }
        return lines
    }

    /// The number of KWIC lines.
    public var kwicCount: Int { kwicRecords.count }

    /// Calls `body` with the document's KWIC lines in order, read back one batch at a time (a document dense in
    /// hits has lines worth twice its text); with `topic`, only that topic's.
    public func forEachKWICLine(topic: String? = nil, _ body: (KWICLine) throws -> Void) rethrows {
        try kwicRecords.forEachLine(documentID: document.id, date: document.date?.value, topic: topic, body)
    }

    /// Whether the document has KWIC lines of `topic`.
    public func hasKWICLines(topic: String) -> Bool {
        kwicRecords.hasLines(topic: topic)
    }
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
    /// Where the corpus was read from, what was skipped and ignored, and the files listed.
    public var root: String { sources.root }
    public var skipped: [InputError] { sources.skipped }
    /// Documents read with a warning, and files passed by on purpose (notes).
    public var warnings: [InputError] { sources.warnings }
    public var ignored: [InputError] { sources.ignored }
    /// Everything reported about the input: errors, warnings, notes.
    public var problems: [InputError] { sources.problems }
    public var files: [InputFile] { sources.files }
    /// The corpus as read, documents without their bodies; made when asked for (the documents are in `documents`,
    /// and a second copy of them all is what a large corpus cannot afford).
    public var corpus: Corpus {
        var corpus = sources
        corpus.documents = documents.map(\.document)
        return corpus
    }
    /// The corpus without its documents.
    private var sources: Corpus
    public var options: ReportOptions
    public var documents: [DocumentReport]
    public var statistics: CorpusStatistics
    public var terms: TermFrequencies
    public var keyness: [Keyness]
    /// Topic hits per document; its `documents` list is left empty (the documents are in `documents`).
    public var topics: TopicAnalysis
    public var topicYears: [TopicPeriodRow]
    /// The dated events of all documents (on disk for a large corpus: see `EventStore`).
    private let events: EventStore
    /// The record in `events` of each event in timeline order (see `Timeline`).
    private var timelineOrder: [Int32] = []
    /// The counter behind terms, for turning word ids into terms; its phrases are let go once `terms` is made.
    public var counter: TermCounter
    /// Each document's words and counts (on disk for a large corpus: see `VectorStore`).
    private let vectors: VectorStore
    /// Timeline positions of each document's events: document k's are
    /// `eventOrder[eventStarts[k]..<eventStarts[k + 1]]`, in timeline order.
    private var eventOrder: [Int32] = []
    private var eventStarts: [Int32] = [0]
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
    public init(_ listing: InputListing, root: String, options: ReportOptions, progress: Progress = { _, _ in }) {
        let files = listing.files
        self.options = options
        let termOptions = TermOptions(ngrams: options.ngrams, stopwords: options.stopwords, editorial: options.editorial,
                                      dropNumbers: options.dropNumbers)
        let tagger = TemporalTagger(gazetteer: options.gazetteer)
        let matcher = TopicMatcher(lexicon: options.lexicon, editorial: options.editorial)
        var counter = TermCounter(options: termOptions, recordDocuments: true, recordPhrasesInDocuments: false)
        var reports: [DocumentReport] = []
        // A document a file, most often: no doubling (and, for a moment, twice the reports) as they come in.
        reports.reserveCapacity(files.count)
        var skipped = listing.skipped
        var warnings: [InputError] = []
        var inputs: [ReadInput] = []
        let vectors = VectorStore()
        var entries = 0
        // Each document's events and KWIC lines are stored on disk as they are made, from the thread that
        // analyses it; the events join the timeline, in document order, as each round is merged.
        let events = EventStore()
        let kwic = KWICStore(topics: options.lexicon.topics.map(\.name))
        var read = 0
        // A round gives each core a few chunks; rounds bound how much is held before merging.
        let chunks = stride(from: 0, to: files.count, by: Self.chunkSize).map { Array(files[$0..<min($0 + Self.chunkSize, files.count)]) }
        let round = 8
        var next = 0
        while next < chunks.count {
            let batch = Array(chunks[next..<min(next + round, chunks.count)])
            let results = batch.concurrentMap { chunk in
                Self.analyse(chunk, options: options, termOptions: termOptions, matcher: matcher, tagger: tagger,
                             stores: (events, kwic))
            }
            for result in results {
                counter.merge(result.counter)
                for var report in result.reports {
                    events.append(report.eventRecords, owner: Int32(reports.count))
                    // What is left of them is their sort keys, now in the store.
                    report.eventRecords = EventRecords()
                    reports.append(report)
                }
                skipped += result.skipped
                warnings += result.warnings
                inputs += result.inputs
                read += result.files
            }
            // The round's vectors, in the merged counter's word ids, go to the store.
            let roundVectors = counter.takeDocumentVectors()
            entries += roundVectors.reduce(0) { $0 + $1.entries.count }
            vectors.append(roundVectors)
            next += batch.count
            progress(read, files.count)
        }
        Memory.giveBackFreedPages()
        PhaseTimes.mark("read, analyse and merge the documents")
        PhaseTimes.note("\(counter.vocabulary.count) words, \(counter.phraseCount) phrases, \(entries) document × word entries, "
                        + "\(events.count) events")
        // Events are named by their documents when read back, so a renamed document's events follow it.
        warnings += Self.numberRepeatedIDs(&reports)
        for (index, slug) in Slug.unique(reports.map(\.document.id)).enumerated() { reports[index].slug = slug }
        sources = Corpus(root: root, documents: [], skipped: skipped, ignored: listing.ignored, warnings: warnings, files: files)
        self.vectors = vectors
        self.inputs = inputs
        statistics = CorpusStatistics(documents: reports.lazy.map(\.document), skipped: skipped, warnings: warnings, ignored: listing.ignored,
                                      lengths: reports.map(\.tokens), types: counter.vocabulary.count)
        terms = TermFrequencies(counter, minimumPhraseCount: options.minimumNgramCount)
        // Phrases are in `terms` now; nothing after needs the counter's own (word ids and vectors only).
        counter.forgetPhrases()
        Memory.giveBackFreedPages()
        self.counter = counter
        let vocabulary = counter.vocabulary
        // Numbers ("1", "1961") are counted in terms.csv but say little as keys or keywords.
        let hasLetter = (0..<vocabulary.count).map { vocabulary.term(Int32($0)).contains(where: \.isLetter) }
        keyness = Self.keynessByYear(counter, vectors: vectors, reports: reports, hasLetter: hasLetter, options: options)
        // The documents are in `documents`; a copy of each beside the hits is what a large corpus cannot afford.
        topics = TopicAnalysis(lexicon: options.lexicon, editorial: options.editorial, rows: reports.flatMap(\.topicRows), documents: [])
        topicYears = topics.periods(by: .year, of: reports.lazy.map { (id: $0.document.id, document: $0.document, tokens: $0.countedTokens) })
        let order = events.timelineOrder { reports[Int($0)].document.id }
        (eventOrder, eventStarts) = Self.eventIndex(owners: order.map { events.owners[Int($0)] }, documents: reports.count)
        timelineOrder = order
        self.events = events
        Self.rankWords(counter, vectors: vectors, hasLetter: hasLetter, into: &reports, keywordsPerDocument: options.keywordsPerDocument)
        documents = reports
        Memory.giveBackFreedPages()
        PhaseTimes.mark("corpus figures (terms, keyness, topics, timeline, keywords)")
    }

    /// Analyses the files of a corpus already loaded (read again, with their digests, and analysed in chunks).
    public init(corpus: Corpus, options: ReportOptions, progress: Progress = { _, _ in }) {
        self.init(InputListing(files: corpus.files, ignored: corpus.ignored, skipped: []), root: corpus.root, options: options, progress: progress)
    }

    /// One chunk's results: its documents' reports, its counts and its problems.
    private struct ChunkResult: Sendable {
        var reports: [DocumentReport]
        var counter: TermCounter
        var skipped: [InputError]
        var warnings: [InputError]
        var inputs: [ReadInput]
        var files: Int
    }

    private static func analyse(_ files: [InputFile], options: ReportOptions, termOptions: TermOptions,
                                matcher: TopicMatcher, tagger: TemporalTagger, stores: (events: EventStore, kwic: KWICStore)) -> ChunkResult {
        var counter = TermCounter(options: termOptions, recordDocuments: true, recordPhrasesInDocuments: false)
        var reports: [DocumentReport] = []
        // A document a file, most often: no doubling (and, for a moment, twice the reports) as they come in.
        reports.reserveCapacity(files.count)
        var skipped: [InputError] = []
        var warnings: [InputError] = []
        var inputs: [ReadInput] = []
        var cache = TopicMatcher.CandidateCache()
        for file in files {
            var digest: (bytes: Int, sha256: String)?
            let result = DocumentReader.read(file) { digest = ($0.count, SHA256.hex($0)) }
            if let digest, let fingerprint = result.fingerprint {
                inputs.append(ReadInput(file: file, bytes: digest.bytes, sha256: digest.sha256, fingerprint: fingerprint))
            }
            skipped += result.problems
            warnings += result.warnings
            for document in result.documents {
                let tokenized = TokenizedDocument(document)
                counter.add(tokenized)
                // Distinct terms: the counter has just seen every token, unless it left editorial words out.
                let types = options.editorial == .include ? counter.lastDocumentTypes : nil
                reports.append(analyse(tokenized, types: types, matcher: matcher, cache: &cache, tagger: tagger, options: options,
                                       stores: stores))
            }
        }
        return ChunkResult(reports: reports, counter: counter, skipped: skipped, warnings: warnings, inputs: inputs, files: files.count)
    }

    /// One document's results; `types` when already counted, else counted here.
    ///
    /// What it makes in proportion to its hits and dates (KWIC lines, events) is stored as it is made, and the
    /// tagger's expressions are handed over a sentence at a time: one document's analysis holds its text, its
    /// tokens and its matches, however many lines and events it yields (a 100 MB document's were 1.5 GB).
    private static func analyse(_ tokenized: TokenizedDocument, types: Int?, matcher: TopicMatcher, cache: inout TopicMatcher.CandidateCache,
                                tagger: TemporalTagger, options: ReportOptions, stores: (events: EventStore, kwic: KWICStore)) -> DocumentReport {
        // Each token's term is made where a pattern looks at it: an array of a large document's terms (16 bytes
        // a token, and more for a long word) was three times the size of its text.
        let matches = matcher.matches(in: tokenized, cache: &cache)
        let lexicon = options.lexicon
        let topicRows = TopicAnalysis.rows(tokenized, matches, lexicon: lexicon, editorial: options.editorial)
        let sentenceTopics = matcher.sentenceTopicIndex(matches, in: tokenized)
        // The expressions behind each event are the tagger's working; no output shows them.
        var eventRecords = EventRecords()
        let builder = EventBuilder(tagger: tagger) { _, sentence in sentenceTopics.topics(of: sentence) }
        let rejected = builder.forEachEvent(tokenized, keepingExpressions: false) { eventRecords.append($0, to: stores.events) }
        eventRecords.finish(in: stores.events)
        var kwicRecords = KWICRecords(store: stores.kwic)
        var next = 0
        KeywordInContext.forEachLine(matches, in: tokenized, options: options.kwic, label: { _ in "" }) { line in
            // Lines come in the order of the matches.
            kwicRecords.append(line, topic: matches[next].topic)
            next += 1
        }
        kwicRecords.finish()
        var document = tokenized.document
        let paragraphs = document.paragraphCount
        document.body = ""
        return DocumentReport(
            document: document, tokens: tokenized.tokens.count, types: types ?? tokenized.distinctTermCount,
            sentences: tokenized.sentences.count, paragraphs: paragraphs, topicRows: topicRows,
            kwicRecords: kwicRecords, eventRecords: eventRecords,
            rejectedDates: rejected.map { "sentence \($0.sentence + 1): \($0)" },
            countedTokens: TopicAnalysis.countedTokens(tokenized, options.editorial))
    }

    /// Document `index`'s words seen at least twice, with TF-IDF, by count (`document_terms.csv`), under the report's ids.
    ///
    /// Words seen once are left out: with them the table is larger than the corpus itself, and a
    /// word seen once says little about a document; `terms.csv` and the vectors keep every count.
    public func documentTerms(_ index: Int) -> [DocumentTermRow] {
        guard index < vectors.count else { return [] }
        let id = documents[index].document.id
        return counter.rankedEntries(vectors.entries(index), by: .count) { $0.count >= 2 }.map { counter.row(id, $0) }
    }

    /// Document `index`'s words and counts (stopwords left out), in the counter's word ids.
    public func vector(_ index: Int) -> DocumentTermVector {
        DocumentTermVector(documentID: documents[index].document.id, tokens: vectors.tokens[index], entries: vectors.entries(index))
    }

    /// Document `index`'s ten most frequent words (no stopwords, no numbers), with their TF-IDF.
    public func topTerms(of index: Int) -> [DocumentTermRow] {
        documents[index].topWords.map { counter.row(documents[index].document.id, $0) }
    }

    /// Document `index`'s automatic keywords: highest TF-IDF, numbers left out, best first.
    public func keywords(of index: Int) -> [DocumentKeyword] {
        let id = documents[index].document.id
        return documents[index].keywordWords.enumerated().map { rank, entry in
            let row = counter.row(id, entry)
            return DocumentKeyword(documentID: id, rank: rank + 1, term: row.term, count: row.count, score: row.tfidf)
        }
    }

    /// Document `index`'s dated events, in timeline order.
    public func events(of index: Int) -> [TemporalEvent] {
        var events: [TemporalEvent] = []
        forEachEvent(of: index) { events.append($0) }
        return events
    }

    /// The number of document `index`'s dated events.
    public func eventCount(of index: Int) -> Int {
        guard index + 1 < eventStarts.count else { return 0 }
        return Int(eventStarts[index + 1] - eventStarts[index])
    }

    /// Calls `body` with document `index`'s dated events in timeline order, read back one at a time (a document
    /// dense in dates has events worth more than its text).
    public func forEachEvent(of index: Int, _ body: (TemporalEvent) throws -> Void) rethrows {
        guard index + 1 < eventStarts.count else { return }
        for position in eventOrder[Int(eventStarts[index])..<Int(eventStarts[index + 1])] { try body(timelineEvent(Int(position))) }
    }

    /// Dated events of the corpus.
    public var eventCount: Int { timelineOrder.count }

    /// The event at `position` of the timeline (see `Timeline` for the order), read back from the store.
    public func timelineEvent(_ position: Int) -> TemporalEvent {
        let record = Int(timelineOrder[position])
        return events.event(record, documentID: documents[Int(events.owners[record])].document.id)
    }

    /// The corpus's events in timeline order, read one at a time.
    public var timelineEvents: LazyMapSequence<Range<Int>, TemporalEvent> {
        (0..<eventCount).lazy.map { timelineEvent($0) }
    }

    /// Where each document's events are in the timeline: a counting sort of the timeline's positions by document
    /// (`owners[k]`: the document of the k-th event of the timeline).
    private static func eventIndex(owners: [Int32], documents: Int) -> (order: [Int32], starts: [Int32]) {
        var starts = [Int32](repeating: 0, count: documents + 1)
        for owner in owners { starts[Int(owner) + 1] += 1 }
        for k in 0..<documents { starts[k + 1] += starts[k] }
        var next = starts
        var order = [Int32](repeating: 0, count: owners.count)
        for (position, owner) in owners.enumerated() {
            order[Int(next[Int(owner)])] = Int32(position)
            next[Int(owner)] += 1
        }
        return (order, starts)
    }

    /// Two files may yield the same id (the same volume twice): number the repeats, as `Corpus.load` does.
    private static func numberRepeatedIDs(_ reports: inout [DocumentReport]) -> [InputError] {
        var ids = DocumentIDs()
        var warnings: [InputError] = []
        for index in reports.indices {
            var renamed = reports[index].document.id
            guard let warning = ids.numbering(&renamed, file: reports[index].document.file) else { continue }
            warnings.append(warning)
            reports[index].document.id = renamed
            for k in reports[index].topicRows.indices { reports[index].topicRows[k].documentID = renamed }
        }
        return warnings
    }

    /// Each year's words against all other documents: the strongest positive keys with p < 0.05 (years on all cores).
    private static func keynessByYear(_ counter: TermCounter, vectors: VectorStore, reports: [DocumentReport], hasLetter: [Bool],
                                      options: ReportOptions) -> [Keyness] {
        var documentsByYear: [String: [Int]] = [:]
        for (index, report) in reports.enumerated() {
            if let date = report.document.date { documentsByYear[String(date.value.year), default: []].append(index) }
        }
        guard documentsByYear.count >= 2 else { return [] }
        var totals = [Int](repeating: 0, count: counter.vocabulary.count)
        for id in totals.indices { totals[id] = counter.wordCount(Int32(id)) }
        let allTokens = vectors.tokens.reduce(0, +)
        let corpusTotals = totals, corpusTokens = allTokens, yearDocuments = documentsByYear
        return yearDocuments.keys.sorted().concurrentMap { year in
            var inYear = [Int](repeating: 0, count: corpusTotals.count)
            var touched: [Int32] = []
            var targetTokens = 0
            for index in yearDocuments[year] ?? [] where index < vectors.count {
                targetTokens += vectors.tokens[index]
                for entry in vectors.entries(index) where entry.term >= 0 {
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
    private static func rankWords(_ counter: TermCounter, vectors: VectorStore, hasLetter: [Bool], into reports: inout [DocumentReport],
                                  keywordsPerDocument: Int) {
        let isWord: @Sendable ((term: Int32, count: Int32)) -> Bool = { $0.term >= 0 && hasLetter[Int($0.term)] }
        let chunks = stride(from: 0, to: vectors.count, by: 256).map { $0..<min($0 + 256, vectors.count) }
        let ranked = chunks.concurrentMap { chunk in
            chunk.map { index in
                let entries = vectors.entries(index)
                return (top: counter.rankedEntries(entries, by: .count, limit: 10, keep: isWord),
                        keywords: counter.rankedEntries(entries, by: .tfidf, limit: keywordsPerDocument, keep: isWord))
            }
        }
        for (index, words) in ranked.joined().enumerated() where index < reports.count {
            reports[index].topWords = words.top
            reports[index].keywordWords = words.keywords
        }
    }
}
