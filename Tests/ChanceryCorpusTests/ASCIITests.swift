import Testing

@testable import ChanceryCorpus

/// The one ASCII case helper (Sources/ChanceryCorpus/Text/ASCII.swift) on every byte value: what Unicode says of
/// ASCII letters, nothing else touched by `lowercased`, and the same answers as the forms written out before it
/// (`(byte | 0x20)` in `a`...`z`, `0x41...0x5A`).
@Suite struct ASCIITests {
    @Test func everyByteValue() {
        for value in 0...255 {
            let byte = UInt8(value)
            let isASCIICapital = byte < 0x80 && Unicode.Scalar(byte).properties.isUppercase && Character(Unicode.Scalar(byte)).isLetter
            let isASCIILetter = byte < 0x80 && Character(Unicode.Scalar(byte)).isLetter
            let expected = isASCIICapital ? UInt8(ascii: Unicode.Scalar(String(Unicode.Scalar(byte)).lowercased())!) : byte
            #expect(ASCII.lowercased(byte) == expected, "\(value)")
            #expect(ASCII.isUppercase(byte) == isASCIICapital, "\(value)")
            #expect(ASCII.isLetter(byte) == isASCIILetter, "\(value)")
            // The forms the helper replaced.
            #expect(ASCII.isUppercase(byte) == (0x41...0x5A).contains(byte))
            #expect(ASCII.isLetter(byte) == ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A))
            // caseFolded: equal to a small letter exactly when the byte is that letter in either case, and a letter
            // exactly when the byte is one (what its callers compare and test).
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                #expect((ASCII.caseFolded(byte) == letter) == (ASCII.lowercased(byte) == letter), "\(value) against \(letter)")
            }
            #expect((0x61...0x7A).contains(ASCII.caseFolded(byte)) == isASCIILetter, "\(value)")
        }
    }

    /// Eight bytes at once fold as eight bytes one by one, for words of ASCII bytes (the vocabulary's keys).
    @Test func wordsLowerCaseAsTheirBytes() {
        var random = SplitMix(seed: 0xA5C11)
        var words: [UInt64] = [0, 0x4040_4141_5A5A_5B5B, 0x6060_6161_7A7A_7B7B, 0x7F7F_7F7F_7F7F_7F7F]
        for _ in 0..<100_000 { words.append(random.next() & 0x7F7F_7F7F_7F7F_7F7F) }
        for word in words {
            var lowered: UInt64 = 0
            var folded: UInt64 = 0
            for k in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> UInt64(8 * k))
                lowered |= UInt64(ASCII.lowercased(byte)) << UInt64(8 * k)
                folded |= UInt64(ASCII.caseFolded(byte)) << UInt64(8 * k)
            }
            #expect(ASCII.lowercased(word) == lowered, "\(String(word, radix: 16))")
            #expect(ASCII.caseFolded(word) == folded, "\(String(word, radix: 16))")
        }
    }
}
