import Foundation
import Testing

@testable import ChanceryCorpus

/// CRLF and lone CR become one LF, by one rule (TextNormalizer.appendUnifyingLineEnds) for text files and XML.
@Suite("Line ends")
struct LineEndTests {
    @Test("a line end before a combining mark is still one line end", arguments: [
        ("a\r\n\u{301}b", "a\n\u{301}b"), ("a\r\u{301}b", "a\n\u{301}b"), ("a\r\n\r\n\u{301}b", "a\n\n\u{301}b"),
        ("a\r\nb\rc\n", "a\nb\nc\n"), ("\r\r\n\n\r", "\n\n\n\n"), ("no line end", "no line end"),
    ])
    func unifiesByBytes(_ text: String, _ expected: String) {
        // Foundation's replacingOccurrences, used before, matched "\r\n" only where no combining mark followed:
        // "a\r\n\u{301}b" became two line ends (a paragraph break) and "a\r\u{301}b" kept its CR.
        #expect(Array(TextNormalizer.unifyLineEnds(text).utf8) == Array(expected.utf8))
    }

    @Test("a text file keeps no CR, even before a combining mark")
    func textFileHasNoCR() throws {
        let bytes = Array("Memorandum\r\u{301}for the record\r\n\r\nFirst paragraph\r\n\u{301}goes on.\r\n".utf8)
        let result = DocumentReader.read(bytes: bytes, name: "memo.txt")
        let document = try #require(result.documents.first)
        #expect(!document.title.unicodeScalars.contains("\r"))
        #expect(!document.body.unicodeScalars.contains("\r"))
    }

    /// Text files and XML character data follow the same rule, byte for byte.
    @Test("text files and XML character data unify line ends alike")
    func sameRuleAsTheXMLParser() throws {
        let pieces = ["\r", "\n", "\r\n", "a", " ", "\u{E9}", "e\u{301}", "\u{301}", "\u{1F600}", "\u{2028}", "\u{85}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<10 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            var parser = XMLPullParser(string: "<a>\(text)</a><!-- end -->")
            var parsed = ""
            while let event = try parser.next() {
                if case .text(let piece) = event { parsed += piece }
            }
            #expect(Array(TextNormalizer.unifyLineEnds(text).utf8) == Array(parsed.utf8), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("attribute values and entity values use the same rule")
    func attributeAndEntityValues() throws {
        var parser = XMLPullParser(string: "<!DOCTYPE a [<!ENTITY e \"1\r\n\u{301}2\r3\">]><a v=\"x\r\n\u{301}y\rz\">&e;</a>")
        #expect(try parser.next() == .startElement(name: "a", attributes: [XMLAttribute(name: "v", value: "x \u{301}y z")]))
        #expect(try parser.next() == .text("1\n\u{301}2\n3"))
    }

    /// A file's lines, made from where each ends, are the lines of its text split at LF.
    @Test(arguments: ["", "\n", "a", "a\n", "a\nb", "\n\nTitle\n\nBody one.\nBody two.\n", "Чжоу\n周恩来\n\n"])
    func linesAreThoseOfTheText(text: String) {
        let lines = DocumentReader.lines(of: text)
        #expect(Array(lines) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }
}
