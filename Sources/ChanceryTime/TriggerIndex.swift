import ChanceryCorpus

/// Decides, in a few instructions per token, whether a token may start or anchor a temporal expression.
///
/// Most tokens are not temporal. Instead of a regular expression at every
/// position, the tagger asks this index about each token: a table indexed by
/// the first three letters holds a bit per token length for which some trigger
/// word exists, so almost every token is dismissed by one load and a shift.
/// Only the survivors are lower-cased and looked up.
struct TriggerIndex: Sendable {
    /// `masks[slot of the first three bytes]`: bit n set when a trigger word of n bytes starts with those
    /// letters (a byte that is not an ASCII letter, or the end of a two-byte word, counts as a 27th letter).
    /// Three letters, not two: "the", "they", "this" share their first two with "thu", "third", "thirty".
    private var masks = [UInt32](repeating: 0, count: 27 * 27 * 27)
    private(set) var words: [String: TemporalLexicon.Word] = [:]
    private(set) var eventStarts: Set<String> = []
    /// Every trigger word: its lexicon meaning, and whether a named event's alias starts with it.
    private(set) var entries: [String: (word: TemporalLexicon.Word?, startsEvent: Bool)] = [:]

    init(gazetteer: EventGazetteer) {
        words = TemporalLexicon.words
        eventStarts = gazetteer.firstWords
        for word in words.keys { mark(word) }
        for word in eventStarts { mark(word) }
        for (text, word) in words { entries[text] = (word, false) }
        for text in eventStarts { entries[text] = (words[text], true) }
    }

    @inline(__always)
    private static func letter(_ byte: UInt8) -> Int {
        let lower = ASCII.caseFolded(byte)
        return lower >= 0x61 && lower <= 0x7A ? Int(lower - 0x61) : 26
    }

    @inline(__always)
    private static func slot(_ a: UInt8, _ b: UInt8, _ c: Int) -> Int {
        (letter(a) * 27 + letter(b)) * 27 + c
    }

    private mutating func mark(_ word: String) {
        let bytes = Array(word.utf8)
        guard bytes.count >= 2, bytes.count < 32 else { return }
        masks[Self.slot(bytes[0], bytes[1], bytes.count > 2 ? Self.letter(bytes[2]) : 26)] |= 1 << UInt32(bytes.count)
    }

    /// Cheap test on the raw bytes: false means the token is certainly no trigger word.
    @inline(__always)
    func mayTrigger(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let length = range.count
        guard length >= 2, length < 32 else { return false }
        let start = range.lowerBound
        let mask = masks[Self.slot(bytes[start], bytes[start + 1], length > 2 ? Self.letter(bytes[start + 2]) : 26)]
        return mask & (1 << UInt32(length)) != 0 || length >= 8 && Self.isMid(bytes, range.lowerBound)
    }

    /// "mid-1962", "mid-December": the prefix, any case.
    @inline(__always)
    static func isMid(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        ASCII.caseFolded(bytes[start]) == UInt8(ascii: "m") && ASCII.caseFolded(bytes[start + 1]) == UInt8(ascii: "i")
            && ASCII.caseFolded(bytes[start + 2]) == UInt8(ascii: "d") && bytes[start + 3] == UInt8(ascii: "-")
    }
}
