import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// Every analysis of a corpus, run once: the one pipeline from files to values, for the report's writers and
/// for each command (which asks only for the parts it prints: `AnalysisOptions.parts`).
///
/// Files are read in fixed chunks of consecutive files; each chunk is read,
/// tokenized, analysed (topics, KWIC lines, temporal tagging, events) and
/// counted on one core, several chunks at a time, and the chunks' counts are
/// merged in file order. The chunks do not depend on the number of cores, so
/// the result — and every output byte — is the same on one core or many.
/// Document bodies are dropped once analysed: memory grows with the
/// vocabulary and the results, not with the text. Documents that repeat an
/// id are numbered as they join, file by file, as `Corpus.load` numbers them
/// (`DocumentIDs.number`).
public struct CorpusAnalysis: Sendable {
    /// Keys of a year are kept in `keyness` when their p-value is below this (and G² is positive).
    public static let keyPValueBelow = 0.05
    /// Keys of a year are words seen at least this many times in the year's documents: one use is one
    /// writer's word, whatever its G² (`manifest.json` records it as `min_count_target`).
    public static let keyMinimumTargetCount = 2
    /// A side of a keyness comparison with fewer documents than this gets a caution (`keynessCautions`): its
    /// keys are the words of a document or two, not of a period.
    public static let keyMinimumDocuments = 5

    /// Where the corpus was read from, what was skipped and ignored, and the files listed.
    public var root: String { sources.root }
    public var skipped: [InputError] { sources.skipped }
    /// Documents read with a warning, file by file: each file's own, then those of numbering its documents'
    /// repeated ids (as `Corpus.load` gives them).
    public var warnings: [InputError] { sources.warnings }
    public var ignored: [InputError] { sources.ignored }
    /// Everything reported about the input: errors, warnings, notes.
    public var problems: [InputError] { sources.problems }
    public var files: [InputFile] { sources.files }
    /// The corpus without its documents.
    private var sources: Corpus
    public var options: AnalysisOptions
    public var documents: [DocumentAnalysis]
    public var statistics: CorpusStatistics
    public var terms: TermFrequencies
    public var keyness: [Keyness]
    /// Topic hits per document; its `documents` list is left empty (the documents are in `documents`).
    public var topics: TopicAnalysis
    public var topicYears: [TopicPeriodRow]
    /// Terms counted per group of documents (`.groups`, `AnalysisOptions.grouping`): each label with its counter,
    /// in the order of the group's first document.
    public var groups: [(label: String, counter: TermCounter)] = []
    /// The dated events of all documents (on disk for a large corpus: see `EventStore`).
    private let events: EventStore
    /// The record in `events` of each event in timeline order (see `Timeline`).
    private var timelineOrder: [Int32] = []
    /// Each document's words and counts (rows on disk: a large corpus has tens of millions of entries), with the
    /// corpus figures of each word; phrases are in `terms` alone. Empty unless `.matrix` was asked for.
    public private(set) var matrix: DocumentTermMatrix<DiskDocumentTerms>
    /// Timeline positions of each document's events: document k's are
    /// `eventOrder[eventStarts[k]..<eventStarts[k + 1]]`, in timeline order.
    private var eventOrder: [Int32] = []
    private var eventStarts: [Int32] = [0]
    /// The files read, in order, with their digests (skipped unreadable files are not here).
    public var inputs: [ReadInput]

    /// An input file as this analysis read it: size and SHA-256 for the manifest, and its fingerprint,
    /// to tell at the end whether it changed or vanished during the run.
    public struct ReadInput: Sendable {
        public var file: InputFile
        public var bytes: Int
        public var sha256: String
        public var fingerprint: FileFingerprint
    }

    /// The parts for which the words are counted.
    static let counting: AnalysisParts = [.statistics, .terms, .matrix]

    /// Files per chunk: small enough to spread over the cores, large enough that merging stays cheap.
    static let chunkSize = 64

