import ChanceryCorpus
import ChanceryTestSupport
import Testing

@testable import ChanceryAnalytics

/// One document held in memory in proportion to its size, with a small factor (issue 14, item 16: a 100 MB
/// document took 1.58 GB, a 1 GB one aborted). Each test bounds the bytes of what one document's analysis
/// holds per byte of its text, from the sizes of the types and the counts and capacities of the arrays, at two
/// sizes (none measures the process's memory).
@Suite struct DocumentMemoryTests {
    /// The demo corpus's bodies, one after another as paragraphs, until the text holds `bytes` bytes or more.
    static func prose(_ bytes: Int) throws -> String {
        let bodies = try Corpus.load(TestData.demoCorpus.path).documents.map(\.body)
        var text = ""
        while text.utf8.count < bytes {
            for body in bodies where text.utf8.count < bytes { text += (text.isEmpty ? "" : "\n\n") + body }
        }
        return text
    }

    static func document(_ bytes: Int) throws -> TokenizedDocument {
        TokenizedDocument(Document(id: "long", file: "long.txt", format: .plainText, title: "Long", date: nil, body: try prose(bytes)))
    }

    /// The bytes of the chunk of tokens the term counter looks up at a time (4,096 tokens, their ids), with room
    /// for the allocator's rounding of capacities.
    /// The chunk of looked-up tokens, plus slack for allocation rounding: an array's capacity is what malloc gave
    /// (glibc rounds a large block up to whole pages), so each of the four scratch arrays may hold up to a page
    /// more than asked; with 1 KB of slack the bound failed once by 917 bytes.
    static let chunkBytes = 4096 * (MemoryLayout<Tokenizer.Span>.stride + MemoryLayout<Int32>.stride) + 4 * 4096

    /// A token was an `Int` range, an `Int` sentence and two flags, 32 bytes: five times the text it stood for.
    @Test func aTokenTakesTwelveBytesAndKeepsItsFields() {
        #expect(MemoryLayout<Token>.stride == 12)
        let last = Token(range: 7..<Int(UInt32.max), sentence: (1 << 30) - 1, isEditorial: true, isNumeric: false)
        #expect(last.range == 7..<Int(UInt32.max) && last.sentence == (1 << 30) - 1 && last.isEditorial && !last.isNumeric)
        var token = Token(range: 0..<3, sentence: 5, isEditorial: false, isNumeric: true)
        token.isEditorial = true
        token.sentence = 6
        token.isNumeric = false
        #expect(token == Token(range: 0..<3, sentence: 6, isEditorial: true, isNumeric: false))
        // Each sentence takes three bytes at the least, so a body of the largest size read has sentences that fit.
        #expect(Token.maximumTextBytes / 3 < 1 << 30 && Token.maximumTextBytes < Int(UInt32.max))
    }

    /// A document's tokens and sentences (capacity included) take at most two and a half bytes per byte of its
    /// text, below and above the size where tokens are counted before they are stored (1 MB); they took 5.5.
    @Test(arguments: [300_000, 2_400_000]) func aDocumentsTokensAndSentencesTakeLittleMoreThanTwiceItsText(bytes: Int) throws {
        let document = try Self.document(bytes)
        let text = document.document.body.utf8.count
        let held = document.tokens.capacity * MemoryLayout<Token>.stride + document.sentences.capacity * MemoryLayout<Range<Int>>.stride
        #expect(document.tokens.count > text / 7)
        #expect(document.tokens.capacity <= document.tokens.count + document.tokens.count / 16 + 64)
        #expect(held * 2 <= text * 5, "\(held) bytes of tokens and sentences for \(text) bytes of text")
    }

    /// What the term counter keeps of a document once counted, at two sizes: at most five bytes a token (its ids
    /// and n-gram joins, kept for the next document below a million tokens) and a chunk of looked-up tokens. It
    /// kept every token's 24-byte span as well.
    @Test func theTermCounterKeepsFiveBytesATokenAtMost() throws {
        for bytes in [600_000, 1_200_000] {
            let document = try Self.document(bytes)
            var counter = TermCounter(options: TermOptions(ngrams: 1...3))
            counter.add(document, row: .words)
            let chunk = Self.chunkBytes
            #expect(counter.scratchBytes <= document.tokens.count * 5 + chunk,
                    "\(counter.scratchBytes) bytes of scratch for \(document.tokens.count) tokens")
        }
    }

    /// Above a million tokens the counter lets the document's scratch go.
    @Test func theTermCounterLetsALargeDocumentsScratchGo() throws {
        let document = try Self.document(7_000_000)
        #expect(document.tokens.count > TermCounter.keptScratchTokens)
        var counter = TermCounter(options: TermOptions(ngrams: 1...2))
        counter.add(document)
        #expect(counter.scratchBytes <= Self.chunkBytes)
        // Every token but those of the brackets the default policy leaves out (the demo texts' "[...]" and notes).
        let filter = counter.options.editorial.filter(document.document)
        #expect(counter.tokens == document.tokens.count { filter.counts($0) })
        #expect(counter.tokens < document.tokens.count)
    }
}
