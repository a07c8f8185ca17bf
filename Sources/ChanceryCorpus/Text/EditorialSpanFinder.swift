/// Finds the square-bracketed insertions of editors and translators and says what each does.
///
/// Translations and FRUS editions mark their own words with square brackets:
/// `Hao [Deqing]`, `[1962]`, `[trans. note—...]`, `[...]`,
/// `[less than 1 line not declassified]`, `[illegible]`. A bracket is only an
/// editorial span when it closes in the same paragraph; a stray `[` is text.
///
/// Kinds are told apart by their form, in this order: elision (only dots or
/// dashes, or "omitted", "Here follows ..."), redaction ("... not declassified"),
/// note (a note's opening or a cross-reference such as "[Document 21]"),
/// uncertainty ("[sic]", "[illegible]", "[apparent omission]"), conjecture (a
/// reading ending in "?": "[denied?]"); then a name-like content (capitalized
/// words, not a pronoun or article) that follows a word is a resolution, as is
/// anything that follows a pronoun ("me [Hao Deqing]", "their [the Soviets]");
/// everything else supplies missing words and is an insertion. A name-like
/// bracket that runs straight into another capitalized word ("the [North]
/// Korean military") qualifies that word and is an insertion.
public enum EditorialSpanFinder {
    public static func spans(in body: String) -> [EditorialSpan] {
        var body = body
        return body.withUTF8 { bytes in
            var spans: [EditorialSpan] = []
            var i = 0
            while let open = bytes.firstOffset(of: UInt8(ascii: "["), from: i) {
                guard let close = closingBracket(in: bytes, after: open) else {
                    i = open + 1
                    continue
                }
                let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                let kind = classify(content, before: previousWord(in: bytes, before: open), after: nextWord(in: bytes, after: close + 1))
                spans.append(EditorialSpan(kind: kind, range: open..<(close + 1), content: content))
                i = close + 1
            }
            return spans
        }
    }