    /// Files per chunk for `files` files and `parts`. Counting words alone (`stats`), a chunk holds nothing but its
    /// vocabulary, and each chunk interns its words anew and merges them into the corpus's on one core: chunks of
    /// up to 512 files (at least 16 chunks, for the cores) take 9 % fewer instructions than chunks of 64 on a
    /// 16 MB corpus of 2,600 files (valgrind). The figures do not depend on the chunks (the types are a count of
    /// distinct words); with terms, ids or lines, chunks stay at 64 files, which the outputs' bytes were made with.
    static func chunkSize(files: Int, parts: AnalysisParts) -> Int {
        parts.isSubset(of: [.statistics, .digests]) ? max(chunkSize, min(512, files / 16)) : chunkSize
    }

    /// Reads and analyses the files of a corpus: the parts `options.parts` asks for.
    public init(_ listing: InputListing, root: String, options: AnalysisOptions, observer: AnalysisObserver = .silent) {
        let files = listing.files
        self.options = options
        let parts = options.parts
        // Without terms or groups, words alone are counted, for the types of the statistics.
        let termOptions = TermOptions(ngrams: parts.isDisjoint(with: [.terms, .groups]) ? 1...1 : options.ngrams, stopwords: options.stopwords,
                                      editorial: options.editorial, dropNumbers: options.dropNumbers)
        let tagger = TemporalTagger(gazetteer: options.gazetteer)
        let matcher = TopicMatcher(lexicon: options.lexicon, editorial: options.editorial)
        var counter = TermCounter(options: termOptions)
        var analyses: [DocumentAnalysis] = []
        // A document a file, most often: no doubling (and, for a moment, twice the analyses) as they come in.
        analyses.reserveCapacity(files.count)
        var skipped = listing.skipped
        var warnings: [InputError] = []
        var ids = DocumentIDs()
        var inputs: [ReadInput] = []
        let rows = DiskDocumentTerms()
        var entries = 0
        var leftOutTerms: Set<String> = []
        var groupIndex: [String: Int] = [:]
        var groups: [(label: String, counter: TermCounter)] = []
        // Each document's events and KWIC lines are stored on disk as they are made, from the thread that
        // analyses it; the events join the timeline, in document order, as each round is merged.
        let events = EventStore()
        let kwic = KWICStore(topics: options.lexicon.topics.map(\.name))
        var read = 0
        // A round gives each core a few chunks; rounds bound how much is held before merging.
        let size = options.chunkFiles ?? Self.chunkSize(files: files.count, parts: parts)
        let chunks = stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min($0 + size, files.count)]) }
        let round = 8
        var next = 0
        while next < chunks.count {
            let batch = Array(chunks[next..<min(next + round, chunks.count)])
            let results = batch.concurrentMap { chunk in
                Self.analyse(chunk, options: options, termOptions: termOptions, matcher: matcher, tagger: tagger,
                             stores: (events, kwic))
            }
            for result in results {
                let mapping = counter.merge(result.counter)
                leftOutTerms.formUnion(result.leftOutTerms)
                // The chunk's rows, in the merged counter's ids, go to disk.
                let chunkRows = result.rows.map(mapping.callAsFunction)
                entries += chunkRows.reduce(0) { $0 + $1.entries.count }
                rows.append(chunkRows)
                var first = 0
                for file in result.files {
                    warnings += file.warnings
                    // Events and KWIC lines are named by their documents when read back, so a renamed document's follow it.
                    var joining = result.analyses[first..<first + file.documents]
                    first += file.documents
                    warnings += ids.number(&joining, id: \.id, file: \.document.file)
                    if parts.contains(.groups), let grouping = options.grouping {
                        // Grouped once its id is numbered (`--by document`, `--target a~2`): each document's own counts join its group's.
                        for (analysis, counts) in zip(joining, result.documentCounters[(first - file.documents)..<first]) {
                            guard let label = grouping(analysis.document, analysis.topicRows) else { continue }
                            if let index = groupIndex[label] {
                                _ = groups[index].counter.merge(counts)
                            } else {
                                groupIndex[label] = groups.count
                                groups.append((label, counts))
                            }
                        }
                    }
                    for var analysis in joining {
                        events.append(analysis.eventRecords, owner: Int32(analyses.count))
                        // What is left of them is their sort keys, now in the store.
                        analysis.eventRecords = EventRecords()
                        analyses.append(analysis)
                    }
                }
                skipped += result.skipped
                inputs += result.inputs
                read += result.files.count
            }
            next += batch.count
            observer.progress(read, files.count)
            observer.documentsRead(read, files.count, analyses.count)
        }
        Memory.giveBackFreedPages()
        observer.phaseEnded(AnalysisPhase("read, analyse and merge the documents", figures: [
            ("words", counter.vocabulary.count), ("phrases", counter.phraseCount), ("document × word entries", entries),
            ("events", events.count),
        ]))
        sources = Corpus(root: root, documents: [], skipped: skipped, ignored: listing.ignored, warnings: warnings, files: files)
        self.inputs = inputs
        self.groups = groups
        // Types only when asked for: of every token: the counter's words and the words only seen in brackets it left out.
        let types = counter.vocabulary.count + leftOutTerms.count { counter.vocabulary.id(of: $0) == nil }
        statistics = CorpusStatistics(documents: analyses.lazy.map(\.document), skipped: skipped, warnings: warnings,
                                      ignored: listing.ignored, lengths: analyses.map(\.tokens), types: parts.contains(.statistics) ? types : 0)
        // Without `.terms` or `.matrix` the words were counted for the statistics alone.
        if !parts.contains(.matrix) && !parts.contains(.terms) { counter = TermCounter(options: termOptions) }
        terms = parts.contains(.terms) ? TermFrequencies(counter, minimumCount: options.minimumTermCount, minimumPhraseCount: options.minimumNgramCount)
            : TermFrequencies(TermCounter(options: termOptions))
        // Phrases are in `terms` now; the rows hold words alone, and the counter (with its phrases) goes here.
        let matrix = DocumentTermMatrix(storage: rows, rowNames: parts.contains(.matrix) ? analyses.map(\.document.id) : [],
                                        columns: TermColumns(parts.contains(.matrix) ? counter : TermCounter(options: termOptions), phrases: false))
        counter = TermCounter(options: termOptions)
        Memory.giveBackFreedPages()
        self.matrix = matrix
        let vocabulary = matrix.columns.vocabulary
        // Numbers ("1", "1961") are counted in terms.csv but say little as keys or keywords.
        let hasLetter = (0..<vocabulary.count).map { vocabulary.term(Int32($0)).contains(where: \.isLetter) }
        keyness = parts.isSuperset(of: [.matrix, .keyness]) ? Self.keynessByYear(matrix, analyses: analyses, hasLetter: hasLetter, options: options) : []
        // The documents are in `documents`; a copy of each beside the hits is what a large corpus cannot afford.
        topics = TopicAnalysis(lexicon: options.lexicon, editorial: options.editorial, rows: analyses.flatMap(\.topicRows), documents: [])
        topicYears = parts.contains(.topics) ? Self.periods(topics, by: .year, of: analyses) : []
        let order = events.timelineOrder { analyses[Int($0)].document.id }
        (eventOrder, eventStarts) = Self.eventIndex(owners: order.map { events.owners[Int($0)] }, documents: analyses.count)
        timelineOrder = order
        self.events = events
        Self.rankWords(matrix, hasLetter: hasLetter, into: &analyses, keywordsPerDocument: options.keywordsPerDocument)
        documents = analyses
        Memory.giveBackFreedPages()
        observer.phaseEnded(AnalysisPhase("corpus figures (terms, keyness, topics, timeline, keywords)"))
    }

    /// Analyses the files of a corpus already loaded (read again, with their digests, and analysed in chunks).
    public init(corpus: Corpus, options: AnalysisOptions, observer: AnalysisObserver = .silent) {
        self.init(InputListing(files: corpus.files, ignored: corpus.ignored, skipped: []), root: corpus.root, options: options, observer: observer)
    }

    /// Topic hits per group of documents (`TopicAnalysis.periods(by:)`), every topic listed for every group;
    /// empty unless `.topics` was asked for.
    public func topicPeriods(by grouping: TermGrouping) -> [TopicPeriodRow] {
        options.parts.contains(.topics) ? Self.periods(topics, by: grouping, of: documents) : []
    }

    private static func periods(_ topics: TopicAnalysis, by grouping: TermGrouping, of documents: [DocumentAnalysis]) -> [TopicPeriodRow] {
        topics.periods(by: grouping, of: documents.lazy.map { (id: $0.document.id, document: $0.document, tokens: $0.countedTokens) })
    }

    /// One chunk's results: its documents' analyses, its counts and its problems, and what each file yielded.
    private struct ChunkResult: Sendable {
        var analyses: [DocumentAnalysis]
        var counter: TermCounter
        /// The documents' rows, in `counter`'s ids (with `.matrix`).
        var rows: [DocumentTermVector]
        var skipped: [InputError]
        var inputs: [ReadInput]
        /// Each file's warnings and the number of its documents (whose analyses follow those of the file before).
        var files: [(warnings: [InputError], documents: Int)]
        /// Each document's own counts, in order (with `.groups`), to join its group once its id is numbered.
        var documentCounters: [TermCounter]
        /// Terms of the tokens the editorial policy left out of `counter` (a redaction notice's "declassified"):
        /// the statistics' types are those of every token.
        var leftOutTerms: Set<String>
    }

    private static func analyse(_ files: [InputFile], options: AnalysisOptions, termOptions: TermOptions,
                                matcher: TopicMatcher, tagger: TemporalTagger, stores: (events: EventStore, kwic: KWICStore)) -> ChunkResult {
        let parts = options.parts
        let counts = !parts.isDisjoint(with: counting)
        var counter = TermCounter(options: termOptions)
        var rows: [DocumentTermVector] = []
        var analyses: [DocumentAnalysis] = []
        // A document a file, most often: no doubling (and, for a moment, twice the analyses) as they come in.
        analyses.reserveCapacity(files.count)
        var skipped: [InputError] = []
        var yields: [(warnings: [InputError], documents: Int)] = []
        var inputs: [ReadInput] = []
        var cache = TopicMatcher.CandidateCache()
        var leftOutTerms: Set<String> = []
        var documentCounters: [TermCounter] = []
        for file in files {
            var digest: (bytes: Int, sha256: String)?
            let result = parts.contains(.digests) ? DocumentReader.read(file) { digest = ($0.count, SHA256.hex($0)) } : DocumentReader.read(file)
            if let digest, let fingerprint = result.fingerprint {
                inputs.append(ReadInput(file: file, bytes: digest.bytes, sha256: digest.sha256, fingerprint: fingerprint))
            }
            skipped += result.problems
            yields.append((result.warnings, result.documents.count))
            for document in result.documents {
                let tokenized = TokenizedDocument(document)
                var types: Int?
                if parts.contains(.matrix) {
                    rows.append(counter.add(tokenized, row: .words))
                } else if counts {
                    counter.add(tokenized)
                }
                if parts.contains(.statistics) {
                    // Distinct terms: the counter has just seen every token, unless it left editorial words out
                    // (then the document's terms are gathered again: 12 % of `terms`' time, so only when asked for).
                    let filter = options.editorial.filter(tokenized.document)
                    if filter.keepsEverything {
                        types = counter.lastDocumentTypes
                    } else {
                        types = tokenized.distinctTermCount
                        for token in tokenized.tokens where !filter.counts(token) { leftOutTerms.insert(tokenized.term(token)) }
                    }
                }
                analyses.append(analyse(tokenized, types: types ?? 0, matcher: matcher, cache: &cache, tagger: tagger, options: options,
                                       stores: stores))
                if parts.contains(.groups) {
                    var own = TermCounter(options: termOptions)
                    own.add(tokenized)
                    documentCounters.append(own)
                }
            }
        }
        return ChunkResult(analyses: analyses, counter: counter, rows: rows, skipped: skipped, inputs: inputs, files: yields,
                           documentCounters: documentCounters, leftOutTerms: leftOutTerms)
    }

    /// One document's results (the parts asked for); `types` as counted.
    ///
    /// What it makes in proportion to its hits and dates (KWIC lines, events) is stored as it is made, and the
    /// tagger's expressions are handed over a sentence at a time: one document's analysis holds its text, its
    /// tokens and its matches, however many lines and events it yields (a 100 MB document's were 1.5 GB).
    private static func analyse(_ tokenized: TokenizedDocument, types: Int, matcher: TopicMatcher, cache: inout TopicMatcher.CandidateCache,
                                tagger: TemporalTagger, options: AnalysisOptions, stores: (events: EventStore, kwic: KWICStore)) -> DocumentAnalysis {
        let parts = options.parts
        // Each token's term is made where a pattern looks at it: an array of a large document's terms (16 bytes
        // a token, and more for a long word) was three times the size of its text.
        let matches = parts.isDisjoint(with: [.topics, .kwic, .timeline]) ? [] : matcher.matches(in: tokenized, cache: &cache)
        let lexicon = options.lexicon
        let topicRows = parts.contains(.topics) ? TopicAnalysis.rows(tokenized, matches, lexicon: lexicon, editorial: options.editorial) : []
        var eventRecords = EventRecords()
        var rejected: [RejectedDate] = []
        if parts.contains(.timeline) {
            rejected = events(tokenized, matches: matches, matcher: matcher, tagger: tagger) { eventRecords.append($0, to: stores.events) }
        }
        eventRecords.finish(in: stores.events)
        var kwicRecords = KWICRecords(store: stores.kwic)
        if parts.contains(.kwic) {
            var next = 0
            KeywordInContext.forEachLine(matches, in: tokenized, options: options.kwic, label: { _ in "" }) { line in
                // Lines come in the order of the matches.
                kwicRecords.append(line, topic: matches[next].topic)
                next += 1
            }
        }
        kwicRecords.finish()
        let document = tokenized.document.record
        return DocumentAnalysis(
            document: document, tokens: tokenized.tokens.count, types: types,
            sentences: tokenized.sentences.count, paragraphs: document.paragraphCount, topicRows: topicRows,
            kwicRecords: kwicRecords, eventRecords: eventRecords, rejectedDates: rejected,
            countedTokens: TopicAnalysis.countedTokens(tokenized, options.editorial),
            persons: parts.contains(.timeline) ? PersonFinder.persons(in: tokenized) : [])
    }

    /// The dated events of a document, each with the topics of its sentence (from the lexicon's `matches` in
    /// it), handed to `each` in document order; returns the dates the tagger rejected. The one place events
    /// get their topics: the report's timeline and `chancery timeline` both come from here.
    static func events(_ tokenized: TokenizedDocument, matches: [PatternMatch], matcher: TopicMatcher, tagger: TemporalTagger,
                       _ each: (TemporalEvent) -> Void) -> [RejectedDate] {
        let sentenceTopics = matcher.sentenceTopicIndex(matches, in: tokenized)
        let builder = EventBuilder(tagger: tagger) { _, sentence in sentenceTopics.topics(of: sentence) }
        // The expressions behind each event are the tagger's working; no output shows them.
        return builder.forEachEvent(tokenized, keepingExpressions: false, each)
    }

    /// Document `index`'s words seen at least twice, with TF-IDF, by count (`document_terms.csv`), under the analysis's ids.
    ///
    /// Words seen once are left out: with them the table is larger than the corpus itself, and a
    /// word seen once says little about a document; `terms.csv` and the vectors keep every count.
    public func documentTerms(_ index: Int) -> [DocumentTermRow] {
        guard index < matrix.rowCount else { return [] }
        return matrix.ranked(matrix.entries(index), by: .count) { $0.count >= 2 }.map { matrix.termRow(index, $0) }
    }

    /// Document `index`'s ten most frequent words (no stopwords, no numbers), with their TF-IDF.
    public func topTerms(of index: Int) -> [DocumentTermRow] {
        documents[index].topWords.map { matrix.termRow(index, $0) }
    }

    /// Document `index`'s automatic keywords: highest TF-IDF, numbers left out, best first.
    public func keywords(of index: Int) -> [DocumentKeyword] {
        let id = documents[index].document.id
        return documents[index].keywordWords.enumerated().map { rank, entry in
            let row = matrix.termRow(index, entry)
            return DocumentKeyword(documentID: id, rank: rank + 1, term: row.term, count: row.count, score: row.tfidf)
        }
    }

    /// The corpus's first `limit` KWIC lines, document by document, read back from the analysis's temporary file.
    public func kwicLines(first limit: Int = .max) -> [KWICLine] {
        var lines: [KWICLine] = []
        for document in documents where lines.count < limit {
            document.forEachKWICLine { if lines.count < limit { lines.append($0) } }
        }
        return lines
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

    /// Each year's words against all other documents: the strongest positive keys with p < `keyPValueBelow`,
    /// seen at least `keyMinimumTargetCount` times in the year, words with a letter only (no phrases, no
    /// numbers); each with the documents on both sides (years on all cores).
    private static func keynessByYear(_ matrix: DocumentTermMatrix<DiskDocumentTerms>, analyses: [DocumentAnalysis], hasLetter: [Bool],
                                      options: AnalysisOptions) -> [Keyness] {
        let yearOf: (Int) -> String? = { analyses[$0].document.date.map { String($0.value.year) } }
        let years = matrix.grouped(by: yearOf)
        guard years.rowCount >= 2 else { return [] }
        var documentsOf: [String: Int] = [:]
        for row in 0..<matrix.rowCount { if let year = yearOf(row) { documentsOf[year, default: 0] += 1 } }
        let rowCount = matrix.rowCount
        let documentsByYear = documentsOf
        return Array(0..<years.rowCount).concurrentMap { year in
            var keyness = years.keyness(ofRow: year, correction: options.correction, minimumCount: keyMinimumTargetCount) {
                $0.isWord && hasLetter[$0.index]
            }
            keyness.rows = Array(keyness.rows.filter {
                $0.countTarget >= keyMinimumTargetCount && $0.g2 > 0 && $0.pValue < keyPValueBelow
            }.prefix(options.keysPerYear))
            let documents = documentsByYear[years.rowNames[year]] ?? 0
            keyness.targetDocuments = documents
            keyness.referenceDocuments = rowCount - documents
            return keyness
        }
    }

    /// The comparisons with keys whose documents, or whose reference's, number fewer than `keyMinimumDocuments`,
    /// each as "1962: 1 document against 212 documents".
    public var keynessCautions: [String] {
        keyness.filter { !$0.rows.isEmpty }.compactMap { Self.keynessCaution($0) }
    }

    /// One warning for all of `keynessCautions`, nil when there is none: the report's summary and `chancery
    /// report` (on stderr) show it.
    public var keynessWarning: String? {
        let cautions = keynessCautions
        guard !cautions.isEmpty else { return nil }
        return "keyness with fewer than \(Self.keyMinimumDocuments) documents on a side describes those documents, not a period: "
            + cautions.joined(separator: "; ")
    }

    /// A comparison's sides ("1962: 1 document against 212 documents"), nil when both have `keyMinimumDocuments`
    /// documents or more (or their number is not known).
    public static func keynessCaution(_ keyness: Keyness) -> String? {
        guard let target = keyness.targetDocuments, let reference = keyness.referenceDocuments,
              min(target, reference) < keyMinimumDocuments else { return nil }
        func documents(_ count: Int) -> String { count == 1 ? "1 document" : "\(count) documents" }
        return "\(keyness.target): \(documents(target)) against \(documents(reference))"
    }

    /// Each document's top words by count (for its page) and by TF-IDF (its keywords), leaving out terms
    /// without a letter (numbers, "1961"); computed on all cores, in document order.
    private static func rankWords(_ matrix: DocumentTermMatrix<DiskDocumentTerms>, hasLetter: [Bool], into analyses: inout [DocumentAnalysis],
                                  keywordsPerDocument: Int) {
        let isWord: @Sendable (TermCount) -> Bool = { $0.term.isWord && hasLetter[$0.term.index] }
        let chunks = stride(from: 0, to: matrix.rowCount, by: 256).map { $0..<min($0 + 256, matrix.rowCount) }
        let ranked = chunks.concurrentMap { chunk in
            chunk.map { index in
                let entries = matrix.entries(index)
                return (top: matrix.ranked(entries, by: .count, limit: 10, keep: isWord),
                        keywords: matrix.ranked(entries, by: .tfidf, limit: keywordsPerDocument, keep: isWord))
            }
        }
        for (index, words) in ranked.joined().enumerated() where index < analyses.count {
            analyses[index].topWords = words.top
            analyses[index].keywordWords = words.keywords
        }
    }
}
