import ChanceryCorpus

/// Whether words inside editorial brackets count.
///
/// Translators write "promised free [aid]": the word is the editor's, not the
/// document's. Including it (the default) counts what the translation says;
/// excluding it counts only the words the translation attributes to the
/// original.
public enum EditorialPolicy: String, Sendable, Codable, CaseIterable {
    case include, exclude
}

/// How terms are counted; a result keeps the options that made it.
public struct TermOptions: Sendable, Hashable, Codable {
    /// Which n-gram lengths to count, within 1...3.
    public var ngrams: ClosedRange<Int>
    public var stopwords: StopwordList
    public var editorial: EditorialPolicy
    /// Leave out tokens without letters ("1962", "1,197").
    public var dropNumbers: Bool

    public init(ngrams: ClosedRange<Int> = 1...1, stopwords: StopwordList = .english, editorial: EditorialPolicy = .include, dropNumbers: Bool = false) {
        self.ngrams = ngrams.clamped(to: 1...3)
        self.stopwords = stopwords
        self.editorial = editorial
        self.dropNumbers = dropNumbers
    }
}

extension StopwordList: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode([String: [String]].self)
        self.init(name: value["name"]?.first ?? "custom", words: value["words"] ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(["name": [name], "words": words.sorted()])
    }
}
