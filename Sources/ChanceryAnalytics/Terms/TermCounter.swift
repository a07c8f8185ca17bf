import ChanceryCorpus

/// A unigram, bigram or trigram, as vocabulary ids (unused positions are -1).
struct TermKey: Hashable, Sendable {
    var ids: (Int32, Int32, Int32)

    init(_ a: Int32, _ b: Int32 = -1, _ c: Int32 = -1) { ids = (a, b, c) }

    var n: Int { ids.1 < 0 ? 1 : ids.2 < 0 ? 2 : 3 }

    /// The phrase's words joined by spaces (a bigram or trigram).
    func text(in vocabulary: Vocabulary) -> String {
        var words = [vocabulary.term(ids.0), vocabulary.term(ids.1)]
        if ids.2 >= 0 { words.append(vocabulary.term(ids.2)) }
        return words.joined(separator: " ")
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.ids == rhs.ids }

    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(UInt32(bitPattern: ids.0)) << 32 | UInt64(UInt32(bitPattern: ids.1)))
        hasher.combine(ids.2)
    }
}

/// Sums kept per term while documents stream past: enough for counts, document
/// frequency, TF-IDF and Juilland's D without holding the documents.
struct TermStatistics: Sendable {
    /// 32 bytes: a large corpus has millions of phrases, each with an entry.
    struct Entry: Sendable {
        var count = 0
        var documentFrequencyStorage: Int32 = 0
        var maximumStorage: Int32 = 0
        var documentFrequency: Int {
            get { Int(documentFrequencyStorage) }
            set { documentFrequencyStorage = Int32(truncatingIfNeeded: newValue) }
        }
        var maximumInDocument: Int {
            get { Int(maximumStorage) }
            set { maximumStorage = Int32(truncatingIfNeeded: newValue) }
        }
        /// Σ and Σ² over documents of the term's relative frequency in the document.
        var relativeSum = 0.0
        var relativeSquares = 0.0

        /// Adds a document in which the term was counted `c` times among `documentTokens` tokens.
        @inline(__always)
        mutating func record(count c: Int, documentTokens: Int) {
            let relative = documentTokens > 0 ? Double(c) / Double(documentTokens) : 0
            count += c
            documentFrequency += 1
            maximumInDocument = max(maximumInDocument, c)
            relativeSum += relative
            relativeSquares += relative * relative
        }
    }

    /// One entry per term index; kept in one array so a document's update touches one place per term.
    private(set) var entries: [Entry] = []

    var size: Int { entries.count }

    subscript(index: Int) -> Entry { entries[index] }

    mutating func ensure(_ index: Int) {
        guard entries.count <= index else { return }
        // Grow by half again at least.
        let grown = max(index + 1, entries.count + entries.count / 2)
        entries.append(contentsOf: repeatElement(Entry(), count: grown - entries.count))
    }

    mutating func record(_ index: Int, count c: Int, documentTokens: Int) {
        ensure(index)
        entries.withUnsafeMutableBufferPointer { $0[index].record(count: c, documentTokens: documentTokens) }
    }

    /// The entries in hand, for a caller recording many terms of a document (each index below `size`).
    mutating func withEntries<R>(_ body: (UnsafeMutableBufferPointer<Entry>) -> R) -> R {
        entries.withUnsafeMutableBufferPointer { body($0) }
    }

    mutating func absorb(_ other: TermStatistics, _ otherIndex: Int, into index: Int) {
        ensure(index)
        let from = other.entries[otherIndex]
        entries[index].count += from.count
        entries[index].documentFrequency += from.documentFrequency
        entries[index].maximumInDocument = max(entries[index].maximumInDocument, from.maximumInDocument)
        entries[index].relativeSum += from.relativeSum
        entries[index].relativeSquares += from.relativeSquares
    }
}

