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
        // "No." before a number is the abbreviation for "number", a token of its own (issue 16).
        ("ILD Received No. 1197", ["ild", "received", "no.", "1197"]),
        ("Telegram No.45, nos. 3-4; no. No, none. NO 5", ["telegram", "no.", "45", "nos.", "3-4", "no", "no", "none", "no", "5"]),
        ("the U.S. Government and the U.S.S.R.", ["the", "u.s.", "government", "and", "the", "u.s.s.r."]),
        ("at 8:40 p.m. on 1,197 and 3.5 units", ["at", "8:40", "p.m.", "on", "1,197", "and", "3.5", "units"]),
        ("he's not sure; don't", ["he's", "not", "sure", "don't"]),
        ("Korea’s self‐reliance", ["korea's", "self-reliance"]),
        ("note—the crisis -- again", ["note", "the", "crisis", "again"]),
        ("PRC FMA 106-00645-04, 118-119.", ["prc", "fma", "106-00645-04", "118-119"]),
        ("one C-130B at this", ["one", "c-130b", "at", "this"]),
        // A final s' is a possessive plural's before white space and a word, a closing quote's elsewhere, whatever
        // quotation marks stand before it (issue 16).
        ("'On The Talks', he said", ["on", "the", "talks", "he", "said"]),
        ("the Korean Workers' Party", ["the", "korean", "workers'", "party"]),
        ("‘Conference of Communist and Workers' Parties,’ and the Workers' Party", ["conference", "of", "communist", "and", "workers'", "parties", "and", "the", "workers'", "party"]),
        ("the ‘revisionists’. Then ‘the dogmatists’\n\nNext", ["the", "revisionists", "then", "the", "dogmatists", "next"]),
        ("the Koreans’\nown plans", ["the", "koreans'", "own", "plans"]),
        ("as 'friends'", ["as", "friends"]),
        ("a ‘two-Chinas’ or ‘yes’ to 'friends' and", ["a", "two-chinas", "or", "yes", "to", "friends", "and"]),
        ("the ChiComs' objection, the States’ sacrifice", ["the", "chicoms'", "objection", "the", "states'", "sacrifice"]),
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

    /// The seed cable names the "Korean Workers' Party"; FRUS 1961–63 XXII document 10 (TEI and its Wilson-format
    /// copy) quotes "‘Moscow Conference of Representatives of Communist and Workers' Parties,’": all three are the
    /// possessive `workers'` (the quotation's opening ‘ made the second `workers`). The plain FRUS document d4
    /// cites "telegram no. 2083": `no.`, not the word `no`; and no token `no` anywhere in ../shared is followed by
    /// ". " and a digit.
    @Test(needsSharedCorpora) func possessivePluralsAndNumberAbbreviationsInRealDocuments() throws {
        let seed = try #require(try Corpus.load(try TestData.shared("seed").path).documents.first)
        #expect(TokenizedDocument(seed).terms.filter { $0.hasPrefix("workers") } == ["workers'"])
        let d10s = try Corpus.load(try TestData.shared("frus-dev").path).documents.filter { $0.id.hasSuffix("/d10") }
            + Corpus.load(try TestData.shared("frus-dev-wilsonfmt/d10.txt").path).documents
        #expect(d10s.count == 2)
        for d10 in d10s {
            let tokenized = TokenizedDocument(d10)
            let at = try #require(d10.body.utf8.firstRange(of: "Workers' Parties,’".utf8), "\(d10.id)")
            let offset = d10.body.utf8.distance(from: d10.body.utf8.startIndex, to: at.lowerBound)
            let index = try #require(tokenized.tokens.firstIndex { $0.range.lowerBound == offset })
            #expect(tokenized.term(tokenized.tokens[index]) == "workers'", "\(d10.id)")
            #expect(tokenized.term(tokenized.tokens[index + 1]) == "parties", "\(d10.id)")
        }
        let d4 = try #require(try Corpus.load(try TestData.shared("frus-holdout-plain/d4.txt").path).documents.first)
        let d4Terms = TokenizedDocument(d4).terms
        #expect(zip(d4Terms, zip(d4Terms.dropFirst(), d4Terms.dropFirst(2))).contains { $0 == "telegram" && $1.0 == "no." && $1.1 == "2083" })
        var abbreviations = 0
        for document in try Corpus.load(try TestData.shared("").path).documents {
            let tokenized = TokenizedDocument(document)
            let bytes = Array(document.body.utf8)
            for (token, term) in zip(tokenized.tokens, tokenized.terms) {
                if term == "no." { abbreviations += 1 }
                guard term == "no" else { continue }
                var k = token.range.upperBound
                guard k < bytes.count, bytes[k] == UInt8(ascii: ".") else { continue }
                k += 1
                if k < bytes.count, bytes[k] == UInt8(ascii: " ") { k += 1 }
                #expect(!(k < bytes.count && (0x30...0x39).contains(bytes[k])), "\(document.id): \"no\" at \(token.range)")
            }
        }
        #expect(abbreviations >= 4)
        // One-word quotations before a word in frus-dev: "‘two-Chinas’ or" (d19), "‘yes’ to".
        let frus = try Corpus.load(try TestData.shared("frus-dev").path).documents.map { TokenizedDocument($0).terms }.joined()
        #expect(frus.contains("two-chinas") && !frus.contains("two-chinas'") && !frus.contains("yes'"))
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

    /// Token spans of a string, as the scanner records them.
    static func spans(_ text: String) -> [Tokenizer.Span] {
        var text = text
        return text.withUTF8 { bytes in
            var spans: [Tokenizer.Span] = []
            Tokenizer.scan(bytes, into: &spans)
            return spans
        }
    }

    /// The scanner reads ASCII words eight bytes at a time where eight can be read and byte by byte near the end of
    /// the text: the same text gives the same tokens either way. Random strings of the characters that steer the
    /// rules, each scanned as it is (short: byte by byte) and with spaces after it (word at a time).
    @Test func wordAtATimeAndByteByByteScansAgree() {
        let pieces = ["a", "b", "Z", "s", "S", "0", "7", "-", "'", ".", ",", ":", " ", "\n", "’", "‘", "é", "Ж", "—",
                      "“", "[", "]", "(", "U", "x", "ab", "self", "1,197", "p.m.", "No", "nos", "rs'", "s’ "]
        var random = SplitMix(seed: 0x5EED)
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let padded = Self.spans(text + String(repeating: " ", count: 9))
            #expect(Self.spans(text) == padded, "\(text.debugDescription)")
            // And placed after other text, so that the word-at-a-time reads start at other offsets.
            let shifted = Self.spans("Cable \(text)" + String(repeating: " ", count: 9)).map {
                Tokenizer.Span(range: ($0.range.lowerBound - 6)..<($0.range.upperBound - 6), isNumeric: $0.isNumeric)
            }
            #expect(Array(shifted.dropFirst()) == padded, "\(text.debugDescription)")
        }
    }

    /// `scan(_:into:)` scans in chunks of a few hundred tokens: on whole documents, and on all the demo corpus's
    /// bodies as one text (thousands of tokens, many chunks, whether or not ../shared is at hand), its spans are
    /// the tokens `scan(_:_:)` reports one by one.
    @Test func spansOfWholeDocumentsEqualTheTokensReportedOneByOne() throws {
        var folders = [TestData.demoCorpus]
        if TestData.shouldRunSharedTests { folders.append(try TestData.shared("")) }
        var texts: [(id: String, body: String)] = []
        for folder in folders {
            texts += try Corpus.load(folder.path).documents.map { ($0.id, $0.body) }
        }
        let demo = try Corpus.load(TestData.demoCorpus.path).documents.map(\.body).joined(separator: "\n\n")
        texts.append(("the demo corpus as one text", demo))
        var longest = 0
        for text in texts {
            let spans = Self.spans(text.body)
            #expect(spans.map(\.range) == Tokenizer.tokenRanges(in: text.body), "\(text.id)")
            longest = max(longest, spans.count)
        }
        #expect(longest > 2000)
    }

    /// The String entry points a library user has (`forEachToken(in:_:)`, `tokenRanges(in:)`, `terms(in:)`) give
    /// what `TokenizedDocument` gives for the same text, on every document at hand.
    @Test func stringEntryPointsGiveTheDocumentsTokensAndTerms() throws {
        var folders = [TestData.demoCorpus]
        if TestData.shouldRunSharedTests { folders.append(try TestData.shared("")) }
        var checked = 0
        for folder in folders {
            for document in try Corpus.load(folder.path).documents {
                let tokenized = TokenizedDocument(document)
                var tokens: [(Range<Int>, Bool)] = []
                Tokenizer.forEachToken(in: document.body) { tokens.append(($0, $1)) }
                #expect(tokens.map(\.0) == tokenized.tokens.map(\.range), "\(document.id)")
                #expect(tokens.map(\.1) == tokenized.tokens.map(\.isNumeric), "\(document.id)")
                #expect(Tokenizer.tokenRanges(in: document.body) == tokenized.tokens.map(\.range), "\(document.id)")
                #expect(Tokenizer.terms(in: document.body) == tokenized.terms, "\(document.id)")
                checked += tokens.count
            }
        }
        #expect(checked > 3000)
        #expect(Tokenizer.terms(in: "Korea’s Self‐Reliance, U.S. and 1,197") == ["korea's", "self-reliance", "u.s.", "and", "1,197"])
    }

    /// The byte kernels read only inside the bytes they are given, valid UTF-8 or not (every caller hands them a
    /// String's bytes, but a kernel must not read out of bounds whatever it holds): seeded random byte strings of
    /// word characters, joiners, multi-byte leads and stray continuation bytes. What FuzzTokenizer checked on raw
    /// bytes before the kernels became `package`.
    @Test func kernelsStayInsideInvalidUTF8() {
        let pieces: [[UInt8]] = [[0x41], [0x61], [0x31], [0x20], [0x2D], [0x27], [0x2E], [0x2C], [0x3A], [0x0A],
                                 [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xE2, 0x80, 0x98], [0xE2, 0x80], [0xE2], [0xC3],
                                 [0x80], [0xBF], [0xF0, 0x9F], [0xFF], [0xCC, 0x81], [0x73, 0x27]]
        var random = SplitMix(seed: 0xB17E5)
        var tokens = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 16) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                var previous = 0
                var scratch: [UInt8] = []
                Tokenizer.scan(buffer) { range, _ in
                    #expect(range.lowerBound >= previous && !range.isEmpty && range.upperBound <= buffer.count, "\(bytes)")
                    previous = range.upperBound
                    Tokenizer.fold(buffer, range, into: &scratch)
                    #expect(!scratch.isEmpty, "\(bytes): \(range)")
                    #expect(!Tokenizer.term(buffer, range).isEmpty, "\(bytes): \(range)")
                    tokens += 1
                }
            }
        }
        #expect(tokens > 20_000)
    }

    /// General Punctuation (U+2000–U+206F) is classed without Unicode's property tables: every scalar of the block
    /// gets the class the properties give it.
    @Test func generalPunctuationIsClassedAsItsPropertiesSay() {
        for value in UInt32(0x2000)...0x206F {
            let scalar = Unicode.Scalar(value)!
            let properties = scalar.properties
            let wordCharacter = properties.isAlphabetic || [.nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber,
                                                            .letterNumber, .otherNumber].contains(properties.generalCategory)
            let expected: Tokenizer.Class = switch value {
            case 0x2019: .apostrophe
            case 0x2010, 0x2011: .hyphen
            default: wordCharacter ? .letter : .other
            }
            #expect(Tokenizer.nonASCIIClass(scalar) == expected, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}

/// A small seeded generator (SplitMix64), so random tests are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
