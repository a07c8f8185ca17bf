import ChanceryCorpus
import ChanceryTestSupport
import Testing

@testable import ChanceryTime

/// The people named in the sentences of events, in one large document (issue 14, items 13 and 16): each
/// sentence's actors cost steps in that sentence, not in the whole document (a 10 MB document took 182 s).
@Suite struct ActorFinderLinearTests {
    static func steps(_ body: String) -> Int {
        let document = TokenizedDocument(Document(id: "d", file: "d.txt", format: .plainText, title: "d", date: nil, body: body))
        let tagging = TemporalTagger().tag(document)
        let finder = ActorFinder(document)
        var bySentence: [Int: [Range<Int>]] = [:]
        for expression in tagging.expressions { bySentence[expression.sentence, default: []].append(expression.range) }
        var steps = 0
        for (sentence, ranges) in bySentence { _ = finder.actors(inSentence: sentence, excluding: ranges, steps: &steps) }
        return steps
    }

    @Test func manySentencesWithEventsAreLinear() {
        let sentence = "On May 5, 1962, Kim Il Sung met Ambassador Puzanov [Alexander] and read \"Peace and Socialism\" in Pyongyang. "
        let small = Self.steps(String(repeating: sentence, count: 300)), large = Self.steps(String(repeating: sentence, count: 600))
        #expect(large <= small * 5 / 2, "actor steps: \(small) for 300 sentences, \(large) for 600")
    }

    @Test func oneLongSentenceWithManyDatesIsLinear() {
        let clause = "in 1962 \"Peace Talks\" Kim met Pak Chang-ok and Comrade Li Ju-yeon, "
        let small = Self.steps(String(repeating: clause, count: 300) + "."), large = Self.steps(String(repeating: clause, count: 600) + ".")
        #expect(large <= small * 5 / 2, "actor steps: \(small) for 300 clauses, \(large) for 600")
    }
}