    /// The `]` closing the bracket at `open`, unless a paragraph break or another `[` comes first.
    private static func closingBracket(in bytes: UnsafeBufferPointer<UInt8>, after open: Int) -> Int? {
        var j = open + 1
        while j < bytes.count {
            switch bytes[j] {
            case UInt8(ascii: "]"): return j > open + 1 ? j : nil
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "\n") where j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "\n"): return nil
            default: j += 1
            }
        }
        return nil
    }

    static func classify(_ rawContent: String, before: Substring?, after: Substring?) -> EditorialKind {
        let content = rawContent.trimmingWhitespace
        let lower = content.lowercased()
        if isElision(lower) { return .elision }
        if redactionWords.contains(where: { lower.utf8.containsSequence($0.utf8) }) {
            return .redaction
        }
        if noteOpenings.contains(where: { lower.hasPrefix($0) }) || isCrossReference(lower) {
            return .translatorNote
        }
        if uncertaintyMarks.contains(lower) || markWords.contains(where: { lower.utf8.containsSequence($0.utf8) })
            || lower.hasPrefix("apparent") {
            return .uncertainty
        }
        if lower.hasSuffix("?") { return .conjecture }
        if let before, pronouns.contains(before.lowercased()) {
            return .resolution
        }
        if isNameLike(content), before != nil, !(after.map(startsWithCapital) ?? false) {
            return .resolution
        }
        return .insertion
    }

    /// Text left out, by its form: only dots, ellipses, dashes or asterisks ("...", ". . .", "…", "* * *"), or
    /// words saying so ("omitted", "text omitted", "Here follows discussion of ...").
    private static func isElision(_ lower: String) -> Bool {
        if !lower.isEmpty, lower.unicodeScalars.allSatisfy({ elisionScalars.contains($0) }) { return true }
        return lower.hasPrefix("here follow") || lower.hasPrefix("omitted") || lower.hasSuffix("omitted")
    }

    /// An editor's pointer elsewhere: "[Document 21]", "[see Document 5]", "[cf. footnote 2]".
    private static func isCrossReference(_ lower: String) -> Bool {
        if lower.hasPrefix("see ") || lower.hasPrefix("cf. ") || lower.hasPrefix("footnote") { return true }
        for prefix in ["document ", "documents ", "doc. "] where lower.hasPrefix(prefix) {
            return lower.dropFirst(prefix.count).first?.isNumber ?? false
        }
        return false
    }

    /// Capitalized words, perhaps with name particles, not starting with a pronoun or an article.
    private static func isNameLike(_ content: String) -> Bool {
        let words = content.split(whereSeparator: { $0 == " " })
        guard let first = words.first, !capitalizedFunctionWords.contains(String(first)) else { return false }
        if content.contains(where: \.isNumber) { return false }
        return words.allSatisfy { word in
            startsWithCapital(word) || nameParticles.contains(String(word))
        }
    }

    private static func startsWithCapital(_ word: Substring) -> Bool {
        word.first?.isUppercase ?? false
    }

    /// The letters immediately before `index`, across spaces; nil at a paragraph or sentence start.
    private static func previousWord(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Substring? {
        var end = index
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var start = end
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    private static func nextWord(in bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Substring? {
        var start = index
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard start < end else { return nil }
        return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// Letters, digits and any non-ASCII byte (a letter of another script, most likely).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ASCII.isLetter(byte)
    }

    private static let elisionScalars: Set<Unicode.Scalar> = [".", "\u{2026}", "-", "\u{2013}", "\u{2014}", "*", " "]
    private static let redactionWords = ["not declassified", "redacted", "excised", "withheld", "sanitized", "deleted", "not released"]
    private static let noteOpenings = ["trans. note", "trans note", "translator", "tr. note", "editor", "ed. note", "ed.:", "note:", "note—", "note -"]
    private static let uncertaintyMarks: Set<String> = ["sic", "sic!", "?", "unclear", "text missing", "blank"]
    /// Words that make a bracket a remark on the text's state: "[1 word illegible]", "[garbled]", "[apparent omission]".
    private static let markWords = ["illegible", "indecipherable", "garble", "omission"]
    private static let pronouns: Set<String> = [
        "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "we", "us", "our", "ours",
        "i", "me", "my", "mine", "you", "your", "it", "its", "who", "whom", "whose",
    ]
    private static let capitalizedFunctionWords: Set<String> = [
        "The", "A", "An", "He", "She", "We", "They", "It", "I", "You", "This", "That", "These", "Those",
        "But", "And", "Or", "So", "If", "To", "In", "On", "At", "Of", "For",
    ]
    private static let nameParticles: Set<String> = ["de", "da", "di", "del", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "of", "and", "the"]
}

extension Collection where Element == UInt8 {
    /// Whether the bytes contain `needle` as a contiguous run (a plain search: no Foundation, no Unicode rules).
    func containsSequence(_ needle: some Collection<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return true }
            index = self.index(after: found)
        }
        return false
    }
}

extension StringProtocol {
    /// `trimmingWhitespace` as a piece of the text, not a copy.
    public var whitespaceTrimmed: Substring {
        var text = Substring(self)
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           !first.isASCIIWhitespace, !last.isASCIIWhitespace {
            return text
        }
        while let first = text.first, first.isSpace { text.removeFirst() }
        while let last = text.last, last.isSpace { text.removeLast() }
        return text
    }

    /// The text without leading and trailing whitespace and newlines.
    public var trimmingWhitespace: String { String(whitespaceTrimmed) }
}

extension Character {
    /// `isWhitespace`, answered for ASCII without Unicode's property tables (their lookup is most of the cost of
    /// trimming a short string).
    @inline(__always)
    public var isSpace: Bool {
        // "\r\n" is one character, whose ASCII value is that of "\n".
        if let ascii = asciiValue { return ascii.isASCIIWhitespace }
        return isWhitespace
    }
}

extension UInt8 {
    /// The ASCII bytes Unicode calls white space: space, and tab through carriage return.
    var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
