import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

/// The calls of Sources/ChanceryCorpus/ChanceryCorpus.docc/GettingStarted.md, as the article writes them, with
/// plain imports (public API only), and what the article says they print. DocC does not compile an article's
/// code; this test does, so an article that no longer builds or says the wrong thing fails here.
@Suite struct CorpusGettingStartedTests {
    @Test func loadAndTokenize() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        #expect(corpus.documents.count == 14)
        #expect(corpus.problems.isEmpty)

        let document = corpus.documents[0]
        #expect("\(document.id) \(document.format)" == "01_chemulpo-consular-dispatch wilsonExport")
        #expect("\(document.date?.value.iso ?? "undated") \(document.date?.text ?? "")" == "1887-11-14 November 14, 1887")

        let tokenized = TokenizedDocument(document)
        #expect("\(tokenized.sentences.count) sentences, \(tokenized.tokens.count) tokens" == "12 sentences, 288 tokens")
        #expect(Array(tokenized.terms.prefix(8)) == ["since", "my", "report", "no.", "42", "of", "dec", "3"])
        #expect(tokenized.sentenceText(0).hasPrefix("Since my report No. 42 of Dec. 3 of last year, the trade of this port "))
    }

    @Test func readTextThatIsNotInAFile() {
        let text = "Note on a call\nMoscow, October 22, 1962\n\nThe ambassador [of the USSR] called at noon. He left at one.\n"
        let result = DocumentReader.read(bytes: Array(text.utf8), name: "note.txt")
        #expect(result.problems.isEmpty)
        let note = result.documents.first
        #expect(note.map { "\($0.title) \($0.date?.value.iso ?? "undated") \($0.editorialSpans.count)" }
            == "Note on a call 1962-10-22 1")
    }

    @Test func dates() throws {
        let date = try HistoricalDate(year: 1962, month: 10)
        #expect("\(date.iso) \(date.precision) \(date.firstDay.iso) \(date.lastDay.iso)" == "1962-10 month 1962-10-01 1962-10-31")
        let match = DateText.find(in: "Washington, January 11, 1958, 12:48 p.m.")
        #expect(match.map { "\($0.text) \((try? $0.result.get())?.iso ?? "not a date")" } == "January 11, 1958 1958-01-11")
    }
}
