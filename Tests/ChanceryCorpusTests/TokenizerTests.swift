import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

@Suite struct TokenizerTests {
    static func terms(_ text: String) -> [String] {
        let document = Document(id: "t", file: "t", format: .plainText, title: "t", date: nil, body: text)
        return TokenizedDocument(document).terms
    }

    @Test(arguments: [
        ("Self-reliance is very important.", ["self-reliance", "is", "very", "important"]),
        ("Pak Geum-cheol of the Korean Workers' Party", ["pak", "geum-cheol", "of", "the", "korean", "workers'", "party"]),
        ("Vice Premier Ri Ju-yeon", ["vice", "premier", "ri", "ju-yeon"]),
        ("ILD Received No. 1197", ["ild", "received", "no", "1197"]),
        ("the U.S. Government and the U.S.S.R.", ["the", "u.s.", "government", "and", "the", "u.s.s.r."]),
        ("at 8:40 p.m. on 1,197 and 3.5 units", ["at", "8:40", "p.m.", "on", "1,197", "and", "3.5", "units"]),
        ("he's not sure; don't", ["he's", "not", "sure", "don't"]),
        ("Korea’s self‐reliance", ["korea's", "self-reliance"]),
        ("note—the crisis -- again", ["note", "the", "crisis", "again"]),
        ("PRC FMA 106-00645-04, 118-119.", ["prc", "fma", "106-00645-04", "118-119"]),
        ("one C-130B at this", ["one", "c-130b", "at", "this"]),
        ("'On The Talks' ended", ["on", "the", "talks", "ended"]),
        ("[He] simply [Kim Il Sung]", ["he", "simply", "kim", "il", "sung"]),
        ("Ferenc Halász in Székesfehérvár", ["ferenc", "halász", "in", "székesfehérvár"]),
        ("Товарищ Ким Ир Сен", ["товарищ", "ким", "ир", "сен"]),
        ("毛泽东 and 周恩来", ["毛泽东", "and", "周恩来"]),
        ("self-", ["self"]),
        ("", []),
    ])
    func tokenizes(_ text: String, _ expected: [String]) {
        #expect(Self.terms(text) == expected)
    }

    @Test func editorialTokensAreMarkedAndNumbersFlagged() {
        let document = Document(id: "t", file: "t", format: .plainText, title: "t", date: nil,
                                body: "They promised free [aid] in 1962.")
        let tokenized = TokenizedDocument(document)
        #expect(tokenized.tokens.map(\.isEditorial) == [false, false, false, true, false, false])
        #expect(tokenized.tokens.map(\.isNumeric) == [false, false, false, false, false, true])
    }

    @Test func decomposedAccentsAreComposedBeforeTokenizing() {
        let decomposed = "Hala\u{0301}sz"
        let document = Document(id: "t", file: "t", format: .plainText, title: "t", date: nil, body: decomposed)
        #expect(document.body.unicodeScalars.count == 6)
        #expect(TokenizedDocument(document).terms == ["halász"])
        #expect(TextNormalizer.isTriviallyNFC("“Quote”—dash"))
        #expect(!TextNormalizer.isTriviallyNFC(decomposed))
    }

    /// Tokenization is non-destructive on every document at hand: each range is its surface text.
    @Test func everyTokenMapsBackToItsSurfaceText() throws {
        var folders = [TestData.demoCorpus, TestData.fixtures.appendingPathComponent("bad-input")]
        if TestData.shouldRunSharedTests { folders.append(try TestData.shared("")) }
        var checked = 0
        for folder in folders {
            for document in try Corpus.load(folder.path).documents {
                let tokenized = TokenizedDocument(document)
                let terms = tokenized.terms
                var previousEnd = 0
                for (token, term) in zip(tokenized.tokens, terms) {
                    let surface = tokenized.surface(token)
                    #expect(token.range.lowerBound >= previousEnd)
                    previousEnd = token.range.upperBound
                    #expect(!surface.isEmpty && !surface.contains(where: \.isWhitespace), "\(document.id): \(surface)")
                    let plain = surface.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‐", with: "-")
                    #expect(term == plain, "\(document.id): \(term) vs \(surface)")
                    #expect(tokenized.sentences[token.sentence].contains(token.range.lowerBound))
                    checked += 1
                }
            }
        }
        #expect(checked > 3000)
    }
}
