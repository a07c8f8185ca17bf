import Testing

@testable import ChanceryCorpus

/// The one ASCII case helper (Sources/ChanceryCorpus/Text/ASCII.swift) on every byte value: what Unicode says of
/// ASCII letters, nothing else touched, and the same answers as the forms written out before it
/// (`byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0)`, `(byte | 0x20)` in `a`...`z`, `0x41...0x5A`).
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
            for letter in "xmlidapsXMLIDAPS".utf8 where letter >= 0x61 {
                #expect((ASCII.lowercased(byte) == letter) == (byte | 0x20 == letter), "\(value) against \(letter)")
            }
        }
    }

    /// Eight bytes at once lower-case as eight bytes one by one, for words of ASCII bytes (the vocabulary's keys).
    @Test func wordsLowerCaseAsTheirBytes() {
        var random = SplitMix(seed: 0xA5C11)
        var words: [UInt64] = [0, 0x4040_4141_5A5A_5B5B, 0x6060_6161_7A7A_7B7B, 0x7F7F_7F7F_7F7F_7F7F]
        for _ in 0..<100_000 { words.append(random.next() & 0x7F7F_7F7F_7F7F_7F7F) }
        for word in words {
            var expected: UInt64 = 0
            for k in 0..<8 { expected |= UInt64(ASCII.lowercased(UInt8(truncatingIfNeeded: word >> UInt64(8 * k)))) << UInt64(8 * k) }
            #expect(ASCII.lowercased(word) == expected, "\(String(word, radix: 16))")
        }
    }
}
