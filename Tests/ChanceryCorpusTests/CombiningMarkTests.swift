import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

/// Piles of combining marks (issue 14, item 14): normalizing a letter's marks sorts them by combining class, in
/// time quadratic in their number, and Swift normalizes again at every comparison and hash of a string that is not
/// NFC. Chancery cuts every run of marks at 30 as it reads (UAX #15's Stream-Safe Text Format), so each sort is
/// bounded and the work of every later step grows linearly with the text. The tests bound the longest run of
/// non-starters that reaches the documents, at two sizes.
@Suite struct CombiningMarkTests {
    /// The longest run of non-starters in the text's canonical decomposition: the length of the longest sort.
    static func longestMarkRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            // The four starters or single marks that decompose into two marks count two.
            let marks = [0x0344, 0x0F73, 0x0F75, 0x0F81].contains(scalar.value) ? 2 : scalar.properties.canonicalCombiningClass.rawValue == 0 ? 0 : 1
            run = marks == 0 ? 0 : run + marks
            longest = max(longest, run)
        }
        return longest
    }

    /// U+0301 (class 230) and U+0336 (class 1) alternating: the order every normalization must sort.
    static func marks(_ pairs: Int) -> String {
        "a" + String(repeating: "\u{0301}\u{0336}", count: pairs)
    }

    static func read(_ text: String, name: String = "marks.txt") throws -> Document {
        let result = DocumentReader.read(bytes: Array(text.utf8), name: name)
        #expect(result.problems.isEmpty)
        return try #require(result.documents.first)
    }

    /// The bound: 30 marks, plus the three a precomposed letter before them may decompose into.
    static let bound = 30 + 3

    @Test(arguments: [5_000, 10_000])
    func aBodyOfMarksReachesTheDocumentInRunsOfAtMost30(_ pairs: Int) throws {
        let document = try Self.read("Title\n\n" + Self.marks(pairs) + " word. Another sentence.\n")
        #expect(Self.longestMarkRun(document.body) <= Self.bound)
        // Nothing is lost: every mark is still there (NFC composes the first acute with the "a").
        #expect(document.body.unicodeScalars.count { $0 == "\u{0336}" } == pairs)
        #expect(document.body.unicodeScalars.count { $0 == "\u{0301}" } + 1 == pairs)
        #expect(document.body.hasSuffix(" word. Another sentence."))
    }

    @Test(arguments: [5_000, 10_000])
    func aTitleOfMarksIsCutToo(_ pairs: Int) throws {
        let document = try Self.read(Self.marks(pairs) + "\n\nSome text about aid.\n")
        #expect(Self.longestMarkRun(document.title) <= Self.bound)
        #expect(document.body == "Some text about aid.")
    }

    @Test func teiTextIsCutAsItIsRead() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="marks"><text><body>
            <div type="document" xml:id="d1" n="1"><head>1. \(Self.marks(5_000))</head>
            <p>Text \(Self.marks(5_000)) here.</p></div></body></text></TEI>
            """
        let document = try Self.read(xml, name: "marks.xml")
        #expect(Self.longestMarkRun(document.title) <= Self.bound)
        #expect(Self.longestMarkRun(document.body) <= Self.bound)
    }

    /// A body given to `Document` directly is normalized the same way; Tibetan U+0F73 is a starter that
    /// decomposes into two marks (classes 129 and 130), so its repeats are a run of marks once decomposed.
    @Test func aDocumentMadeInCodeIsCutAsItIsNormalized() {
        for body in [Self.marks(5_000), "\u{0F40}" + String(repeating: "\u{0F73}", count: 5_000)] {
            let document = Document(id: "d", file: "d.txt", format: .plainText, title: "t", date: nil, body: body)
            #expect(Self.longestMarkRun(document.body) <= Self.bound)
        }
    }

    /// Ordinary accented text is left as it is: nothing is inserted where no run passes 30.
    @Test func ordinaryAccentsAreUntouched() throws {
        let text = "Ngô Đình Diệm và Trần Văn Hương; e\u{0301}\u{0323} x\u{0301}\u{0336}\u{0323}"
        #expect(TextNormalizer.streamSafe(text) == text)
        let thirty = "a" + String(repeating: "\u{0301}", count: 30)
        #expect(TextNormalizer.streamSafe(thirty).utf8.elementsEqual(thirty.utf8))
        let cut = TextNormalizer.streamSafe(thirty + "\u{0336}")
        #expect(Array(cut.unicodeScalars.suffix(2)) == ["\u{034F}", "\u{0336}"])
    }

    /// Whitespace runs shown as one space, as a split on whitespace characters does, for ASCII and other text; a
    /// piece that starts inside a grapheme cluster (tokens joined by U+200D inside one cluster) splits as the
    /// substring does. The old split of each substring took time quadratic in the cluster; the copy is linear.
    @Test func collapsedTextIsTheSplitOfTheSubstring() {
        let body = "We  rely\n on\tself-reliance,\r\n as  always. Ngô  Đình\u{00A0} Diệm. \u{0915}" + String(repeating: "\u{093E}\u{200D}", count: 50) + " end"
        let document = Document(id: "d", file: "d.txt", format: .plainText, title: "t", date: nil, body: body)
        let utf8 = Array(document.body.utf8)
        for lower in stride(from: 0, to: utf8.count, by: 1) where utf8[lower] & 0xC0 != 0x80 {
            for upper in [lower, min(utf8.count, lower + 7), min(utf8.count, lower + 40), utf8.count] where upper == utf8.count || utf8[upper] & 0xC0 != 0x80 {
                let expected = document.text(at: lower..<upper).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(document.collapsedText(at: lower..<upper) == expected, "\(lower)..<\(upper)")
            }
        }
    }
}
