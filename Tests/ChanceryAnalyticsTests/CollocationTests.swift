import ChanceryCorpus
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
}
