import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

/// The project's seed document: the Wilson Center export of Hao Deqing's cable of 8 December 1962.
@Suite(needsSharedCorpora) struct SeedDocumentTests {
    static func seed() throws -> Document {
        let url = try TestData.shared("seed/000_194599ba3e5187bf.txt")
        let corpus = try Corpus.load(url.path)
        #expect(corpus.skipped.isEmpty)
        return try #require(corpus.documents.first)
    }

    @Test func metadataFieldsAreExact() throws {
        let seed = try Self.seed()
        #expect(seed.format == .wilsonExport)
        #expect(seed.id == "000_194599ba3e5187bf")
        #expect(seed.title == "Cable from Hao Deqing, 'On The Talks between Pak Geum-cheol and Ambassador Hao'")
        #expect(seed.date?.value == (try HistoricalDate(year: 1962, month: 12, day: 8)))
        #expect(seed.date?.value.iso == "1962-12-08")
        #expect(seed.date?.value.precision == .day)
        #expect(seed.date?.text == "December 8, 1962")
        #expect(seed.metadata.originalLanguage == "Chinese")
        #expect(seed.metadata.translator == "Charles Kraus")
        #expect(seed.metadata.archiveReference == "PRC FMA 106-00645-04, 118-119")
        #expect(seed.metadata.sourceURL == "https://wilson-center-digital-archive.dvincitest.com/document/119031")
        #expect(seed.metadata.contentsKind == "Translation - English")
        #expect(seed.metadata.credits?.hasSuffix("MacArthur Foundation") == true)
        #expect(seed.metadata.summary?.hasPrefix("Hao Deqing reports") == true)
        let citation = try #require(seed.metadata.citation)
        #expect(citation.hasPrefix("\"Cable from Hao Deqing"))
        #expect(citation.hasSuffix("Translated by Charles Kraus."))
        #expect(!citation.contains("https://"))
    }

    @Test func routingHeaderAndClosingLinesStayOutOfTheProse() throws {
        let seed = try Self.seed()
        #expect(seed.header.prefix(4) == ["Cable Received by the Central International Liaison Department", "Urgent", "From the Korea Desk", "ILD Received No. 1197"])
        #expect(seed.header.last == "Central International Liaison Department:")
        #expect(seed.closing == ["Hao Deqing", "8 December 1962"])
        #expect(!seed.body.contains("ILD Received"))
        #expect(seed.body.hasPrefix("On 7 December [1962]"))
        #expect(seed.paragraphs.count == 5)
        #expect(seed.paragraphCount == 5)
        #expect(!seed.body.contains("[...]"))
    }

    @Test func editorialSpansAreFoundWithTheirKinds() throws {
        let seed = try Self.seed()
        func kind(of content: String) -> [EditorialKind] {
            seed.editorialSpans.filter { $0.content == content }.map(\.kind)
        }
        #expect(kind(of: "1962") == [.insertion])
        #expect(kind(of: "Kim Il Sung") == [.resolution, .resolution])
        #expect(kind(of: "Hao Deqing") == [.resolution])
        #expect(kind(of: "us") == [.insertion])
        #expect(kind(of: "but") == [.insertion, .insertion])
        #expect(kind(of: "aid") == [.insertion])
        #expect(kind(of: "trans. note—the Cuban Missile Crisis") == [.translatorNote])
        #expect(kind(of: "the Soviets") == [.resolution])
        // "[Deqing]" stands in the cable's own heading line, which is header, not prose.
        let heading = try #require(seed.header.first { $0.contains("[Deqing]") })
        #expect(EditorialSpanFinder.spans(in: heading).map(\.kind) == [.resolution])
        // Every span's range is its bracketed text in the body.
        for span in seed.editorialSpans {
            #expect(seed.text(at: span.range) == "[\(span.content)]")
        }
        #expect(seed.editorialSpans.count == 25)
        #expect(seed.redactionCount == 0)
    }

    @Test func selfRelianceIsOneTokenAndTheEditorialOneIsMarked() throws {
        let tokenized = TokenizedDocument(try Self.seed())
        let matches = tokenized.tokens.filter { tokenized.term($0) == "self-reliance" }
        #expect(matches.count == 2)
        #expect(matches.map { String(tokenized.surface($0)) } == ["Self-reliance", "self-reliance"])
        #expect(matches.map(\.isEditorial) == [false, true])
        #expect(tokenized.tokens.contains { tokenized.term($0) == "geum-cheol" })
        #expect(tokenized.tokens.contains { tokenized.term($0) == "workers'" })
        #expect(!tokenized.tokens.contains { tokenized.term($0) == "self" })
    }
}
