import ChanceryCorpus
import Foundation

/// One term's figures over a corpus (a row of `terms.csv`).
public struct TermFrequencyRow: Sendable, Hashable, Codable {
    public var term: String
    /// 1 for a word, 2 for a bigram, 3 for a trigram.
    public var n: Int
    public var count: Int
    /// Occurrences per 10,000 running tokens.
    public var per10k: Double
    /// Documents the term occurs in.
    public var documentFrequency: Int
    /// The largest TF-IDF of the term in any one document.
    public var tfidfMax: Double
    /// Juilland's D across documents (0 = all in one document, 1 = evenly spread); nil for a corpus of one document.
    public var dispersion: Double?
}

/// Term frequencies of a corpus, with the options that made them.
///
/// Measures:
/// - `per10k` = count ÷ tokens × 10,000, where tokens are all running tokens
///   counted (stopwords included), so figures compare across corpora.
/// - TF-IDF as quanteda's `dfm_tfidf()` computes it by default: tf is the raw
///   count in a document and idf = log10(N ÷ df), N documents, df documents
///   containing the term; `tfidfMax` is the largest value over documents
///   (max count in a document × idf). A term in every document scores 0.
/// - Juilland's D over the documents as parts, on relative frequencies
///   (because documents differ in length): with v_i the term's share of the
///   tokens of document i, x̄ the mean and s the population standard deviation
///   of the v_i over the n documents with at least one token (zeros included;
///   a document with no tokens, a title and dateline alone, has no relative
///   frequency and is left out, while TF-IDF's N keeps it, as quanteda's does),
///   D = 1 − (s ÷ x̄) ÷ √(n − 1).
///
/// References: Spärck Jones, K. (1972). A statistical interpretation of term
/// specificity and its application in retrieval. *Journal of Documentation*
/// 28(1): 11–21. Benoit, K. et al. (2018). quanteda: An R package for the
/// quantitative analysis of textual data. *JOSS* 3(30): 774 (`dfm_tfidf`).
/// Juilland, A. & Chang-Rodríguez, E. (1964). *Frequency Dictionary of Spanish
/// Words*. The Hague: Mouton. Gries, S. Th. (2008). Dispersions and adjusted
/// frequencies in corpora. *International Journal of Corpus Linguistics* 13(4): 403–437.
public struct TermFrequencies: Sendable {
    public var options: TermOptions
    public var documents: Int
    public var tokens: Int
    /// Sorted by count (highest first), then term.
    public var rows: [TermFrequencyRow]

    /// Terms seen at least `minimumCount` times; bigrams and trigrams at least `minimumPhraseCount` times
    /// (left out before their rows are made: most phrases of a large corpus are seen once).
    public init(_ counter: TermCounter, minimumCount: Int = 1, minimumPhraseCount: Int? = nil) {
        options = counter.options
        documents = counter.documents
        tokens = counter.tokens
        var rows: [TermFrequencyRow] = []
        let unigrams = counter.unigrams
        for id in 0..<min(unigrams.size, counter.vocabulary.count) where unigrams[id].count >= max(1, minimumCount) {
            rows.append(Self.row(counter.vocabulary.term(Int32(id)), n: 1, unigrams, id, counter))
        }
        let phraseMinimum = max(minimumCount, minimumPhraseCount ?? minimumCount)
        for (index, key) in counter.ngramKeys.enumerated() where counter.ngrams[index].count >= phraseMinimum {
            rows.append(Self.row(counter.text(of: key), n: key.n, counter.ngrams, index, counter))
        }
        // Terms are NFC, so String's order is the order of their Unicode scalars, and deterministic.
        rows.sort { a, b in a.count != b.count ? a.count > b.count : a.term < b.term }
        self.rows = rows
    }

    private static func row(_ term: String, n: Int, _ s: TermStatistics, _ i: Int, _ counter: TermCounter) -> TermFrequencyRow {
        let documents = counter.documents
        let entry = s[i]
        return TermFrequencyRow(
            term: term, n: n, count: entry.count,
            per10k: counter.tokens > 0 ? Double(entry.count) / Double(counter.tokens) * 10_000 : 0,
            documentFrequency: entry.documentFrequency,
            tfidfMax: Double(entry.maximumInDocument) * inverseDocumentFrequency(documents: documents, containing: entry.documentFrequency),
            dispersion: juillandD(sum: entry.relativeSum, squares: entry.relativeSquares, parts: counter.documentsWithTokens)
        )
    }

    /// log10(N ÷ df), quanteda's default inverse document frequency.
    public static func inverseDocumentFrequency(documents: Int, containing: Int) -> Double {
        guard containing > 0, documents > 0 else { return 0 }
        return log10(Double(documents) / Double(containing))
    }

    /// Juilland's D from Σv and Σv² of relative frequencies over `parts` parts; nil when undefined (fewer than two parts, or no occurrences).
    public static func juillandD(sum: Double, squares: Double, parts: Int) -> Double? {
        guard parts >= 2, sum > 0 else { return nil }
        let n = Double(parts)
        let mean = sum / n
        // Σv²/n − μ² cancels badly when the v are equal; treat a rounding-sized variance as none.
        var variance = squares / n - mean * mean
        if variance < mean * mean * 1e-12 { variance = 0 }
        let d = 1 - (variance.squareRoot() / mean) / (n - 1).squareRoot()
        // A term in one part of n has D = 0 exactly; sums of relative frequencies leave ~1e-16 there (and near 1).
        if d < 1e-12 { return 0 }
        if d > 1 - 1e-12 { return 1 }
        return d
    }

    /// The row for a term, if it was counted.
    public func row(for term: String) -> TermFrequencyRow? {
        rows.first { $0.term == term }
    }
}

/// TF-IDF of each term in each document (a row of `document_terms.csv`).
public struct DocumentTermRow: Sendable, Hashable, Codable {
    public var documentID: String
    public var term: String
    public var n: Int
    public var count: Int
    public var tfidf: Double
}