/// Counts terms and n-grams over documents, one document at a time.
///
/// Unigrams leave out stopwords (and numbers when asked). N-grams are read
/// from the full token sequence and kept unless they start or end with a
/// stopword, so "the Soviet Union" gives "soviet union" and "ministry of
/// foreign affairs" gives "ministry of foreign" but not "of foreign affairs".
/// An n-gram never crosses a sentence boundary or punctuation between its
/// words (a comma, a colon, a dash, a parenthesis) nor the edge of a square
/// bracket: "free [aid]" gives no "free aid", as "[2 lines not declassified]
/// July" gives no "declassified july"; the words inside one bracket may form
/// a phrase ("[Kim Il Sung]"). The words of a bracket the editorial policy
/// leaves out (`EditorialPolicy`: by default a redaction notice, an elision or
/// a note; with `exclude` every bracket) are removed, and no phrase joins the
/// words on either side of it.
///
/// Counters over different documents can be merged, so a corpus can be
/// counted in shards (or on several cores) and combined.
///
/// The counter keeps corpus totals only. A caller that wants each document's
/// counts (a document-term matrix) asks `add(_:row:)` for the document's row
/// and keeps it where it likes (`DocumentTermMatrix`); once counting is done,
/// `TermColumns` keeps what the rows need of the counter, and the counter can go.
public struct TermCounter: Sendable {
    public let options: TermOptions
    public private(set) var vocabulary = Vocabulary()
    /// Running tokens counted (after the editorial policy, before stopwords): the denominator of relative frequencies.
    public private(set) var tokens = 0
    public private(set) var documents = 0
    /// Documents with at least one token counted: the parts of Juilland's D (an empty document's relative
    /// frequencies are 0 ÷ 0, not 0).
    public private(set) var documentsWithTokens = 0

    var unigrams = TermStatistics()
    /// Adjacent pairs of word ids that lead a counted bigram or trigram, as dense pair ids.
    private var pairs = IntegerKeyMap()
    /// Pair id → n-gram index of the bigram, or -1 while the bigram has not been counted.
    private var pairTerm: [Int32] = []
    /// (pair id, last word id) → dense triple id.
    private var triples = IntegerKeyMap()
    /// Triple id → n-gram index of the trigram.
    private var tripleTerm: [Int32] = []
    /// N-gram index → its words.
    var ngramKeys: [TermKey] = []
    var ngrams = TermStatistics()
    /// Per vocabulary id: 1 stopword, 2 number, 0 neither.
    private var flags: [UInt8] = []

    /// Distinct terms among the tokens of the document added last (all tokens the editorial policy keeps, stopwords
    /// too); nil when `add(_: Document)` counted it straight from its body (words alone), which does not count them.
    public private(set) var lastDocumentTypes: Int?
    /// Per vocabulary id: the number (from 1) of the last document it was seen in.
    private var lastSeenIn: [Int32] = []

    // Scratch reused across documents.
    private var documentCounts: [Int32] = []
    /// Ids counted in the current document: the first `touchedCount`; one slot more than there are ids.
    private var touched: [Int32] = [0]
    private var touchedCount = 0
    /// The current document's token ids, and whether each may join the previous one in an n-gram.
    private var ids: [Int32] = []
    /// Tokens waiting to be looked up, a chunk at a time: a whole document's, at 24 bytes each, were four times
    /// the size of its text.
    private var spans: [Tokenizer.Span] = []
    private var chunkIDs: [Int32] = []
    private static let chunkSize = 4096
    private var joins: [Bool] = []
    private var ngramDocumentCounts: [Int32] = []
    private var ngramTouched: [Int32] = []
    private var scratch: [UInt8] = []

    public init(options: TermOptions = TermOptions()) {
        self.options = options
    }

    /// What `add(_:row:)` puts in a document's row.
    public enum RowContents: Sendable {
        /// Words only (no stopwords; no numbers when they are dropped).
        case words
        /// Words, then the bigrams and trigrams counted.
        case wordsAndPhrases
    }

