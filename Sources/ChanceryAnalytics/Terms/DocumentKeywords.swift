import ChanceryCorpus

/// How automatic keywords are chosen for a document.
public enum KeywordMethod: String, Sendable, Codable, CaseIterable {
    /// Highest TF-IDF (count × log10(N ÷ df)) in the document.
    case tfidf
    /// Highest signed G² of the document against the rest of the corpus.
    case keyness
    /// Most frequent in the document (score: per 1,000 of its tokens). The one method that says something of a
    /// corpus of one document, where every word has TF-IDF 0 and there is no rest to set it against.
    case frequency
}

/// A document's automatic keyword.
public struct DocumentKeyword: Sendable, Hashable, Codable {
    public var documentID: String
    public var rank: Int
    public var term: String
    public var count: Int
    /// TF-IDF or G², depending on the method.
    public var score: Double

    public init(documentID: String, rank: Int, term: String, count: Int, score: Double) {
        self.documentID = documentID
        self.rank = rank
        self.term = term
        self.count = count
        self.score = score
    }
}

/// Keywords of each document without a lexicon: for a first look at a collection no one has read yet.
///
/// Unigrams only, stopwords and numbers left out; a term must occur at least
/// twice in the document for keyness, once for TF-IDF. Ties sort by term.
public enum DocumentKeywords {
    public static func keywords(_ documents: [TokenizedDocument], method: KeywordMethod = .tfidf, top: Int = 10,
                                options: TermOptions = TermOptions(dropNumbers: true)) -> [DocumentKeyword] {
        var unigramOptions = options
        unigramOptions.ngrams = 1...1
        var corpus = TermCounter(options: unigramOptions)
        let rows = documents.map { corpus.add($0, row: .words) }
        return keywords(DocumentTermMatrix(rows, columns: TermColumns(corpus)), method: method, top: top)
    }

    /// The keywords of each row of a matrix of documents' words (counted with numbers left out, as
    /// `TermOptions(dropNumbers: true)`; `CorpusAnalysis.matrix` with `AnalysisOptions.dropNumbers`), rows in order.
    public static func keywords<Storage>(_ matrix: DocumentTermMatrix<Storage>, method: KeywordMethod = .tfidf, top: Int = 10) -> [DocumentKeyword] {
        var result: [DocumentKeyword] = []
        for row in 0..<matrix.rowCount {
            var scored: [(term: String, count: Int, score: Double)]
            switch method {
            case .tfidf:
                scored = matrix.ranked(matrix.entries(row), by: .count).map { entry in
                    let term = matrix.termRow(row, entry)
                    return (term.term, term.count, term.tfidf)
                }
            case .frequency:
                let tokens = Double(max(1, matrix.tokens(row)))
                scored = matrix.ranked(matrix.entries(row), by: .count, limit: top).map { entry in
                    (matrix.columns.text(entry.term), Int(entry.count), Double(entry.count) * 1000 / tokens)
                }
            case .keyness:
                let rest = matrix.columns.tokens - matrix.tokens(row)
                scored = matrix.entries(row).compactMap { entry in
                    guard entry.count >= 2 else { return nil }
                    let a = Double(entry.count), b = Double(matrix.columns.count(entry.term) - Int(entry.count))
                    return (matrix.columns.text(entry.term), Int(entry.count),
                            Keyness.logLikelihood(a: a, b: b, targetTotal: Double(matrix.tokens(row)), referenceTotal: Double(rest)))
                }
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            for (rank, item) in scored.prefix(top).enumerated() where item.score > 0 {
                result.append(DocumentKeyword(documentID: matrix.rowNames[row], rank: rank + 1, term: item.term, count: item.count, score: item.score))
            }
        }
        return result
    }
}
