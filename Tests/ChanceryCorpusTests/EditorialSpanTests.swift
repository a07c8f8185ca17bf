import ChanceryTestSupport
import Testing

@testable import ChanceryCorpus

@Suite struct EditorialSpanTests {
    @Test(arguments: [
        ("Ambassador Hao [Deqing] said", "Deqing", EditorialKind.resolution),
        ("The Premier [Kim Il Sung] and", "Kim Il Sung", .resolution),
        ("he [Stalin] insisted", "Stalin", .resolution),
        ("their [the Soviets] attitude", "the Soviets", .resolution),
        ("On 7 December [1962] I had", "1962", .insertion),
        ("is pressuring [us], but", "us", .insertion),
        ("problems, [but] he is", "but", .insertion),
        ("[He] simply asked", "He", .insertion),
        ("the [North] Korean military", "North", .insertion),
        ("the Cuba issue [trans. note—the Cuban Missile Crisis], the", "trans. note—the Cuban Missile Crisis", .translatorNote),
        ("[Translator's note: the text is damaged]", "Translator's note: the text is damaged", .translatorNote),
        ("they said [...] and then", "...", .elision),
        ("[Here follows discussion of unrelated issues.]", "Here follows discussion of unrelated issues.", .elision),
        ("Ref [less than 1 line not declassified] and", "less than 1 line not declassified", .redaction),
        ("[1 paragraph (6 lines) not declassified]", "1 paragraph (6 lines) not declassified", .redaction),
        ("the [illegible] order", "illegible", .uncertainty),
        ("recieved [sic] the", "sic", .uncertainty),
        ("the Premier [?] said", "?", .uncertainty),
        // Issue 16: told apart by form, not by one example. Redaction notices of every shape FRUS prints.
        ("[2 lines of source text not declassified]", "2 lines of source text not declassified", .redaction),
        ("[1 paragraph (3 lines of source text) not declassified]", "1 paragraph (3 lines of source text) not declassified", .redaction),
        ("met [name not declassified] at", "name not declassified", .redaction),
        ("[text not declassified]", "text not declassified", .redaction),
        // Elisions: only dots, ellipses, dashes or asterisks, or words saying text is left out.
        ("they said [. . .] and", ". . .", .elision),
        ("they said […] and", "…", .elision),
        ("[* * *]", "* * *", .elision),
        ("[omitted]", "omitted", .elision),
        ("[remainder of paragraph omitted]", "remainder of paragraph omitted", .elision),
        ("[Here follow paragraphs 2-14; see Supplement.]", "Here follow paragraphs 2-14; see Supplement.", .elision),
        // Notes: an editor's cross-reference is not the author's words.
        ("my letter of April 17 [Document 21] to you", "Document 21", .translatorNote),
        ("as agreed [see Document 5], the", "see Document 5", .translatorNote),
        // Remarks on the text's state, and a doubtful reading of a word (which is the text's).
        ("the [apparent omission] part", "apparent omission", .uncertainty),
        ("a [1 word illegible] plan", "1 word illegible", .uncertainty),
        ("a [garbled] group", "garbled", .uncertainty),
        ("which was [denied?] by", "denied?", .conjecture),
        ("the [staff?] study", "staff?", .conjecture),
        // Corrections and supplied words stay insertions or resolutions.
        ("Deptel 474 of September 30 [29], 1958", "29", .insertion),
        ("arrangements to be worked [out] at", "out", .insertion),
    ])
    func classifies(_ text: String, _ content: String, _ kind: EditorialKind) throws {
        let span = try #require(EditorialSpanFinder.spans(in: text).first)
        #expect(span.content == content)
        #expect(span.kind == kind)
    }

    /// Which kinds hold the text's words (counted by default) and which speak about the text (issue 16).
    @Test func onlyInsertionsResolutionsAndConjecturesAreText() {
        #expect(EditorialKind.allCases.filter(\.isText) == [.resolution, .insertion, .conjecture])
    }

    /// Every redaction notice in the real corpora is classed a redaction, and no bracket that holds the text's words
    /// ("[8]", "[that]", "[Kim Il Sung]") is left out: the kinds of all brackets of ../shared, counted.
    @Test(needsSharedCorpora) func realBracketsAreClassedByForm() throws {
        var kinds: [EditorialKind: Int] = [:]
        var redactions: [String] = []
        for document in try Corpus.load(try TestData.shared("").path).documents {
            for span in document.editorialSpans {
                kinds[span.kind, default: 0] += 1
                if span.content.contains("declassified") { redactions.append(span.content) }
                if span.content.contains("declassified") || span.content.hasPrefix("Here follow") || span.content == "..." {
                    #expect(!span.kind.isText, "\(document.id): [\(span.content)] is \(span.kind)")
                }
                if ["8", "6", "29", "that", "he", "out", "Kim Il Sung", "aid", "denied?"].contains(span.content) {
                    #expect(span.kind.isText, "\(document.id): [\(span.content)] is \(span.kind)")
                }
            }
        }
        // frus-dev (TEI) 20, its Wilson-format copy 20, the plain FRUS documents 21: all redactions.
        #expect(redactions.count == 61)
        #expect(kinds[.redaction] == 61)
        // [denied?] (TEI and Wilson copy) and [staff?]: readings, counted; "[Document 21]" twice: a note.
        #expect(kinds[.conjecture] == 3)
        #expect(kinds[.translatorNote] == 3)
    }

    @Test func aBracketThatDoesNotCloseInItsParagraphIsText() {
        #expect(EditorialSpanFinder.spans(in: "an open [bracket\n\nthen] more").isEmpty)
        #expect(EditorialSpanFinder.spans(in: "empty [] brackets").isEmpty)
    }
}
