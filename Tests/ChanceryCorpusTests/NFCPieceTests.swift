import Foundation
import Testing

@testable import ChanceryCorpus

/// A long text is normalized to NFC in pieces cut before ASCII characters (Foundation's normalizer held a
/// UTF-16 copy of a whole 100 MB body): the pieces give the text normalized whole.
@Suite struct NFCPieceTests {
    /// Decomposed letters, Hangul jamo that compose, Cyrillic and CJK that do not, runs of marks, and long
    /// stretches without ASCII, repeated past several pieces.
    static func mixed(_ bytes: Int) -> String {
        let parts = [
            "Cafe\u{301} au lait, ", "\u{1100}\u{1161}\u{11A8} ", "Советский Союз. ", "周恩来", "\u{1112}\u{1161}\u{11AB}",
            "a" + String(repeating: "\u{301}\u{316}", count: 40) + " ", "Zhou\n\n", "e", "\u{301}", String(repeating: "한국", count: 700),
            "o\u{308}\u{304}", "\r\n", "Å", "A\u{30A}",
        ]
        var text = ""
        var k = 0
        while text.utf8.count < bytes {
            text += parts[k % parts.count]
            k += 1
        }
        return text
    }

    @Test(arguments: [100_000, TextNormalizer.nfcPieceBytes * 3 + 12_345]) func piecesGiveTheTextNormalizedWhole(bytes: Int) {
        let text = Self.mixed(bytes)
        let whole = TextNormalizer.streamSafe(text).precomposedStringWithCanonicalMapping
        let normalized = TextNormalizer.nfc(text)
        #expect(Array(normalized.utf8) == Array(whole.utf8))
    }
}
