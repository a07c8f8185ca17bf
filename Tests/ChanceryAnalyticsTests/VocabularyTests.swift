import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

@Suite struct VocabularyTests {
    /// Terms that share their first 8 or 16 bytes, or differ only in length around the sizes the table's slots
    /// hold (8 bytes in the slot, 16 with the second prefix, the rest in the arena), up to lengths past 255.
    static let lookalikes: [String] = {
        var terms = ["administration", "administrations", "administrative", "internat", "internati", "international",
                     "internationalist", "internationalists", "international-cooperation", "international-cooperative",
                     "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
                     "abcdefghijklmnopq", "abcdefghijklmnopr", "ä", "äb", "self-reliance", "self-reliant"]
        for length in [254, 255, 256, 257, 300, 511, 512] {
            terms.append(String(repeating: "x", count: length))
            terms.append(String(repeating: "x", count: length - 1) + "y")
        }
        return terms
    }()

    @Test func idsAreDenseInOrderOfFirstAppearanceAndFindTheirTerms() {
        var vocabulary = Vocabulary()
        for (index, term) in Self.lookalikes.enumerated() {
            #expect(vocabulary.intern(term) == Int32(index), "\(term)")
        }
        #expect(vocabulary.count == Self.lookalikes.count)
        for (index, term) in Self.lookalikes.enumerated() {
            #expect(vocabulary.intern(term) == Int32(index), "\(term) again")
            #expect(vocabulary.id(of: term) == Int32(index))
            #expect(vocabulary.term(Int32(index)) == term)
        }
        #expect(vocabulary.id(of: "internation") == nil)
        #expect(vocabulary.id(of: String(repeating: "x", count: 258)) == nil)
        #expect(vocabulary.count == Self.lookalikes.count)
    }

    /// The table doubles many times over; every term keeps its id.
    @Test func termsKeepTheirIdsAsTheTableGrows() {
        var vocabulary = Vocabulary()
        let terms = (0..<50_000).map { "term\($0)" + String(repeating: "z", count: $0 % 23) }
        for (index, term) in terms.enumerated() { #expect(vocabulary.intern(term) == Int32(index)) }
        for (index, term) in terms.enumerated() where index % 7 == 0 {
            #expect(vocabulary.id(of: term) == Int32(index))
            #expect(vocabulary.term(Int32(index)) == term)
        }
    }

    /// Folding while interning gives the id of the counting form, for ASCII (lower-cased while hashed) and other text.
    @Test func foldingInternsTheCountingForm() {
        var vocabulary = Vocabulary()
        let plain = vocabulary.intern("self-reliance")
        let accented = vocabulary.intern("székesfehérvár")
        let possessive = vocabulary.intern("korea's")
        var scratch: [UInt8] = []
        var text = "SELF-RELIANCE, Székesfehérvár and Korea’s Self-Reliance"
        text.withUTF8 { bytes in
            let ranges = { () -> [Range<Int>] in
                var ranges: [Range<Int>] = []
                Tokenizer.scan(bytes) { range, _ in ranges.append(range) }
                return ranges
            }()
            let ids = ranges.map { vocabulary.intern(folding: bytes, $0, scratch: &scratch) }
            #expect(ids == [plain, accented, vocabulary.id(of: "and")!, possessive, plain])
        }
    }

    /// Interning a text's tokens in one call gives the ids that interning them one by one gives, on every document
    /// at hand, and each id's term is the token's counting form.
    @Test func internsOfWholeTextsEqualInternsOneByOne() throws {
        var folders = [TestData.demoCorpus]
        if TestData.shouldRunSharedTests { folders.append(try TestData.shared("")) }
        var batch = Vocabulary()
        var single = Vocabulary()
        var scratch: [UInt8] = []
        var spans: [Tokenizer.Span] = []
        var ids: [Int32] = []
        var checked = 0
        for folder in folders {
            for document in try Corpus.load(folder.path).documents {
                var body = document.body
                body.withUTF8 { bytes in
                    Tokenizer.scan(bytes, into: &spans)
                    spans.withUnsafeBufferPointer { batch.intern(folding: bytes, $0, into: &ids, scratch: &scratch) }
                    let oneByOne = spans.map { single.intern(folding: bytes, $0.range, scratch: &scratch) }
                    #expect(ids == oneByOne, "\(document.id)")
                    for (span, id) in zip(spans, ids) where batch.term(id) != Tokenizer.term(bytes, span.range) {
                        Issue.record("\(document.id): \(batch.term(id)) for \(Tokenizer.term(bytes, span.range))")
                    }
                    checked += spans.count
                }
            }
        }
        #expect(batch.count == single.count)
        #expect(checked > 3000)
    }
}
