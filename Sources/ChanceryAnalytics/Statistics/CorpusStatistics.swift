import ChanceryCorpus

/// How big a collection is, what years it covers, in what formats and original languages.
///
/// Tokens are the words of document bodies as `Tokenizer` finds them,
/// editorial brackets included; types are distinct case-folded terms. The
/// type/token ratio is types ÷ tokens over the whole corpus, so it falls as a
/// corpus grows and is comparable only between corpora of similar size.
public struct CorpusStatistics: Sendable, Codable, Equatable {
    public var documents: Int
    public var tokens: Int
    public var types: Int
    public var typeTokenRatio: Double
    /// Mean and median body length in tokens.
    public var meanLength: Double
    public var medianLength: Double
    /// Earliest and latest document dates, ISO text at their precision.
    public var firstDate: String?
    public var lastDate: String?
    /// Documents without a date.
    public var undated: Int
    public var formats: [Count]
    /// Documents per year, in year order; undated documents are not listed.
    public var years: [Count]
    /// Documents per original language; "unknown" where the source does not say.
    public var languages: [Count]
    /// Editorial brackets per kind, over all documents.
    public var editorialSpans: [Count]
    /// Files, folders and documents that could not be read (errors).
    public var skipped: [Skipped]
    /// Documents read with something left out or changed (warnings).
    public var warnings: [Skipped]
    /// Files and folders not read on purpose: another type, a README, a second way to something already read (notes).
    public var ignored: [Skipped]

    /// A label and how many documents (or marks) carry it.
    public struct Count: Sendable, Codable, Equatable {
        public var label: String
        public var count: Int
    }

    /// A file or document that could not be read or was passed by, and why.
    public struct Skipped: Sendable, Codable, Equatable {
        public var file: String
        public var location: String
        public var reason: String
        public var code: String

        init(_ problem: InputError) {
            file = problem.file
            location = problem.place
            reason = problem.message
            code = problem.code.rawValue
        }
    }

    public init(_ corpus: Corpus) {
        var lengths: [Int] = []
        var vocabulary = Set<String>()
        for document in corpus.documents {
            let tokenized = TokenizedDocument(document)
            lengths.append(tokenized.tokens.count)
            vocabulary.formUnion(tokenized.terms)
        }
        self.init(corpus, lengths: lengths, types: vocabulary.count)
    }

    /// Statistics from token counts already made: `lengths` per document in corpus order, `types` over the corpus.
    public init(_ corpus: Corpus, lengths: [Int], types typeCount: Int) {
        self.init(documents: corpus.documents.map(\.record), skipped: corpus.skipped, warnings: corpus.warnings, ignored: corpus.ignored,
                  lengths: lengths, types: typeCount)
    }

    /// The same, from documents without their bodies kept elsewhere (a lazy view over an analysis's documents: no copy of them all).
    public init<Documents: Collection>(documents corpusDocuments: Documents, skipped: [InputError], warnings: [InputError], ignored: [InputError],
                                       lengths: [Int], types typeCount: Int) where Documents.Element == DocumentRecord {
        let tokenTotal = lengths.reduce(0, +)
        documents = corpusDocuments.count
        tokens = tokenTotal
        types = typeCount
        typeTokenRatio = tokenTotal == 0 ? 0 : Double(typeCount) / Double(tokenTotal)
        meanLength = lengths.isEmpty ? 0 : Double(tokenTotal) / Double(lengths.count)
        medianLength = Self.median(lengths)

        let dates = corpusDocuments.compactMap { $0.date?.value }
        firstDate = dates.min()?.iso
        lastDate = dates.max()?.iso
        undated = corpusDocuments.count - dates.count
        formats = Self.counts(corpusDocuments.map(\.format.rawValue))
        years = Self.counts(dates.map { String($0.year) })
        languages = Self.counts(corpusDocuments.map { $0.metadata.originalLanguage ?? "unknown" })
        editorialSpans = Self.counts(corpusDocuments.flatMap { $0.editorialKinds.map(\.rawValue) })
        self.skipped = skipped.map(Skipped.init)
        self.warnings = warnings.map(Skipped.init)
        self.ignored = ignored.map(Skipped.init)
    }

    static func median(_ values: [Int]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Counts per label, in label order (years sort as text, which is numeric order for four digits).
    static func counts(_ labels: [String]) -> [Count] {
        Dictionary(labels.map { ($0, 1) }, uniquingKeysWith: +)
            .map { Count(label: $0.key, count: $0.value) }
            .sorted { $0.label < $1.label }
    }
}
