import ChanceryCorpus
import Foundation

/// How the log-likelihood statistic is corrected for small samples.
public enum KeynessCorrection: String, Sendable, Codable, CaseIterable {
    /// No correction: the four-cell G² of Dunning (1993), as AntConc and UCREL's log-likelihood wizard report it.
    case none
    /// Williams's correction (G² ÷ q) as quanteda's default for `measure = "lr"` applies it: not when a cell of the
    /// table is 0, so a term absent from the reference keeps its uncorrected (larger) G².
    case williams
    /// Williams's correction as Williams (1976) defines it: every term's G² ÷ q, zero cells included.
    case williamsTextbook = "williams-textbook"
}

/// One term's keyness in a target against a reference (a row of `keyness.csv`).
public struct KeynessRow: Sendable, Hashable, Codable {
    public var group: String
    public var term: String
    public var n: Int
    public var countTarget: Int
    public var countReference: Int
    /// Signed log-likelihood: positive when the term is relatively more frequent in the target.
    public var g2: Double
    /// log2 of the ratio of relative frequencies (Hardie's Log Ratio): +1 means twice as frequent in the target.
    public var logRatio: Double
    public var pValue: Double
}

/// Keyness of every term of a target against a reference: log-likelihood G², Log Ratio and p-value.
///
/// For a term with `a` occurrences among the target's `C` tokens and `b`
/// among the reference's `D` tokens, the 2×2 table is a, b, c = C − a,
/// d = D − b, N = C + D, with expected values E = row total × column total ÷ N:
///
///     G² = 2 · Σ O · ln(O ÷ E)        over the four cells (a cell with O = 0 adds 0)
///
/// signed + when a > E(a), − otherwise, as quanteda's `textstat_keyness()`
/// signs it. Williams's correction divides by
/// q = 1 + (N/(a+b) + N/(c+d) − 1)(N/(a+c) + N/(b+d) − 1) ÷ 6N: `williams` does
/// not apply it when a cell is 0, as quanteda does; `williamsTextbook` applies it
/// to every table whose margins are all non-zero. The p-value is the upper tail of χ² with one
/// degree of freedom at |G²|: p = erfc(√(|G²| ÷ 2)).
///
///     Log Ratio = log2((a ÷ C) ÷ (b ÷ D))        with 0.5 in place of a zero count
///
/// References: Dunning, T. (1993). Accurate methods for the statistics of
/// surprise and coincidence. *Computational Linguistics* 19(1): 61–74.
/// Rayson, P. & Garside, R. (2000). Comparing corpora using frequency
/// profiling. *Proceedings of the Workshop on Comparing Corpora*, ACL: 1–6.
/// Williams, D. A. (1976). Improved likelihood ratio tests for complete
/// contingency tables. *Biometrika* 63(1): 33–37. Hardie, A. (2014). Log Ratio:
/// an informal introduction. ESRC Centre for Corpus Approaches to Social
/// Science (CASS). Anthony, L. (2022). AntConc 4 (keyword list: log-likelihood
/// 4-term, effect size Log Ratio). quanteda.textstats `textstat_keyness()`.
public struct Keyness: Sendable {
    public var target: String
    public var correction: KeynessCorrection
    public var targetTokens: Int
    public var referenceTokens: Int
    /// Documents on each side, when the comparison was made from documents (nil from bare counters): a target of
    /// one document says which words that document uses, not what its period does (see `CorpusAnalysis.keynessCautions`).
    public var targetDocuments: Int?
    public var referenceDocuments: Int?
    /// Sorted by G² (most key first), then term; negative keys at the end.
    public var rows: [KeynessRow]

    public init(target: TermCounter, reference: TermCounter, label: String, correction: KeynessCorrection = .none, minimumCount: Int = 1) {
        var counts: [String: KeynessCount] = [:]
        for row in TermFrequencies(target).rows { counts[row.term] = KeynessCount(n: row.n, target: row.count, reference: 0) }
        for row in TermFrequencies(reference).rows { counts[row.term, default: KeynessCount(n: row.n, target: 0, reference: 0)].reference = row.count }
        self.init(counts: counts, targetTokens: target.tokens, referenceTokens: reference.tokens, label: label,
                  correction: correction, minimumCount: minimumCount)
        targetDocuments = target.documents
        referenceDocuments = reference.documents
    }

    /// A term's occurrences in the target and the reference.
    public struct KeynessCount: Sendable, Hashable {
        public var n: Int
        public var target: Int
        public var reference: Int

        public init(n: Int, target: Int, reference: Int) {
            self.n = n
            self.target = target
            self.reference = reference
        }
    }

    /// Keyness from counts already made (the report sums document vectors by year).
    public init(counts: [String: KeynessCount], targetTokens: Int, referenceTokens: Int, label: String,
                correction: KeynessCorrection = .none, minimumCount: Int = 1) {
        self.target = label
        self.correction = correction
        self.targetTokens = targetTokens
        self.referenceTokens = referenceTokens
        let c = Double(targetTokens), d = Double(referenceTokens)
        var rows: [KeynessRow] = []
        for (term, count) in counts where count.target + count.reference >= minimumCount {
            let a = Double(count.target), b = Double(count.reference)
            let g2 = Self.logLikelihood(a: a, b: b, targetTotal: c, referenceTotal: d, correction: correction)
            rows.append(KeynessRow(group: label, term: term, n: count.n, countTarget: count.target, countReference: count.reference,
                                   g2: g2, logRatio: Self.logRatio(a: a, b: b, targetTotal: c, referenceTotal: d), pValue: Self.pValue(g2)))
        }
        rows.sort { x, y in x.g2 != y.g2 ? x.g2 > y.g2 : x.term < y.term }
        self.rows = rows
    }

    /// Signed four-cell log-likelihood G² of a term (see the type's documentation).
    public static func logLikelihood(a: Double, b: Double, targetTotal: Double, referenceTotal: Double, correction: KeynessCorrection = .none) -> Double {
        let c = targetTotal - a, d = referenceTotal - b
        let n = a + b + c + d
        guard n > 0 else { return 0 }
        func term(_ observed: Double, _ rowTotal: Double, _ columnTotal: Double) -> Double {
            let expected = rowTotal * columnTotal / n
            return observed > 0 && expected > 0 ? observed * log(observed / expected) : 0
        }
        var g2 = 2 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d))
        let corrects = switch correction {
        case .none: false
        case .williams: a * b * c * d != 0
        case .williamsTextbook: (a + b) * (c + d) * (a + c) * (b + d) != 0
        }
        if corrects {
            let q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
            g2 /= q
        }
        let expectedA = (a + b) * (a + c) / n
        return a > expectedA ? g2 : -g2
    }

    /// Hardie's Log Ratio, with 0.5 standing in for a zero count.
    public static func logRatio(a: Double, b: Double, targetTotal: Double, referenceTotal: Double) -> Double {
        guard targetTotal > 0, referenceTotal > 0 else { return 0 }
        let target = (a > 0 ? a : 0.5) / targetTotal
        let reference = (b > 0 ? b : 0.5) / referenceTotal
        return log2(target / reference)
    }

    /// Upper tail of χ² with one degree of freedom at |G²|.
    public static func pValue(_ g2: Double) -> Double {
        erfc((abs(g2) / 2).squareRoot())
    }
}
