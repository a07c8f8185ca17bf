/// ASCII case of UTF-8 bytes: the one place the byte arithmetic is written.
///
/// The tokenizer's counting forms (`Tokenizer.term`, `Tokenizer.fold`), the vocabulary's hash and stored terms
/// (Sources/ChanceryAnalytics/Terms/Vocabulary.swift), the temporal grammar and its trigger index
/// (Sources/ChanceryTime/TemporalGrammar.swift, TriggerIndex.swift), the sentence splitter, the editorial-span
/// finder and the XML parser's `<?xml` test all call these. Only ASCII letters change case here: a byte of a
/// multi-byte scalar (0x80 and above) is never touched, so folding keeps UTF-8 valid.
///
/// `@inlinable`, so that the callers in other modules get the same few instructions inlined that they wrote out
/// before.
package enum ASCII {
    /// `byte` lower-cased when it is an ASCII capital (`A`–`Z`), else as it is: one subtraction and one
    /// comparison, no branch.
    @inlinable @inline(__always)
    package static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0)
    }

    /// Eight bytes at once (little-endian in a word), each ASCII capital lower-cased; every byte must be below 0x80
    /// (the vocabulary checks that first).
    @inlinable @inline(__always)
    package static func lowercased(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F        // high bit set where byte >= 'A'
        let aboveZ = word &+ 0x2525_2525_2525_2525          // high bit set where byte > 'Z'
        let capitals = atLeastA & ~aboveZ & 0x8080_8080_8080_8080
        return word | (capitals >> 2)
    }

    /// Whether `byte` is an ASCII capital letter (`A`–`Z`).
    @inlinable @inline(__always)
    package static func isUppercase(_ byte: UInt8) -> Bool {
        (byte &- 0x41) < 26
    }

    /// Whether `byte` is an ASCII letter of either case.
    @inlinable @inline(__always)
    package static func isLetter(_ byte: UInt8) -> Bool {
        (lowercased(byte) &- 0x61) < 26
    }
}