    /// Distinct bigrams and trigrams counted.
    public var phraseCount: Int { ngramKeys.count }

    /// The text of a term: the word, or the phrase's words joined by spaces.
    public func term(_ id: TermID) -> String {
        id.isWord ? vocabulary.term(Int32(id.index)) : text(of: ngramKeys[id.index])
    }

    func text(of key: TermKey) -> String {
        key.text(in: vocabulary)
    }

    /// Counts a document; for words alone, straight from the scan of its body, without sentences or token lists
    /// (the n-gram rules need those, and then they are made).
    public mutating func add(_ document: Document) {
        _ = count(document, row: nil)
    }

    /// Counts a document and gives its row of a document-term matrix, in this counter's term ids.
    @discardableResult
    public mutating func add(_ document: Document, row: RowContents) -> DocumentTermVector {
        count(document, row: row) ?? DocumentTermVector(documentID: document.id, tokens: 0, entries: [])
    }

    public mutating func add(_ document: TokenizedDocument) {
        _ = count(document, row: nil)
    }

    /// Counts a document and gives its row of a document-term matrix, in this counter's term ids.
    @discardableResult
    public mutating func add(_ document: TokenizedDocument, row: RowContents) -> DocumentTermVector {
        count(document, row: row) ?? DocumentTermVector(documentID: document.document.id, tokens: 0, entries: [])
    }

    private mutating func count(_ document: Document, row: RowContents?) -> DocumentTermVector? {
        guard options.ngrams == 1...1 else {
            return count(TokenizedDocument(document), row: row)
        }
        let leftOut = options.editorial.filter(document).leftOut
        var body = document.body
        return body.withUTF8 { bytes in
            ids.removeAll(keepingCapacity: true)
            if leftOut.isEmpty {
                Tokenizer.scan(bytes, inChunks: { chunk in lookUp(bytes, chunk) })
            } else {
                // The tokens outside the brackets the policy leaves out; a token is in the bracket its first byte is
                // in, as `TokenizedDocument` marks it.
                var next = 0
                var kept: [Tokenizer.Span] = []
                Tokenizer.scan(bytes, inChunks: { chunk in
                    kept.removeAll(keepingCapacity: true)
                    for span in chunk {
                        let start = span.range.lowerBound
                        while next < leftOut.count, leftOut[next].upperBound <= start { next += 1 }
                        if next < leftOut.count, leftOut[next].contains(start) { continue }
                        kept.append(span)
                    }
                    kept.withUnsafeBufferPointer { lookUp(bytes, $0) }
                })
            }
            return countIDs(documentID: document.id, countsTypes: false, row: row)
        }
    }

    private mutating func count(_ document: TokenizedDocument, row: RowContents?) -> DocumentTermVector? {
        let countsNgrams = options.ngrams.upperBound >= 2
        let filter = options.editorial.filter(document.document)
        var body = document.document.body
        return body.withUTF8 { bytes in
            // The tokens the editorial policy keeps, and whether each may join the previous one in an n-gram.
            spans.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            ids.reserveCapacity(document.tokens.count)
            joins.removeAll(keepingCapacity: true)
            if countsNgrams { joins.reserveCapacity(document.tokens.count) }
            var previous: Token?
            for token in document.tokens {
                if !filter.counts(token) {
                    previous = nil
                    continue
                }
                spans.append(Tokenizer.Span(range: token.range, isNumeric: token.isNumeric))
                if spans.count == Self.chunkSize {
                    spans.withUnsafeBufferPointer { lookUp(bytes, $0) }
                    spans.removeAll(keepingCapacity: true)
                }
                if countsNgrams {
                    joins.append(previous.map { Self.joinable(bytes, $0, token) } ?? false)
                    previous = token
                }
            }
            spans.withUnsafeBufferPointer { lookUp(bytes, $0) }
            spans.removeAll(keepingCapacity: true)
            return countIDs(documentID: document.document.id, countsTypes: true, row: row)
        }
    }

