import ChanceryCorpus

/// Where a document-term matrix keeps its rows: in memory, or on disk for a large corpus
/// (`DiskDocumentTerms`). Each storage is filled in its own way, in order, before any row is read; reads may
/// come from several threads at once.
public protocol DocumentTermStorage: Sendable {
    /// Rows held.
    var rowCount: Int { get }
    /// Tokens counted in row `row` (its document, or its group of documents).
    func tokens(_ row: Int) -> Int
    /// The terms and counts of row `row`, in the order they were appended.
    func entries(_ row: Int) -> [TermCount]
}

/// Rows held in memory.
public struct InMemoryDocumentTerms: DocumentTermStorage {
    private var rows: [(tokens: Int, entries: [TermCount])] = []

    public init() {}

    public var rowCount: Int { rows.count }
    public func tokens(_ row: Int) -> Int { rows[row].tokens }
    public func entries(_ row: Int) -> [TermCount] { rows[row].entries }

    /// Appends rows in order.
    public mutating func append(_ new: [DocumentTermVector]) {
        rows += new.map { ($0.tokens, $0.entries) }
    }
}

/// How `DocumentTermMatrix.ranked` orders a row's terms.
public enum TermRanking: Sendable {
    /// Count, highest first.
    case count
    /// TF-IDF, highest first; terms in every document (TF-IDF 0) are left out.
    case tfidf
}

/// How `DocumentTermMatrix.weighted` weighs a row's counts (quanteda's `dfm_weight` schemes of the same names).
public enum TermWeighting: Sendable {
    /// The count itself.
    case count
    /// The count ÷ the row's tokens.
    case proportion
    /// The count × log10(N ÷ df) (`TermColumns.inverseDocumentFrequency`), quanteda's `dfm_tfidf` default.
    case tfidf
}

/// Documents × terms: how often each term occurs in each document, with the corpus figures of each term.
///
/// The rows are a counter's document vectors (`TermCounter.add(_:row:)`), the columns the counter's terms
/// (`TermColumns`). On top: each row's terms weighted or ranked (`document_terms.csv`, a page's top words,
/// keywords), rows grouped (`grouped(by:)`, as quanteda's `dfm_group`), a row's keyness against the rest of
/// the corpus, and a term's dispersion over the rows. See Documentation/Architecture.md for where the report
/// makes one.
public struct DocumentTermMatrix<Storage: DocumentTermStorage>: Sendable {
    public let storage: Storage
    public let columns: TermColumns
    /// Each row's name: its document's id, or its group's label.
    public let rowNames: [String]

    /// A matrix of the rows in `storage`, named `rowNames`, over `columns`.
    public init(storage: Storage, rowNames: [String], columns: TermColumns) {
        precondition(rowNames.count == storage.rowCount, "one name a row")
        self.storage = storage
        self.rowNames = rowNames
        self.columns = columns
    }

    public var rowCount: Int { storage.rowCount }

    /// Tokens counted in row `row`.
    public func tokens(_ row: Int) -> Int { storage.tokens(row) }

    /// Terms and counts of row `row`.
    public func entries(_ row: Int) -> [TermCount] { storage.entries(row) }

    /// Row `row` as a vector.
    public func vector(_ row: Int) -> DocumentTermVector {
        DocumentTermVector(documentID: rowNames[row], tokens: tokens(row), entries: entries(row))
    }

    /// Row `row`'s counts weighted by `weighting`, in the row's order. TF-IDF's N and document frequencies are
    /// the corpus's as counted (`columns`), also for a grouped matrix: a group's terms are weighed by how many
    /// documents hold them, not how many groups (quanteda's `dfm_tfidf` on a grouped dfm counts groups).
    public func weighted(_ row: Int, by weighting: TermWeighting) -> [(term: TermID, weight: Double)] {
        let tokens = Double(self.tokens(row))
        return entries(row).map { entry in
            let count = Double(entry.count)
            return switch weighting {
            case .count: (entry.term, count)
            case .proportion: (entry.term, tokens > 0 ? count / tokens : 0)
            case .tfidf: (entry.term, count * columns.inverseDocumentFrequency(entry.term))
            }
        }
    }

    /// The `document_terms` row of one of row `row`'s entries: the term's text, n, count and TF-IDF.
    public func termRow(_ row: Int, _ entry: TermCount) -> DocumentTermRow {
        DocumentTermRow(documentID: rowNames[row], term: columns.text(entry.term), n: columns.n(entry.term),
                        count: Int(entry.count), tfidf: Double(entry.count) * columns.inverseDocumentFrequency(entry.term))
    }

    /// Every row's terms by count then text, rows in order (the whole `document_terms` table).
    public func termRows() -> [DocumentTermRow] {
        (0..<rowCount).flatMap { row in ranked(entries(row), by: .count).map { termRow(row, $0) } }
    }

