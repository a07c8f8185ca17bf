import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

@Suite struct CollocationTests {
    @Test func logDiceAndMIMatchHandValues() throws {
        // N = 11 tokens; node "aid" 3 times; "free" next to it twice and once elsewhere (f = 3).
        let documents = [Toy.document("c", "Free aid came. Free aid went. Aid stayed free. Trade grew.")]
        let result = try Collocations(documents, node: "aid", window: 1, minimumFrequency: 1, stopwords: .none)
        let free = try #require(result.rows.first { $0.collocate == "free" })
        #expect(result.tokens == 11)
        #expect(free.count == 2)
        #expect(free.nodeFrequency == 3)
        #expect(free.collocateFrequency == 3)
        #expect(abs(free.logDice - (14 + log2(2.0 * 2 / 6))) < 1e-12)
        #expect(abs(free.mutualInformation - log2(2.0 * 11 / 9)) < 1e-12)
        // "trade" is in another sentence: never a collocate.
        #expect(!result.rows.contains { $0.collocate == "trade" })
    }

    @Test func minimumFrequencyAndStopwordsFilter() throws {
        let documents = [Toy.document("c", "The aid came. The aid went. Aid stayed.")]
        let result = try Collocations(documents, node: "aid", window: 1, minimumFrequency: 2)
        #expect(result.rows.isEmpty)
        #expect(throws: LexiconError.self) { try Collocations(documents, node: "(", window: 1) }
    }

    /// A collocate counts only within the node's sentence, even after a bracket holding a stop: "(..., etc.)" once
    /// silenced the splitter for the rest of its paragraph, and `areas` co-occurred with `treaty` 5 times in the
    /// held-out FRUS documents, 2 of them across sentence ends in one document (issue 16). Now 3.
    @Test(needsSharedCorpora) func heldOutTreatyAreasCountWithinSentences() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-holdout-plain").path)
        let result = try Collocations(corpus.tokenizedDocuments(), node: "treaty")
        #expect(result.rows.first { $0.collocate == "areas" }?.count == 3)
    }

    /// The invented case: a stop inside a parenthesis and a collocate in the next sentence.
    @Test func aBracketDoesNotJoinSentences() throws {
        let documents = [Toy.document("c", "We adjust (i.e. on bases, etc.) the treaty. Other areas wait. The treaty holds.")]
        let result = try Collocations(documents, node: "treaty", window: 5, minimumFrequency: 1, stopwords: .none)
        #expect(!result.rows.contains { $0.collocate == "areas" })
    }
}
