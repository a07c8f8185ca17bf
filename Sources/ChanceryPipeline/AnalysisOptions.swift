import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// The parts of an analysis a caller asks for: a command that prints counts need not tag dates or digest its
/// files. A part not asked for is left empty (no rows, no events, no lines); the documents, their lengths and
/// metadata and the corpus's problems are always there.
public struct AnalysisParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Tokens and types, per document and for the corpus (`CorpusAnalysis.statistics`): the words are counted.
    /// Without it (nor `terms`) types are 0.
    public static let statistics = AnalysisParts(rawValue: 1 << 0)
    /// Terms and phrases over the corpus (`terms`).
    public static let terms = AnalysisParts(rawValue: 1 << 1)
    /// Each document's words: the document-term `matrix`, and on it `documentTerms`, `topTerms` and `keywords`.
    /// Its columns are the words of the corpus (phrases are in `terms`).
    public static let matrix = AnalysisParts(rawValue: 1 << 6)
    /// Each year's key words against the other years (`keyness`), on the matrix: with `.matrix` only.
    public static let keyness = AnalysisParts(rawValue: 1 << 7)
    /// Topic hits per document and per year (`topics`, `topicYears`, `DocumentAnalysis.topicRows`).
    public static let topics = AnalysisParts(rawValue: 1 << 2)
    /// The KWIC line of every topic hit (`DocumentAnalysis.forEachKWICLine`).
    public static let kwic = AnalysisParts(rawValue: 1 << 3)
    /// Dated events with the topics of their sentences (`timelineEvents`, `events(of:)`), and the dates rejected;
    /// the people each document names (`DocumentAnalysis.persons`, `CorpusAnalysis.persons`).
    public static let timeline = AnalysisParts(rawValue: 1 << 4)
    /// Each input file's size and SHA-256 as it was read (`inputs`), for a manifest.
    public static let digests = AnalysisParts(rawValue: 1 << 5)

    /// Terms counted per group of documents (`groups`): one counter per label of `AnalysisOptions.grouping`.
    /// Not in `all`: the report has no groups.
    public static let groups = AnalysisParts(rawValue: 1 << 8)

    /// Everything: what a report writes.
    public static let all: AnalysisParts = [.statistics, .terms, .matrix, .keyness, .topics, .kwic, .timeline, .digests]
}

/// Everything that decides what an analysis finds; a report's manifest records it.
public struct AnalysisOptions: Sendable {
    /// What to work out; the rest is left empty.
    public var parts: AnalysisParts = .all
    /// The topics matched (for topic rows, KWIC lines and the topics of events); empty by default.
    public var lexicon: Lexicon
    public var stopwords: StopwordList = .english
    public var editorial: EditorialPolicy = .insertions
    /// Leave tokens without letters (1962, 1,197) out of the term counts.
    public var dropNumbers = false
    /// N-gram lengths counted for `terms.csv`.
    public var ngrams: ClosedRange<Int> = 1...3
    /// Terms seen fewer times are left out of `terms` (`chancery terms --min-count`); the report keeps every word.
    public var minimumTermCount = 1
    /// Bigrams and trigrams seen fewer times are left out of `terms.csv` (unigrams: `minimumTermCount`).
    public var minimumNgramCount = 2
    /// Positive keys kept per year in `keyness.csv` (the strongest by G², p < `CorpusAnalysis.keyPValueBelow`).
    public var keysPerYear = 100
    public var correction: KeynessCorrection = .none
    public var kwic = KWICOptions()
    public var keywordsPerDocument = 10
    public var gazetteer: EventGazetteer = .builtIn
    /// The group of each document for `.groups`, from its record (its id as numbered: `a~2`) and its topic hits
    /// (with `.topics`); nil leaves it out. `chancery terms --by year` groups by year, `--target` into a target and the rest.
    public var grouping: (@Sendable (DocumentRecord, [TopicHitRow]) -> String?)?
    /// Files per chunk, for tests that check that the chunks do not change the results (nil: `CorpusAnalysis.chunkSize`).
    var chunkFiles: Int?

    public init(lexicon: Lexicon = Lexicon(topics: [], source: "none"), parts: AnalysisParts = .all) {
        self.lexicon = lexicon
        self.parts = parts
    }
}
