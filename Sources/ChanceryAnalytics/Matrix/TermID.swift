/// A column of a document-term matrix: a word or a phrase (a bigram or trigram) that a `TermCounter` counted.
///
/// Ids belong to the counter that made them (and to the `TermColumns` taken from it); a counter merged into
/// another gives a `TermIDMap` that carries its ids over. Words come first in id order, then phrases.
public struct TermID: Hashable, Comparable, Sendable {
    /// A word's vocabulary id (0 and up), or −(phrase index + 1): one 32-bit field, so that a matrix entry
    /// (`TermCount`) is eight bytes in memory and on disk.
    package let raw: Int32

    package init(raw: Int32) { self.raw = raw }

    /// The word with this vocabulary id.
    public static func word(_ id: Int) -> TermID {
        precondition(id >= 0, "a word's vocabulary id is 0 or more")
        return TermID(raw: Int32(id))
    }

    /// The phrase with this index among the counter's phrases.
    public static func phrase(_ index: Int) -> TermID {
        precondition(index >= 0, "a phrase's index is 0 or more")
        return TermID(raw: -Int32(index) - 1)
    }

    /// True for a word, false for a phrase.
    public var isWord: Bool { raw >= 0 }

    /// The word's vocabulary id, or the phrase's index among phrases.
    public var index: Int { raw >= 0 ? Int(raw) : Int(-raw - 1) }

    /// Words before phrases, each in the order the counter first saw them.
    public static func < (a: TermID, b: TermID) -> Bool {
        a.isWord != b.isWord ? a.isWord : a.index < b.index
    }
}

/// A term and how often it occurs in one row of a document-term matrix.
public struct TermCount: Hashable, Sendable {
    public var term: TermID
    public var count: Int32

    public init(term: TermID, count: Int32) {
        self.term = term
        self.count = count
    }
}

/// One document's terms and counts: a row of a document-term matrix, as a counter makes it.
public struct DocumentTermVector: Sendable, Equatable {
    public var documentID: String
    /// Tokens counted in the document (the denominator of its relative frequencies).
    public var tokens: Int
    /// Terms and counts, in first-appearance order (words, then phrases).
    public var entries: [TermCount]

    public init(documentID: String, tokens: Int, entries: [TermCount]) {
        self.documentID = documentID
        self.tokens = tokens
        self.entries = entries
    }
}

/// Where a merged counter's term ids went in the counter it was merged into (`TermCounter.merge(_:)`).
public struct TermIDMap: Sendable {
    let words: [Int32]
    let phrases: [Int32]

    /// The id in the merged counter of the term `id` of the counter merged in.
    public subscript(id: TermID) -> TermID {
        id.isWord ? TermID(raw: words[id.index]) : .phrase(Int(phrases[id.index]))
    }

    /// A row of the counter merged in, in the merged counter's ids.
    public func callAsFunction(_ vector: DocumentTermVector) -> DocumentTermVector {
        var mapped = vector
        for k in mapped.entries.indices { mapped.entries[k].term = self[mapped.entries[k].term] }
        return mapped
    }
}
