import ChanceryCorpus
import ChanceryTestSupport
import Testing

@testable import ChanceryAnalytics

/// Work that must grow linearly with the input (issue 14, "Hangs and unbounded memory"): each test counts the
/// steps of one analysis at two sizes in the same process and bounds their ratio; none measures time.
@Suite struct LinearTimeTests {
    /// One sentence, `repeats` times "the aid and credits were discussed with care ", with a final stop.
    static func longSentence(_ repeats: Int) -> TokenizedDocument {
        Toy.document("long", String(repeating: "the aid and credits were discussed with care ", count: repeats) + ".")
    }

    static let aidLexicon = Lexicon(topics: [
        .init(name: "aid", patterns: [try! LexiconPattern("aid"), try! LexiconPattern("credit*"), try! LexiconPattern("gratis assistance")]),
    ], source: "test")

    /// Item 13: KWIC lines of the hits in one long sentence cost a bounded number of steps per hit, not a walk of the sentence.
    @Test func kwicOfHitsInOneLongSentenceIsLinear() {
        func steps(_ repeats: Int) -> (steps: Int, lines: Int) {
            let document = Self.longSentence(repeats)
            let matches = TopicMatcher(lexicon: Self.aidLexicon).matches(in: document)
            var steps = 0
            let lines = KeywordInContext.lines(matches, in: document, options: KWICOptions(), steps: &steps) { _ in "aid" }
            return (steps, lines.count)
        }
        let small = steps(2_000), large = steps(4_000)
        #expect(small.lines == 4_000 && large.lines == 8_000)
        #expect(large.steps <= small.steps * 5 / 2 + 100, "KWIC steps: \(small.steps) for 2,000 repeats, \(large.steps) for 4,000")
    }
}