    /// Appends the ids of a chunk of the document's tokens to `ids`; new terms get their flags in order of first
    /// appearance, as their ids were given.
    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: UnsafeBufferPointer<Tokenizer.Span>) {
        vocabulary.intern(folding: bytes, chunk, into: &chunkIDs, scratch: &scratch)
        if vocabulary.count > flags.count {
            for (k, id) in chunkIDs.enumerated() where Int(id) == flags.count { addFlags(id, isNumeric: chunk[k].isNumeric) }
        }
        ids.append(contentsOf: chunkIDs)
    }

    /// Counts the document whose token ids are `ids` (and `joins`, for n-grams), in passes over all of them:
    /// the distinct terms (when asked), the words, the phrases; gives the document's row when asked for one.
    private mutating func countIDs(documentID: String, countsTypes: Bool, row: RowContents?) -> DocumentTermVector? {
        let documentTokens = ids.count
        lastDocumentTypes = countsTypes ? countTypes() : nil
        tokens += documentTokens
        documents += 1
        if documentTokens > 0 { documentsWithTokens += 1 }
        var entries: [TermCount] = []
        if options.ngrams.contains(1) {
            countWords()
            recordWords(documentTokens: documentTokens, into: &entries, recording: row != nil)
        }
        if options.ngrams.upperBound >= 2 {
            countPhrases(documentTokens: documentTokens, into: &entries, recording: row == .wordsAndPhrases)
        }
        defer {
        // The scratch of a large document is let go (5 bytes a token); a small one's is kept for the next document.
            if ids.capacity > Self.keptScratchTokens {
                ids = []
                joins = []
            }
        }
        return row.map { _ in DocumentTermVector(documentID: documentID, tokens: documentTokens, entries: entries) }
    }

    /// Tokens of per-document scratch kept between documents.
    static let keptScratchTokens = 1 << 20

    /// Bytes of per-document scratch held now (token ids, n-gram joins, the chunk of tokens being looked up),
    /// for tests that bound it.
    var scratchBytes: Int {
        ids.capacity * MemoryLayout<Int32>.stride + joins.capacity * MemoryLayout<Bool>.stride
            + spans.capacity * MemoryLayout<Tokenizer.Span>.stride + chunkIDs.capacity * MemoryLayout<Int32>.stride
    }

    /// The number of distinct ids among `ids`, stamping each with the number of the document being counted.
    private mutating func countTypes() -> Int {
        let stamp = Int32(truncatingIfNeeded: documents + 1)
        var types = 0
        lastSeenIn.withUnsafeMutableBufferPointer { lastSeenIn in
            for id in ids {
                // Without a branch, as in countWords().
                types &+= lastSeenIn[Int(id)] == stamp ? 0 : 1
                lastSeenIn[Int(id)] = stamp
            }
        }
        return types
    }

    /// Counts the words among `ids` (not stopwords, nor numbers when they are dropped) into `documentCounts`,
    /// noting each word's first count in `touched`.
    private mutating func countWords() {
        // Whether a token counts, by its flag (neither, stopword, number): looked up, not branched on.
        let countedByFlag: [Int32] = [1, 0, options.dropNumbers ? 0 : 1]
        var count = touchedCount
        flags.withUnsafeBufferPointer { flags in
            documentCounts.withUnsafeMutableBufferPointer { counts in
                touched.withUnsafeMutableBufferPointer { touched in
                    countedByFlag.withUnsafeBufferPointer { countedByFlag in
                        for id in ids {
                            let counted = countedByFlag[Int(flags[Int(id)])]
                            let before = counts[Int(id)]
                            counts[Int(id)] = before &+ counted
                            // Written every time, kept only at a first count (1 when `before` is 0, by its sign
                            // after subtracting 1): about half the tokens are their word's first in a document,
                            // a branch on it would be mispredicted half the time.
                            touched[count] = id
                            count &+= Int((UInt32(bitPattern: before) &- 1) >> 31) & Int(counted)
                        }
                    }
                }
            }
        }
        touchedCount = count
    }

    /// Makes the per-id state of a new vocabulary id: its flags (from its term, or as given), a zero count.
    private mutating func addFlags(_ id: Int32, isNumeric: Bool) {
        addFlags(options.stopwords.contains(vocabulary.term(id)) ? 1 : isNumeric ? 2 : 0)
    }

    private mutating func addFlags(_ flag: UInt8) {
        flags.append(flag)
        documentCounts.append(0)
        touched.append(0)
        lastSeenIn.append(0)
    }

    /// Moves the words counted for the current document into the corpus statistics (and its vector).
    private mutating func recordWords(documentTokens: Int, into entries: inout [TermCount], recording: Bool) {
        unigrams.ensure(vocabulary.count - 1)
        if recording { entries.reserveCapacity(touchedCount) }
        touched.withUnsafeBufferPointer { touched in
            documentCounts.withUnsafeMutableBufferPointer { counts in
                unigrams.withEntries { statistics in
                    for term in touched[..<touchedCount] {
                        let c = counts[Int(term)]
                        counts[Int(term)] = 0
                        statistics[Int(term)].record(count: Int(c), documentTokens: documentTokens)
                        if recording { entries.append(TermCount(term: TermID(raw: term), count: c)) }
                    }
                }
            }
        }
        touchedCount = 0
    }

    /// Counts the bigrams and trigrams of `ids` the options ask for: adjacent tokens that may join (`joins`),
    /// neither end a stopword, no number among them when numbers are dropped.
    private mutating func countPhrases(documentTokens: Int, into entries: inout [TermCount], recording: Bool) {
        for n in max(2, options.ngrams.lowerBound)...options.ngrams.upperBound {
            var i = 0
            while i + n <= ids.count {
                defer { i += 1 }
                guard joins[i + 1], n == 2 || joins[i + 2] else { continue }
                let first = ids[i], last = ids[i + n - 1]
                guard flags[Int(first)] != 1, flags[Int(last)] != 1 else { continue }
                if options.dropNumbers, (0..<n).contains(where: { flags[Int(ids[i + $0])] == 2 }) { continue }
                // Only pairs that lead a counted bigram or trigram get an id: most adjacent pairs touch a stopword.
                let pair = pairID(first, ids[i + 1])
                let index = n == 2 ? bigramIndex(pair, first, last) : trigramIndex(pair, first, ids[i + 1], last)
                if ngramDocumentCounts.count <= Int(index) {
                    ngramDocumentCounts.append(contentsOf: repeatElement(0, count: Int(index) + 1 - ngramDocumentCounts.count))
                }
                if ngramDocumentCounts[Int(index)] == 0 { ngramTouched.append(index) }
                ngramDocumentCounts[Int(index)] += 1
            }
        }
        for index in ngramTouched {
            let c = Int(ngramDocumentCounts[Int(index)])
            ngrams.record(Int(index), count: c, documentTokens: documentTokens)
            if recording { entries.append(TermCount(term: .phrase(Int(index)), count: Int32(c))) }
            ngramDocumentCounts[Int(index)] = 0
        }
        ngramTouched.removeAll(keepingCapacity: true)
    }

    /// The dense id of the adjacent pair (a, b).
    private mutating func pairID(_ a: Int32, _ b: Int32) -> Int32 {
        let id = pairs.intern(IntegerKeyMap.pack(a, b))
        if Int(id) == pairTerm.count { pairTerm.append(-1) }
        return id
    }

    /// The n-gram index of the bigram (a, b) with this pair id, made on first count.
    private mutating func bigramIndex(_ pair: Int32, _ a: Int32, _ b: Int32) -> Int32 {
        if pairTerm[Int(pair)] >= 0 { return pairTerm[Int(pair)] }
        let index = Int32(ngramKeys.count)
        ngramKeys.append(TermKey(a, b))
        pairTerm[Int(pair)] = index
        return index
    }

    /// The n-gram index of the trigram (a, b, c), whose leading pair has id `pair`, made on first count.
    private mutating func trigramIndex(_ pair: Int32, _ a: Int32, _ b: Int32, _ c: Int32) -> Int32 {
        let triple = triples.intern(IntegerKeyMap.pack(pair, c))
        if Int(triple) < tripleTerm.count { return tripleTerm[Int(triple)] }
        let index = Int32(ngramKeys.count)
        ngramKeys.append(TermKey(a, b, c))
        tripleTerm.append(index)
        return index
    }

    /// The n-gram index of a key, made when new (for merging).
    private mutating func ngramIndex(of key: TermKey) -> Int32 {
        let pair = pairID(key.ids.0, key.ids.1)
        return key.n == 2 ? bigramIndex(pair, key.ids.0, key.ids.1) : trigramIndex(pair, key.ids.0, key.ids.1, key.ids.2)
    }

    /// Only spaces and line breaks between two tokens of one sentence: they may form an n-gram.
    private static func joinable(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Token, _ b: Token) -> Bool {
        guard a.sentence == b.sentence else { return false }
        for k in a.range.upperBound..<b.range.lowerBound {
            switch bytes[k] {
            case 0x20, 0x0A, 0x09: continue
            default: return false
            }
        }
        return true
    }

    /// Adds another counter's documents (same options) to this one; gives where its term ids went, for its rows.
    @discardableResult
    public mutating func merge(_ other: TermCounter) -> TermIDMap {
        precondition(other.options == options, "merging counters made with different options")
        var idMap = [Int32](repeating: -1, count: other.vocabulary.count)
        for id in 0..<other.vocabulary.count {
            idMap[id] = vocabulary.intern(other.vocabulary.term(Int32(id)))
            if Int(idMap[id]) == flags.count { addFlags(other.flags[id]) }
        }
        for (id, entry) in other.unigrams.entries.enumerated() where entry.count > 0 {
            unigrams.absorb(other.unigrams, id, into: Int(idMap[id]))
        }
        var ngramMap = [Int32](repeating: -1, count: other.ngramKeys.count)
        for (index, key) in other.ngramKeys.enumerated() {
            let mapped = TermKey(idMap[Int(key.ids.0)], idMap[Int(key.ids.1)], key.ids.2 >= 0 ? idMap[Int(key.ids.2)] : -1)
            let target = ngramIndex(of: mapped)
            ngramMap[index] = target
            ngrams.absorb(other.ngrams, index, into: Int(target))
        }
        tokens += other.tokens
        documents += other.documents
        documentsWithTokens += other.documentsWithTokens
        return TermIDMap(words: idMap, phrases: ngramMap)
    }

    /// Count of a term given as text ("self-reliance", "soviet union"); 0 when absent.
    public func count(of term: String) -> Int {
        guard let id = id(of: term) else { return 0 }
        return id.isWord ? unigrams[id.index].count : ngrams[id.index].count
    }

    /// The id of a term given as text, if counted.
    public func id(of term: String) -> TermID? {
        let words = term.split(separator: " ").map(String.init)
        let ids = words.compactMap { vocabulary.id(of: $0) }
        guard ids.count == words.count, (1...3).contains(ids.count) else { return nil }
        if ids.count == 1 {
            let id = ids[0]
            return Int(id) < unigrams.size && unigrams[Int(id)].count > 0 ? .word(Int(id)) : nil
        }
        guard let pair = pairs.id(of: IntegerKeyMap.pack(ids[0], ids[1])) else { return nil }
        let index: Int32
        if ids.count == 2 {
            index = pairTerm[Int(pair)]
        } else {
            guard let triple = triples.id(of: IntegerKeyMap.pack(pair, ids[2])) else { return nil }
            index = tripleTerm[Int(triple)]
        }
        return index >= 0 ? .phrase(Int(index)) : nil
    }
}
