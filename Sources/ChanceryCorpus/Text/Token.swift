/// One word of a document body.
///
/// Stored in 12 bytes (32-bit offsets, the sentence and both flags in one 32-bit word): a document holds one
/// token per five or six bytes of text, so at the 32 bytes of an `Int` range, an `Int` and two flags its tokens
/// took five times the memory of the text itself. Offsets fit because no body over 3 GB is read
/// (`maximumTextBytes`), and so do sentences in 30 bits (a sentence takes three bytes at the least: a
/// character, a stop and a space or line break).
public struct Token: Hashable, Sendable {
    /// The largest body whose tokens fit: 32-bit offsets, and at most a billion sentences in 30 bits.
    public static let maximumTextBytes = 3_000_000_000

    private var start: UInt32
    private var end: UInt32
    /// The sentence in the low 30 bits, `isEditorial` in bit 30, `isNumeric` in bit 31.
    private var sentenceAndFlags: UInt32

    private static let editorialBit: UInt32 = 1 << 30
    private static let numericBit: UInt32 = 1 << 31
    private static let sentenceMask: UInt32 = (1 << 30) - 1

    /// UTF-8 offsets of the surface form in the body.
    public var range: Range<Int> {
        get { Int(start)..<Int(end) }
        set {
            start = UInt32(newValue.lowerBound)
            end = UInt32(newValue.upperBound)
        }
    }

    /// Index of the sentence the token belongs to.
    public var sentence: Int {
        get { Int(sentenceAndFlags & Self.sentenceMask) }
        set {
            precondition(newValue >= 0 && newValue <= Int(Self.sentenceMask), "a token's sentence index must fit in 30 bits")
            sentenceAndFlags = sentenceAndFlags & ~Self.sentenceMask | UInt32(newValue)
        }
    }

    /// True when the token lies inside an editorial bracket ("[aid]", "[Kim Il Sung]").
    public var isEditorial: Bool {
        get { sentenceAndFlags & Self.editorialBit != 0 }
        set { sentenceAndFlags = newValue ? sentenceAndFlags | Self.editorialBit : sentenceAndFlags & ~Self.editorialBit }
    }

    /// True when the token has no letters ("1962", "1,197", "106-00645-04").
    public var isNumeric: Bool {
        get { sentenceAndFlags & Self.numericBit != 0 }
        set { sentenceAndFlags = newValue ? sentenceAndFlags | Self.numericBit : sentenceAndFlags & ~Self.numericBit }
    }

    /// Offsets must fit in 32 bits and the sentence in 30 (they do in every body of at most `maximumTextBytes`).
    public init(range: Range<Int>, sentence: Int, isEditorial: Bool, isNumeric: Bool) {
        precondition(range.upperBound <= UInt32.max, "a token's offsets must fit in 32 bits (bodies of at most 3 GB)")
        start = UInt32(truncatingIfNeeded: range.lowerBound)
        end = UInt32(truncatingIfNeeded: range.upperBound)
        sentenceAndFlags = 0
        self.sentence = sentence
        self.isEditorial = isEditorial
        self.isNumeric = isNumeric
    }
}