    /// The first `limit` of `entries` by `ranking`, ties by term text, among the entries `keep` accepts.
    ///
    /// The text of a term is made only when the term can still reach the list: a page's top ten terms need a
    /// dozen strings, not one per word of the document.
    public func ranked(_ entries: [TermCount], by ranking: TermRanking, limit: Int = .max,
                       keep: (TermCount) -> Bool = { _ in true }) -> [TermCount] {
        var scored: [(entry: Int, score: Double)] = []
        scored.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() where keep(entry) {
            let score = switch ranking {
            case .count: Double(entry.count)
            case .tfidf: Double(entry.count) * columns.inverseDocumentFrequency(entry.term)
            }
            if ranking == .tfidf, !(score > 0) { continue }
            scored.append((index, score))
        }
        scored.sort { $0.score > $1.score }
        var result: [TermCount] = []
        var start = 0
        while start < scored.count, result.count < limit {
            var end = start + 1
            while end < scored.count, scored[end].score == scored[start].score { end += 1 }
            let tied = scored[start..<end].map { (entry: entries[$0.entry], text: columns.text(entries[$0.entry].term)) }
                .sorted { $0.text < $1.text }
            result += tied.prefix(limit - result.count).map(\.entry)
            start = end
        }
        return result
    }

    /// The rows summed by group, as quanteda's `dfm_group`: one row per distinct `group(row)` (rows whose group
    /// is nil are left out), named by the group and in the order of the names; a group row's terms come in the
    /// order they first appear in its rows. The columns stay the corpus's.
    public func grouped(by group: (Int) -> String?) -> DocumentTermMatrix<InMemoryDocumentTerms> {
        var members: [String: [Int]] = [:]
        for row in 0..<rowCount {
            if let name = group(row) { members[name, default: []].append(row) }
        }
        let names = members.keys.sorted()
        // Sums per term (as Int: a group's count may pass Int32 before it is clamped), and whether the term has
        // been seen in the group (a count of 0 is still an entry seen).
        var words = [Int](repeating: 0, count: columns.wordCount), wordSeen = [Bool](repeating: false, count: columns.wordCount)
        var phrases = [Int](repeating: 0, count: columns.phraseCount), phraseSeen = [Bool](repeating: false, count: columns.phraseCount)
        var rows: [DocumentTermVector] = []
        for name in names {
            var touched: [TermID] = []
            var tokens = 0
            for row in members[name] ?? [] {
                tokens += self.tokens(row)
                for entry in entries(row) {
                    precondition(columns.contains(entry.term), "row \(row) holds a term its columns do not have")
                    let index = entry.term.index
                    if entry.term.isWord {
                        if !wordSeen[index] { touched.append(entry.term); wordSeen[index] = true }
                        words[index] += Int(entry.count)
                    } else {
                        if !phraseSeen[index] { touched.append(entry.term); phraseSeen[index] = true }
                        phrases[index] += Int(entry.count)
                    }
                }
            }
            let entries = touched.map { term -> TermCount in
                let count: Int
                if term.isWord {
                    count = words[term.index]
                    words[term.index] = 0
                    wordSeen[term.index] = false
                } else {
                    count = phrases[term.index]
                    phrases[term.index] = 0
                    phraseSeen[term.index] = false
                }
                return TermCount(term: term, count: Int32(clamping: count))
            }
            rows.append(DocumentTermVector(documentID: name, tokens: tokens, entries: entries))
        }
        var storage = InMemoryDocumentTerms()
        storage.append(rows)
        return DocumentTermMatrix<InMemoryDocumentTerms>(storage: storage, rowNames: names, columns: columns)
    }

    /// Row `row` against the rest of the corpus (each term's corpus count less its count in the row; the
    /// corpus's tokens less the row's), over the terms `keep` accepts: see `Keyness` for the measures.
    public func keyness(ofRow row: Int, correction: KeynessCorrection = .none, minimumCount: Int = 1,
                        keep: (TermID) -> Bool = { _ in true }) -> Keyness {
        var counts: [String: Keyness.KeynessCount] = [:]
        for entry in entries(row) where keep(entry.term) {
            let count = Int(entry.count)
            counts[columns.text(entry.term)] = Keyness.KeynessCount(n: columns.n(entry.term), target: count,
                                                                    reference: columns.count(entry.term) - count)
        }
        let targetTokens = tokens(row)
        return Keyness(counts: counts, targetTokens: targetTokens, referenceTokens: columns.tokens - targetTokens,
                       label: rowNames[row], correction: correction, minimumCount: minimumCount)
    }

    /// Juilland's D of `term` over the rows with tokens as parts, on its relative frequency in each row (see
    /// `TermFrequencies` for the formula); nil for fewer than two such rows or a term in none. It reads every row
    /// (from disk, for `DiskDocumentTerms`): for every term at once, `TermFrequencies` keeps the sums as it counts.
    public func dispersion(of term: TermID) -> Double? {
        var sum = 0.0, squares = 0.0, parts = 0
        for row in 0..<rowCount where tokens(row) > 0 {
            parts += 1
            guard let entry = entries(row).first(where: { $0.term == term }) else { continue }
            let tokens = self.tokens(row)
            let relative = tokens > 0 ? Double(entry.count) / Double(tokens) : 0
            sum += relative
            squares += relative * relative
        }
        return TermFrequencies.juillandD(sum: sum, squares: squares, parts: parts)
    }
}

extension DocumentTermMatrix where Storage == InMemoryDocumentTerms {
    /// A matrix of `rows`, held in memory.
    public init(_ rows: [DocumentTermVector], columns: TermColumns) {
        var storage = InMemoryDocumentTerms()
        storage.append(rows)
        self.init(storage: storage, rowNames: rows.map(\.documentID), columns: columns)
    }
}
