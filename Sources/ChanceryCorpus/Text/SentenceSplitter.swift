/// Splits a body into sentences, surviving the abbreviations and brackets of diplomatic prose.
///
/// A sentence ends at `.`, `!` or `?` (after any closing quotes, brackets or
/// parentheses) when whitespace and a sentence opener follow: a capital
/// letter, an opening quote, bracket or parenthesis, or a digit. It does not end:
/// - after a title or other abbreviation (`Mr.`, `Dr.`, `Gen.`, `No.`, `Dec.`, `pp.`);
/// - after a single capital initial (`John S. Eisenhower`);
/// - after an initialism (`U.S.`, `a.m.`) unless a typical sentence opener follows
///   (`the U.S. Government` goes on, `in the U.S. The talks` ends);
/// - inside brackets or parentheses that close in the same paragraph, unless the
///   closing mark directly follows the stop (`(... to Prague.)`).
/// A paragraph break always ends a sentence.
public enum SentenceSplitter {
    /// UTF-8 offset ranges of the sentences of `text`, trimmed of surrounding whitespace.
    public static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentences(in: $0) }
    }

    /// `sentences(in:)` of a text's UTF-8 bytes (TokenizedDocument holds its body's).
    static func sentences(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var paragraphStart = 0
        let n = bytes.count
        var i = 0
        while true {
            // The next line break followed by another, or the end: a paragraph ends there.
            guard let newline = bytes.firstOffset(of: 0x0A, from: i) else {
                split(bytes, paragraphStart..<n, into: &result)
                break
            }
            guard newline + 1 < n, bytes[newline + 1] == 0x0A else {
                i = newline + 1
                continue
            }
            split(bytes, paragraphStart..<newline, into: &result)
            i = newline
            while i < n, bytes[i] == 0x0A { i += 1 }
            paragraphStart = i
        }
        return result
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, into result: inout [Range<Int>]) {
        var depth = 0
        var start = paragraph.lowerBound
        var i = paragraph.lowerBound
        let interesting = Self.interestingBytes
        while i < paragraph.upperBound {
            // Most bytes are neither stops nor brackets: skip them in a tight loop.
            while i < paragraph.upperBound, !interesting[Int(bytes[i])] { i += 1 }
            guard i < paragraph.upperBound else { break }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                if closes(bytes, open: i, limit: paragraph.upperBound) { depth += 1 }
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                if depth > 0 { depth -= 1 }
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                // Run of stops ("?!", "...") then closers.
                var end = i + 1
                while end < paragraph.upperBound, [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[end]) { end += 1 }
                var closedHere = 0
                while end < paragraph.upperBound, let width = closerWidth(bytes, end, paragraph.upperBound) {
                    if bytes[end] == UInt8(ascii: ")") || bytes[end] == UInt8(ascii: "]") { closedHere += 1 }
                    end += width
                }
                if depth - closedHere <= 0,
                   end < paragraph.upperBound, isSpace(bytes[end]),
                   endsSentence(bytes, stop: i, after: end, limit: paragraph.upperBound) {
                    append(bytes, start..<end, into: &result)
                    depth = 0
                    start = end
                }
                i = end
                continue
            default:
                break
            }
            i += 1
        }
        append(bytes, start..<paragraph.upperBound, into: &result)
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { result.append(lower..<upper) }
    }

    /// Whether the `(` or `[` at `open` is closed within the paragraph (nesting counted): an unclosed one must not swallow the rest.
    private static func closes(_ bytes: UnsafeBufferPointer<UInt8>, open: Int, limit: Int) -> Bool {
        let opener = bytes[open]
        let closer = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        var nesting = 0
        var i = open + 1
        while i < limit {
            let byte = bytes[i]
            if byte == opener {
                nesting += 1
            } else if byte == closer {
                if nesting == 0 { return true }
                nesting -= 1
            }
            i += 1
        }
        return false
    }

    /// Byte width of a closing quote or bracket at `i`: `"`, `'`, `)`, `]`, `”`, `’`.
    private static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Int? {
        switch bytes[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): return 1
        case 0xE2 where i + 2 < limit && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99): return 3
        default: return nil
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, stop: Int, after end: Int, limit: Int) -> Bool {
        var next = end
        while next < limit, isSpace(bytes[next]) { next += 1 }
        guard next < limit else { return true }
        let opener = bytes[next]
        let nextWord = word(bytes, from: next, limit: limit)
        let isCapital = ASCII.isUppercase(opener) || (opener >= 0x80 && startsUppercase(nextWord))
        let isOpeningMark = opener == UInt8(ascii: "\"") || opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[")
            || opener == UInt8(ascii: "'") || (opener == 0xE2 && next + 2 < limit && bytes[next + 1] == 0x80 && (bytes[next + 2] == 0x9C || bytes[next + 2] == 0x98))
        let isDigit = opener >= 0x30 && opener <= 0x39
        guard isCapital || isOpeningMark || isDigit else { return false }
        guard bytes[stop] == UInt8(ascii: ".") else { return true }

        let previous = wordBefore(bytes, stop: stop)
        let bare = previous.lowercased()
        if abbreviations.contains(bare) { return false }
        if previous.count == 1, let c = previous.unicodeScalars.first, c.properties.isUppercase { return false }
        if previous.utf8.contains(UInt8(ascii: ".")) {
            // An initialism such as U.S. or a.m.: only a clear sentence opener ends the sentence.
            return sentenceOpeners.contains(nextWord)
        }
        return true
    }

    /// The letters and inner periods before the stop at `stop` ("Mr", "U.S", "a.m").
    private static func wordBefore(_ bytes: UnsafeBufferPointer<UInt8>, stop: Int) -> String {
        var start = stop
        while start > 0 {
            let b = bytes[start - 1]
            if ASCII.isLetter(b) || b >= 0x80 || (b == UInt8(ascii: ".") && start - 2 >= 0 && ASCII.isLetter(bytes[start - 2])) {
                start -= 1
            } else {
                break
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
    }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> String {
        var end = start
        while end < limit, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: ".") { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func startsUppercase(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// The bytes the splitter acts on: stops and brackets.
    private static let interestingBytes: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: ")"), UInt8(ascii: "]")]
            .contains(UInt8(byte))
    }

    /// Abbreviations that are followed by a period but rarely end a sentence, lower case, without the period.
    static let abbreviations: Set<String> = [
        // Titles and ranks.
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
        "gov", "sen", "rep", "amb", "pres", "sec", "hon", "rev", "fr", "st", "jr", "sr", "esq", "mme", "mlle", "msgr",
        // References.
        "no", "nos", "vol", "vols", "p", "pp", "para", "paras", "ch", "art", "fig", "ed", "eds", "ibid", "op", "cit",
        "cf", "viz", "vs", "etc", "ca", "approx", "ref", "reftel", "encl", "tel", "f", "ff", "ll", "d", "fol", "trans",
        // Institutions.
        "dept", "govt", "corp", "inc", "co", "ltd", "bros", "assn", "univ", "ave", "blvd",
        // Months.
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words that, after an initialism such as "U.S.", show that a new sentence has begun.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "There", "It", "He", "She", "We", "They", "I", "You",
        "In", "On", "At", "As", "If", "When", "While", "After", "Before", "But", "And", "However", "Also",
        "His", "Her", "Our", "Their", "My", "Its", "What", "Why", "How", "Such",
    ]
}
