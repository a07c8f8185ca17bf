import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// Everything that decides what an analysis finds; a report's manifest records it.
public struct AnalysisOptions: Sendable {
    public var lexicon: Lexicon
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
    public var gazetteer: EventGazetteer = .builtIn

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }
}
