import ChanceryAnalytics
import ChanceryCorpus

/// What one document contributes to a report, computed on its own (in parallel with others).
public struct DocumentReport: Sendable {
    public var document: Document
    public var slug: String = ""
    public var tokens: Int
    public var types: Int
    public var sentences: Int
    public var topicRows: [TopicHitRow]
    public var kwic: [KWICLine]
    public var events: [TemporalEvent]
    public var rejectedDates: [String]
    /// Topic tokens counted under the editorial policy.
    public var countedTokens: Int
}

/// Every analysis of a corpus, run once, ready for the writers.
///
/// Documents are read in batches; each batch is tokenized and analysed on
/// all cores (topics, KWIC lines, temporal tagging, events), then counted in
/// document order, so the result is the same whatever the number of cores.
public struct CorpusReport: Sendable {
    public var corpus: Corpus
    public var options: ReportOptions
    public var documents: [DocumentReport]
    public var statistics: CorpusStatistics
    public var terms: TermFrequencies
    public var documentTerms: [DocumentTermRow]
    public var keyness: [Keyness]
    public var topics: TopicAnalysis
    public var topicYears: [TopicPeriodRow]
    public var timeline: Timeline
    public var keywords: [DocumentKeyword]

    /// Progress as (documents analysed, documents in all).
    public typealias Progress = @Sendable (Int, Int) -> Void

    public init(corpus: Corpus, options: ReportOptions, progress: Progress = { _, _ in }) {
        self.corpus = corpus
        self.options = options
        let termOptions = TermOptions(ngrams: options.ngrams, stopwords: options.stopwords, editorial: options.editorial)
        var counter = TermCounter(options: termOptions, recordDocuments: true)
        let tagger = TemporalTagger(gazetteer: options.gazetteer)
        let matcher = TopicMatcher(lexicon: options.lexicon, editorial: options.editorial)
        var vocabulary = Set<String>()
        var reports: [DocumentReport] = []
        reports.reserveCapacity(corpus.documents.count)
        let batchSize = 256
        var start = 0
        while start < corpus.documents.count {
            let batch = Array(corpus.documents[start..<min(start + batchSize, corpus.documents.count)])
            let analysed = batch.concurrentMap { document in
                Self.analyse(document, matcher: matcher, tagger: tagger, options: options)
            }
            for (tokenized, report, terms) in analysed {
                counter.add(tokenized)
                vocabulary.formUnion(terms)
                reports.append(report)
            }
            start += batch.count
            progress(start, corpus.documents.count)
        }
        for (index, slug) in Slug.unique(reports.map(\.document.id)).enumerated() { reports[index].slug = slug }
        documents = reports

        statistics = CorpusStatistics(corpus, lengths: reports.map(\.tokens), types: vocabulary.count)
        terms = TermFrequencies(counter)
        terms.rows.removeAll { $0.n > 1 && $0.count < options.minimumNgramCount }
        documentTerms = counter.documentTermRows().filter { $0.n == 1 }
        keyness = Self.keynessByYear(counter, reports: reports, options: options)
        topics = TopicAnalysis(lexicon: options.lexicon, editorial: options.editorial, rows: reports.flatMap(\.topicRows),
                               documents: reports.map { ($0.document.id, $0.document, $0.countedTokens) })
        topicYears = topics.periods(by: .year)
        timeline = Timeline(events: reports.flatMap(\.events))
        keywords = Self.keywords(documentTerms, reports: reports, perDocument: options.keywordsPerDocument)
    }

    private static func analyse(_ document: Document, matcher: TopicMatcher, tagger: TemporalTagger, options: ReportOptions)
        -> (TokenizedDocument, DocumentReport, Set<String>) {
        let tokenized = TokenizedDocument(document)
        let terms = tokenized.terms
        let matches = matcher.matches(in: tokenized, terms: terms)
        let sentenceTopics = matcher.sentenceTopics(matches, in: tokenized)
        let tagging = tagger.tag(tokenized)
        let builder = EventBuilder(tagger: tagger) { _, sentence in sentenceTopics[sentence] ?? [] }
        let lexicon = options.lexicon
        let report = DocumentReport(
            document: document, tokens: tokenized.tokens.count, types: Set(terms).count, sentences: tokenized.sentences.count,
            topicRows: TopicAnalysis.rows(tokenized, matches, lexicon: lexicon, editorial: options.editorial),
            kwic: KeywordInContext.lines(matches, in: tokenized, options: options.kwic) { lexicon.topics[$0.topic].name },
            events: builder.events(tokenized, tagging: tagging),
            rejectedDates: tagging.rejected.map { "sentence \($0.sentence + 1): \($0)" },
            countedTokens: TopicAnalysis.countedTokens(tokenized, options.editorial))
        return (tokenized, report, Set(terms))
    }

    /// Each year's unigrams against all other documents: the strongest positive keys with p < 0.05.
    private static func keynessByYear(_ counter: TermCounter, reports: [DocumentReport], options: ReportOptions) -> [Keyness] {
        var yearOf: [String: String] = [:]
        for report in reports {
            if let year = report.document.date?.value.year { yearOf[report.document.id] = String(year) }
        }
        let years = Set(yearOf.values).sorted()
        guard years.count >= 2 else { return [] }
        var totals: [Int32: Int] = [:]
        var byYear: [String: [Int32: Int]] = [:]
        var tokensByYear: [String: Int] = [:]
        var allTokens = 0
        for vector in counter.documentVectors {
            allTokens += vector.tokens
            let year = yearOf[vector.documentID]
            if let year { tokensByYear[year, default: 0] += vector.tokens }
            for entry in vector.entries where entry.term >= 0 {
                totals[entry.term, default: 0] += Int(entry.count)
                if let year { byYear[year, default: [:]][entry.term, default: 0] += Int(entry.count) }
            }
        }
        return years.map { year in
            let inYear = byYear[year] ?? [:]
            var counts: [String: Keyness.KeynessCount] = [:]
            for (term, count) in inYear {
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

    /// Top TF-IDF unigrams (no numbers) per document.
    private static func keywords(_ documentTerms: [DocumentTermRow], reports: [DocumentReport], perDocument: Int) -> [DocumentKeyword] {
        var result: [DocumentKeyword] = []
        var rows: [String: [DocumentTermRow]] = [:]
        for row in documentTerms where row.term.contains(where: \.isLetter) {
            rows[row.documentID, default: []].append(row)
        }
        for report in reports {
            let ranked = (rows[report.document.id] ?? []).filter { $0.tfidf > 0 }
                .sorted { $0.tfidf != $1.tfidf ? $0.tfidf > $1.tfidf : $0.term < $1.term }
            for (rank, row) in ranked.prefix(perDocument).enumerated() {
                result.append(DocumentKeyword(documentID: row.documentID, rank: rank + 1, term: row.term, count: row.count, score: row.tfidf))
            }
        }
        return result
    }
}
