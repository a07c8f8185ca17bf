import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

@Suite struct KeynessTests {
    /// Reference values from scipy 1.17.1: `scipy.stats.chi2_contingency([[a, b], [C-a, D-b]],
    /// correction=False, lambda_="log-likelihood")`, signed by a > E(a); Williams's q computed by hand
    /// from the same table; Log Ratio = log2((a/C)/(b/D)) with 0.5 for a zero count.
    ///
    /// Worked by hand for the first row (a=10, b=5, C=1000, D=2000): E = 5, 10, 995, 1990;
    /// G² = 2[10 ln 2 + 5 ln ½ + 990 ln(990/995) + 1995 ln(1995/1990)] = 6.96919...; Log Ratio = log2(4) = 2.
    @Test(arguments: [
        (10.0, 5.0, 1000.0, 2000.0, 6.969191931932806, 0.008292493584807123, 2.0, 6.708306780186919),
        (0.0, 7.0, 500.0, 800.0, -6.820778709194681, 0.009010327182556347, -3.1292830169449664, -6.820778709194681),
        (25.0, 0.0, 1200.0, 300.0, 11.262664984129126, 0.0007908159414762546, 3.6438561897747244, 11.262664984129126),
    ])
    func matchesScipy(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ g2: Double, _ p: Double, _ logRatio: Double, _ williams: Double) {
        #expect(abs(Keyness.logLikelihood(a: a, b: b, targetTotal: c, referenceTotal: d) - g2) < 1e-9)
        #expect(abs(Keyness.pValue(g2) - p) < 1e-12)
        #expect(abs(Keyness.logRatio(a: a, b: b, targetTotal: c, referenceTotal: d) - logRatio) < 1e-9)
        #expect(abs(Keyness.logLikelihood(a: a, b: b, targetTotal: c, referenceTotal: d, correction: .williams) - williams) < 1e-9)
    }

    @Test func ranksTheTargetsOwnWordsFirst() {
        let target = Toy.counter([Toy.document("t", "self-reliance self-reliance self-reliance trade aid")])
        let reference = Toy.counter([Toy.document("r", "aid aid aid aid trade trade credit credit")])
        let keyness = Keyness(target: target, reference: reference, label: "t")
        #expect(keyness.rows.first?.term == "self-reliance")
        #expect(keyness.rows.first?.countReference == 0)
        #expect(keyness.rows.last.map { $0.g2 < 0 } == true)
        #expect(keyness.rows.allSatisfy { $0.g2.isFinite && $0.logRatio.isFinite && (0...1).contains($0.pValue) })
    }

    @Test func targetsSelectPeriodsDocumentsAndTopics() throws {
        let december = Document(id: "x", file: "x", format: .plainText, title: "x",
                                date: DocumentDate(value: try HistoricalDate(year: 1962, month: 12, day: 8), text: "", provenance: .metadata), body: "")
        let yearOnly = Document(id: "y", file: "y", format: .plainText, title: "y",
                                date: DocumentDate(value: try HistoricalDate(year: 1962), text: "", provenance: .metadata), body: "")
        #expect(KeynessTarget("1962").contains(december))
        #expect(KeynessTarget("1962-12").contains(december))
        #expect(!KeynessTarget("1962-01..1962-06").contains(december))
        #expect(KeynessTarget("1962-07..1963").contains(december))
        #expect(KeynessTarget("1962").contains(yearOnly))
        #expect(!KeynessTarget("1962-01..1962-06").contains(yearOnly))
        #expect(KeynessTarget("a,x").contains(december))
        #expect(KeynessTarget("topic:aid").contains(december) { _, topic in topic == "aid" })
    }

    @Test(needsSharedCorpora) func oneYearAgainstTheRestOfTheFRUSVolumeGivesFiniteValues() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        var target = TermCounter(options: TermOptions(ngrams: 1...2)), reference = TermCounter(options: TermOptions(ngrams: 1...2))
        for document in corpus.tokenizedDocuments() {
            if KeynessTarget("1961").contains(document.document) { target.add(document) } else { reference.add(document) }
        }
        #expect(target.documents == 69)
        #expect(reference.documents == 10)
        let keyness = Keyness(target: target, reference: reference, label: "1961")
        #expect(keyness.rows.count > 1000)
        #expect(keyness.rows.allSatisfy { $0.g2.isFinite && $0.logRatio.isFinite && $0.pValue.isFinite })
    }
}
