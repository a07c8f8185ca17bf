import ChanceryCorpus

/// Which words inside editorial brackets count.
///
/// Editions mark their own words with square brackets, and not all of them
/// are the document's. A translator's "promised free [aid]", a resolution
/// "the Premier [Kim Il Sung]", an editor's correction "September 30 [29]" or
/// doubtful reading "[denied?]" give the text as the editors read it; a
/// redaction notice "[2 lines of source text not declassified]", an elision
/// "[...]" or "[Here follows ...]", a note "[trans. note—...]" or a mark
/// "[sic]" speak about the text (`EditorialKind.isText`). Counting those made
/// "declassified", "source", "text" and "lines" a redacted memorandum's
/// keywords. Notes an edition keeps apart (TEI `<note>`, footnotes) are never
/// in the body, so never counted.
public enum EditorialPolicy: String, Sendable, Codable, CaseIterable {
    /// The default: words of insertions, resolutions and conjectures count; redaction notices, elisions, notes and
    /// marks do not (they are counted as brackets: `documents.csv` has `redactions`, `elisions`, `editorial_notes`
    /// and `editorial_spans`, from `DocumentRecord.count(of:)`).
    case insertions
    /// Every bracket's words count, redaction notices and notes included (what `include`, the default before, counted).
    case all
    /// No bracket's words count: only the words the translation attributes to the original.
    case exclude

    /// The name `all` had: `--editorial include` is still accepted and means every bracket.
    @available(*, deprecated, renamed: "all")
    public static var include: EditorialPolicy { .all }

    /// A policy by name: a case's raw value, or `include` (the old name of `all`).
    public init?(name: String) {
        if name == "include" {
            self = .all
        } else {
            self.init(rawValue: name)
        }
    }

    /// Whether words in a bracket of this kind count.
    public func counts(_ kind: EditorialKind) -> Bool {
        switch self {
        case .insertions: kind.isText
        case .all: true
        case .exclude: false
        }
    }

    /// Which of `document`'s tokens count under this policy.
    public func filter(_ document: Document) -> EditorialFilter {
        EditorialFilter(leftOut: self == .all ? [] : document.editorialSpans.filter { !counts($0.kind) }.map(\.range))
    }
}

/// The brackets of one document whose words a policy leaves out, to ask of each token whether it counts.
public struct EditorialFilter: Sendable {
    /// UTF-8 ranges of the brackets left out, in order (a document's spans are in order and do not overlap).
    public let leftOut: [Range<Int>]

    /// True when no token is left out.
    public var keepsEverything: Bool { leftOut.isEmpty }

    /// Whether `token` counts: it is outside every bracket left out. A token belongs to the bracket its first byte
    /// is in, as `Token.isEditorial` says.
    @inline(__always)
    public func counts(_ token: Token) -> Bool {
        token.isEditorial ? counts(offset: token.range.lowerBound) : true
    }

    /// Whether a token starting at `offset` counts (a binary search of the brackets left out).
    public func counts(offset: Int) -> Bool {
        var low = 0, high = leftOut.count
        while low < high {
            let middle = (low + high) / 2
            if leftOut[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return !(low < leftOut.count && leftOut[low].contains(offset))
    }
}

/// How terms are counted; a result keeps the options that made it.
public struct TermOptions: Sendable, Hashable, Codable {
    /// Which n-gram lengths to count, within 1...3.
    public var ngrams: ClosedRange<Int>
    public var stopwords: StopwordList
    public var editorial: EditorialPolicy
    /// Leave out tokens without letters ("1962", "1,197").
    public var dropNumbers: Bool

    public init(ngrams: ClosedRange<Int> = 1...1, stopwords: StopwordList = .english, editorial: EditorialPolicy = .insertions, dropNumbers: Bool = false) {
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
