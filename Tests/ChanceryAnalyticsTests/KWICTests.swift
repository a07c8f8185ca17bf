import ChanceryCorpus
import ChanceryTestSupport
import Testing

@testable import ChanceryAnalytics

@Suite struct KWICTests {
    static func lines(_ body: String, _ pattern: String, _ options: KWICOptions = KWICOptions()) throws -> [KWICLine] {
        let document = Toy.document("k", body)
        let lexicon = Lexicon(topics: [.init(name: pattern, patterns: [try LexiconPattern(pattern)])], source: "test")
        let matches = TopicMatcher(lexicon: lexicon).matches(in: document)
        return KeywordInContext.lines(matches, in: document, options: options) { _ in pattern }
    }

    @Test func contextIsTheOriginalTextCutAtTheSentence() throws {
        let lines = try Self.lines("First sentence here. We rely on self-reliance, as always. Next one.", "self-reliance", KWICOptions(window: 3))
        #expect(lines.count == 1)
        #expect(lines[0].left == "We rely on")
        #expect(lines[0].match == "self-reliance")
        #expect(lines[0].right == ", as always.")
        #expect(lines[0].sentenceIndex == 1)
    }

    @Test func contextMayRunAcrossSentencesWhenAsked() throws {
        let lines = try Self.lines("It was agreed. Aid came. Then trade.", "aid", KWICOptions(window: 2, cutAtSentence: false))
        #expect(lines[0].left == "was agreed.")
        #expect(lines[0].right == "came. Then")
    }

    @Test func phrasesAcrossLineBreaksShowOnOneLine() throws {
        let lines = try Self.lines("receive gratis\n  assistance only", "gratis assistance")
        #expect(lines.map(\.match) == ["gratis assistance"])
    }

    @Test(needsSharedCorpora) func seedSelfRelianceLines() throws {
        let corpus = try Corpus.load(try TestData.shared("seed").path)
        let document = try #require(corpus.tokenizedDocuments().first)
        let lexicon = Lexicon(topics: [.init(name: "self-reliance", patterns: [try LexiconPattern("self-reliance")])], source: "test")
        let lines = KeywordInContext.lines(TopicMatcher(lexicon: lexicon).matches(in: document), in: document, options: KWICOptions(window: 4)) { _ in "self-reliance" }
        #expect(lines.count == 2)
        // The first opens its sentence; the second stands inside the editor's bracket after "opposing".
        #expect(lines[0].left == "")
        #expect(lines[0].match == "Self-reliance")
        #expect(lines[0].right.hasPrefix("is very important"))
        #expect(lines[1].left.hasSuffix("opposing ["))
        #expect(lines[1].match == "self-reliance")
        #expect(lines[1].right.hasPrefix("],"))
        #expect(lines[0].sentenceIndex + 1 == lines[1].sentenceIndex)
        #expect(lines.allSatisfy { $0.date?.iso == "1962-12-08" })
    }
}
