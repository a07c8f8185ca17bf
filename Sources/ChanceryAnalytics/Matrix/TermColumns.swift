/// The columns of a document-term matrix: each term's text and its figures over the whole corpus counted.
///
/// Taken from a `TermCounter` once counting is done; the counter's machinery for finding phrases (pair and
/// triple maps, hundreds of megabytes for a large corpus) is not kept, so a caller that no longer needs the
/// counter lets it go and keeps these. Columns describe the terms counted when they were taken: rows must hold
/// only those (no phrases in words-only columns, no word the counter met afterwards); asking about another id
/// is a programming error and stops with a message, as an array index out of range does.
public struct TermColumns: Sendable {
    public let options: TermOptions
    /// The words; a word's vocabulary id is its `TermID.index`.
    public let vocabulary: Vocabulary
    /// Documents counted (the N of inverse document frequency).
    public let documents: Int
    /// Running tokens counted, stopwords included (the denominator of relative frequencies).
    public let tokens: Int
    private let wordCounts: [Int]
    private let wordDocuments: [Int32]
    let phraseKeys: [TermKey]
    private let phraseCounts: [Int]
    private let phraseDocuments: [Int32]

    /// The columns of everything `counter` counted; without `phrases`, words only (rows must then hold no phrases).
    public init(_ counter: TermCounter, phrases: Bool = true) {
        options = counter.options
        vocabulary = counter.vocabulary
        documents = counter.documents
        tokens = counter.tokens
        let words = counter.unigrams.entries
        wordCounts = words.map(\.count)
        wordDocuments = words.map(\.documentFrequencyStorage)
        phraseKeys = phrases ? counter.ngramKeys : []
        let phraseEntries = phrases ? counter.ngrams.entries : []
        phraseCounts = phraseEntries.map(\.count)
        phraseDocuments = phraseEntries.map(\.documentFrequencyStorage)
    }

    /// Words in the vocabulary.
    public var wordCount: Int { vocabulary.count }

    /// Phrases known.
    public var phraseCount: Int { phraseKeys.count }

    /// Whether `id` is one of these columns.
    public func contains(_ id: TermID) -> Bool {
        id.isWord ? id.index < wordCount : id.index < phraseCount
    }

    private func check(_ id: TermID) {
        precondition(contains(id), id.isWord ? "word \(id.index) is not among these \(wordCount) words"
            : "phrase \(id.index) is not among these \(phraseCount) phrases (columns taken with phrases: false?)")
    }

    /// The term's text: the word, or the phrase's words joined by spaces.
    public func text(_ id: TermID) -> String {
        check(id)
        return id.isWord ? vocabulary.term(Int32(id.index)) : phraseKeys[id.index].text(in: vocabulary)
    }

    /// 1 for a word, 2 for a bigram, 3 for a trigram.
    public func n(_ id: TermID) -> Int {
        check(id)
        return id.isWord ? 1 : phraseKeys[id.index].n
    }

    /// How often the term was counted in the corpus (0 for stopwords and words not counted).
    public func count(_ id: TermID) -> Int {
        check(id)
        return id.isWord ? (id.index < wordCounts.count ? wordCounts[id.index] : 0) : phraseCounts[id.index]
    }

    /// Documents the term was counted in.
    public func documentFrequency(_ id: TermID) -> Int {
        check(id)
        return id.isWord ? (id.index < wordDocuments.count ? Int(wordDocuments[id.index]) : 0) : Int(phraseDocuments[id.index])
    }

    /// log10(N ÷ df), as `TermFrequencies.inverseDocumentFrequency`.
    public func inverseDocumentFrequency(_ id: TermID) -> Double {
        TermFrequencies.inverseDocumentFrequency(documents: documents, containing: documentFrequency(id))
    }

    /// The id of a word, if it is in the vocabulary.
    public func word(_ text: String) -> TermID? {
        vocabulary.id(of: text).map { .word(Int($0)) }
    }

    /// The id of a term given as text, a word or a phrase ("soviet union"), if it is a column. A phrase is
    /// looked for among all phrases, in time proportional to their number (no index is kept for it).
    public func id(of text: String) -> TermID? {
        let words = text.split(separator: " ").map { vocabulary.id(of: String($0)) }
        guard !words.isEmpty, words.count <= 3, words.allSatisfy({ $0 != nil }) else { return nil }
        if words.count == 1 { return words[0].map { .word(Int($0)) } }
        let key = TermKey(words[0]!, words[1]!, words.count == 3 ? words[2]! : -1)
        return phraseKeys.firstIndex(of: key).map { .phrase($0) }
    }
}
