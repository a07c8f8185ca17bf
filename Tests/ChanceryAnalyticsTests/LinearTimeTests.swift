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

    /// `count` words drawn in turn from a small vocabulary, so words repeat as in a pasted paragraph.
    static func words(_ count: Int) -> String {
        let vocabulary = ["the", "aid", "and", "credits", "were", "discussed", "with", "care", "soviet", "trade", "talks", "korea"]
        return (0..<count).map { vocabulary[($0 * 7 + $0 / 12) % vocabulary.count] }.joined(separator: " ")
    }

    static func matcher(_ patterns: [String]) throws -> TopicMatcher {
        TopicMatcher(lexicon: Lexicon(topics: [.init(name: "t", patterns: try patterns.map { try LexiconPattern($0) })], source: "test"))
    }

    static func matchSteps(_ matcher: TopicMatcher, _ body: String) -> (steps: Int, matches: [PatternMatch]) {
        let document = Toy.document("d", body)
        var cache = TopicMatcher.CandidateCache()
        var steps = 0
        let matches = matcher.matches(in: document, terms: document.terms, cache: &cache, steps: &steps)
        return (steps, matches)
    }

    /// Item 15: the indexes of a long pattern grow with its length (they held every closed-up prefix of it, a
    /// key per word as long as the words before it: 3.5 GB for a pattern of 50,000 words).
    @Test func aLongPatternIsIndexedInLinearSpace() throws {
        let small = try Self.matcher([Self.words(40)]).indexBytes, large = try Self.matcher([Self.words(80)]).indexBytes
        #expect(large <= small * 5 / 2, "index bytes: \(small) for 40 words, \(large) for 80")
    }

    /// Item 15: matching a long pattern where the text holds it costs steps linear in its length (each step
    /// joined every run of the remaining words: cubic).
    @Test func aLongPatternIsMatchedInLinearSteps() throws {
        func run(_ words: Int) throws -> (steps: Int, matches: [PatternMatch]) {
            let pattern = Self.words(words)
            return Self.matchSteps(try Self.matcher([pattern]), "It said " + pattern + " and so on.")
        }
        let small = try run(40), large = try run(80)
        #expect(small.matches.map(\.tokens) == [2..<42] && large.matches.map(\.tokens) == [2..<82])
        #expect(large.steps <= small.steps * 5 / 2, "match steps: \(small.steps) for 40 words, \(large.steps) for 80")
    }

    /// Item 15: a hyphenated word can be matched piece by piece or closed up, which lead to the same place; each
    /// was tried, so a pattern of n hyphenated words took 2^n steps (20 words: 25 s).
    @Test func hyphenatedWordsAreMatchedInLinearSteps() throws {
        func run(_ words: Int) throws -> (steps: Int, matches: [PatternMatch]) {
            let pattern = (0..<words).map { "self\($0)-reliance " }.joined()
            return Self.matchSteps(try Self.matcher([pattern]), "Title. " + pattern + "now.")
        }
        let small = try run(10), large = try run(20)
        #expect(small.matches.map(\.tokens) == [1..<11] && large.matches.map(\.tokens) == [1..<21])
        #expect(large.steps <= small.steps * 5 / 2, "match steps: \(small.steps) for 10 words, \(large.steps) for 20")
    }

    /// Item 15: many patterns that start with the same word are each tried once, without comparing every
    /// candidate with every other.
    @Test func manyPatternsSharingAWordAreGatheredInLinearSteps() throws {
        func run(_ count: Int) throws -> (steps: Int, matches: [PatternMatch]) {
            let patterns = (0..<count).map { "the w\($0)x" }
            return Self.matchSteps(try Self.matcher(patterns), "The w3x and the w7x met.")
        }
        let small = try run(500), large = try run(1_000)
        #expect(small.matches.count == 2 && large.matches.count == 2)
        #expect(large.steps <= small.steps * 5 / 2, "candidate steps: \(small.steps) for 500 patterns, \(large.steps) for 1,000")
    }
}
