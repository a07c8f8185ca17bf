/// ASCII case of UTF-8 bytes: the one place the byte arithmetic is written.
///
/// Two folds. `lowercased` changes the capitals `A`–`Z` and nothing else, for text that is kept: the tokenizer's
/// counting forms (`Tokenizer.term`, `Tokenizer.fold`), the temporal grammar's terms
/// (Sources/ChanceryTime/TemporalGrammar.swift) and the vocabulary's hash and stored terms
/// (Sources/ChanceryAnalytics/Terms/Vocabulary.swift). A byte of a multi-byte scalar (0x80 and above) is never
/// touched, so the folded text stays valid UTF-8. `caseFolded` sets bit 5 of every byte, one OR: a capital becomes
/// its small letter and no other byte becomes a letter, so it serves to compare a byte with a small letter or to
/// test for a letter, never to make text (the tokenizer's scan and `'s`, the trigger index, the grammar's
/// `a.m.`/`p.m.` test, the XML parser's `<?xml` test, `isLetter`).
///
/// `@inlinable` in a `@usableFromInline` enum, so that the callers in other modules get the same few instructions
/// inlined that they wrote out before: without `@usableFromInline` on the enum, Swift 6.3 calls the package
/// functions instead (`chancery terms` on ../shared/corpora ran 5 % more instructions, most of them retains and
/// releases the call forced on Vocabulary's loop). Where a comparison was written with `| 0x20`, `caseFolded`
/// keeps it one OR: `lowercased` there cost `chancery timeline` 0.2 % more instructions (callgrind), most in the
/// trigger index's test of every token.
@usableFromInline
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

    /// `byte` with bit 5 set: equal to a small letter exactly when `byte` is that letter in either case, and in
    /// `a`...`z` exactly when `byte` is an ASCII letter. Other bytes change too (`@` becomes `` ` ``): not for text.
    @inlinable @inline(__always)
    package static func caseFolded(_ byte: UInt8) -> UInt8 {
        byte | 0x20
    }

    /// `caseFolded` of eight bytes at once.
    @inlinable @inline(__always)
    package static func caseFolded(_ word: UInt64) -> UInt64 {
        word | 0x2020_2020_2020_2020
    }

    /// Whether `byte` is an ASCII capital letter (`A`–`Z`).
    @inlinable @inline(__always)
    package static func isUppercase(_ byte: UInt8) -> Bool {
        (byte &- 0x41) < 26
    }

    /// Whether `byte` is an ASCII letter of either case.
    @inlinable @inline(__always)
    package static func isLetter(_ byte: UInt8) -> Bool {
        (caseFolded(byte) &- 0x61) < 26
    }
}
