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
    ])
    func classifies(_ text: String, _ content: String, _ kind: EditorialKind) throws {
        let span = try #require(EditorialSpanFinder.spans(in: text).first)
        #expect(span.content == content)
        #expect(span.kind == kind)
    }

    @Test func aBracketThatDoesNotCloseInItsParagraphIsText() {
        #expect(EditorialSpanFinder.spans(in: "an open [bracket\n\nthen] more").isEmpty)
        #expect(EditorialSpanFinder.spans(in: "empty [] brackets").isEmpty)
    }
}
