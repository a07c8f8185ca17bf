import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// The output formats of `chancery report`.
public enum ReportFormat: String, Sendable, CaseIterable, Comparable {
    case csv, xlsx
    case markdown = "md"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Everything that decides a report's contents; the manifest records it.
public struct ReportOptions: Sendable {
    public var formats: Set<ReportFormat> = Set(ReportFormat.allCases)
    public var lexicon: Lexicon
    /// The lexicon's bytes, for its SHA-256 in the manifest.
    public var lexiconBytes: [UInt8]
    public var stopwords: StopwordList = .english
    public var editorial: EditorialPolicy = .include
    /// Leave tokens without letters (1962, 1,197) out of the term counts.
    public var dropNumbers = false
    /// N-gram lengths counted for `terms.csv`.
    public var ngrams: ClosedRange<Int> = 1...3
    /// Bigrams and trigrams seen fewer times are left out of `terms.csv` (unigrams are all kept).
    public var minimumNgramCount = 2
    /// Positive keys kept per year in `keyness.csv` (the strongest by G², p < 0.05).
    public var keysPerYear = 100
    public var correction: KeynessCorrection = .none
    public var kwic = KWICOptions()
    public var keywordsPerDocument = 10
    public var excelBOM = false
    public var gazetteer: EventGazetteer = .builtIn
    /// The command line as typed, for the manifest.
    public var command: [String] = []

    public init(lexicon: Lexicon, lexiconBytes: [UInt8]) {
        self.lexicon = lexicon
        self.lexiconBytes = lexiconBytes
    }
}
