import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// A KWIC line shows the space beside its keyword where the text had one and none where it had none, in every
/// output: `kwic.csv` and the workbook's KWIC sheet (`left + match + right`), the document's page and the terminal
/// (issue 16: `It spoke of **trade**"on the basis` lost the space before the quote, guessed from the characters).
@Suite struct KWICSpacingTests {
    static func lines(_ document: TokenizedDocument, _ patterns: [String]) throws -> [KWICLine] {
        let lexicon = Lexicon(topics: [.init(name: "t", patterns: try patterns.map { try LexiconPattern($0) })], source: "test")
        return KeywordInContext.lines(TopicMatcher(lexicon: lexicon).matches(in: document), in: document) { _ in "t" }
    }

    /// The text of the table's `left`, `match` and `right` cells, joined.
    static func cellTexts(_ lines: [KWICLine]) throws -> [String] {
        let table = AnalysisTables.kwic(lines)
        let columns = try ["left", "match", "right"].map { try #require(table.columnIndex($0)) }
        return try table.allRows().map { row in
            columns.map { column in
                if case let .text(text) = row[column] { return text }
                return ""
            }.joined()
        }
    }

    /// The page's line without its markup: the bold marks, backslash escapes and character references.
    static func unmarked(_ markdown: String) -> String {
        var out = ""
        var escaped = false
        for character in markdown.replacingOccurrences(of: "**", with: "") {
            if escaped || character != "\\" {
                out.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return out.replacingOccurrences(of: "&#32;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theGapIsAsWritten() throws {
        let body = "It spoke of trade \"on the basis of equality.\" Then trade\"on paper. We rely on [self-reliance], ( aid ) too."
        let document = TokenizedDocument(Document(id: "gaps", file: "gaps.txt", format: .plainText, title: "gaps", date: nil, body: body))
        let lines = try Self.lines(document, ["trade", "self-reliance", "aid"])
        let expected = [
            "It spoke of trade \"on the basis of equality.\"", "Then trade\"on paper.", "We rely on [self-reliance], ( aid ) too.",
            "We rely on [self-reliance], ( aid ) too.",
        ]
        #expect(lines.map(\.text) == expected)
        #expect(lines.map(\.gapBefore) == [true, true, false, true])
        #expect(lines.map(\.gapAfter) == [true, false, false, true])
        #expect(try Self.cellTexts(lines) == expected)
        #expect(lines.map { Self.unmarked(DocumentMarkdown.kwicLine($0)) } == expected)
        #expect(DocumentMarkdown.kwicLine(lines[0]) == "It spoke of **trade** \"on the basis of equality.\"")
        #expect(DocumentMarkdown.kwicLine(lines[1]) == "Then **trade**\"on paper.")
        #expect(DocumentMarkdown.kwicLine(lines[2]) == "We rely on \\[**self-reliance**\\], ( aid ) too.")
    }

    /// Every KWIC hit of the report's lexicon (Corpora/lexicons/cold-war-cables.yml) and of the words `the` and
    /// `of` in the real documents, as the table's cells and the page show it, is a piece of the document's text
    /// with its whitespace collapsed: of its sentence and the next, as the context stops at the sentence's edge
    /// (a phrase may run into the next).
    @Test(needsSharedCorpora) func everyRealLineIsAPieceOfItsText() throws {
        let url = TestData.packageRoot.appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")
        var lexicon = try Lexicon(yaml: try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
        lexicon.topics.append(.init(name: "common", patterns: [try LexiconPattern("the"), try LexiconPattern("of")]))
        let matcher = TopicMatcher(lexicon: lexicon)
        var checked = 0
        var wrong: [String] = []
        for folder in ["seed", "frus-dev", "frus-holdout-plain"] {
            for document in try Corpus.load(try TestData.shared(folder).path).tokenizedDocuments() {
                let lines = KeywordInContext.lines(matcher.matches(in: document), in: document) { _ in "t" }
                let cells = try Self.cellTexts(lines)
                for (line, cell) in zip(lines, cells) {
                    checked += 1
                    let sentences = document.sentences
                    let next = min(line.sentenceIndex + 1, sentences.count - 1)
                    let text = document.document.collapsedText(at: sentences[line.sentenceIndex].lowerBound..<sentences[next].upperBound)
                    for (output, shown) in [("line", line.text), ("cells", cell), ("page", Self.unmarked(DocumentMarkdown.kwicLine(line)))]
                    where !text.contains(shown) {
                        wrong.append("\(document.document.id) at \(line.offset) (\(output)): \(shown)")
                    }
                }
            }
        }
        // Some 10,000 lines: hits of the default lexicon and of "the" and "of" (none inside notes or elisions).
        #expect(checked > 9_000)
        #expect(wrong.isEmpty, "\(wrong.count) lines not in their text, the first: \(wrong.prefix(5))")
    }
}
