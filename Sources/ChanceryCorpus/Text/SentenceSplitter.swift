/// Splits a body into sentences, surviving the abbreviations and brackets of diplomatic prose.
///
/// A sentence ends at `.`, `!` or `?` (after any closing quotes, brackets or
/// parentheses) when whitespace and a sentence opener follow: a capital
/// letter, an opening quote, bracket or parenthesis, or a digit. It does not end:
/// - after a title or other abbreviation (`Mr.`, `Dr.`, `Gen.`, `No.`, `Dec.`, `pp.`),
///   also after an opening quote, bracket or dash (`“Mr. Ambassador`);
/// - after a single capital initial (`John S. Eisenhower`);
/// - after an initialism (`U.S.`, `a.m.`) unless a typical sentence opener follows
///   (`the U.S. Government` goes on, `in the U.S. The talks` ends);
/// - inside a bracket or parenthesis that closes within `maximumBracketBytes`
///   and does not open like a sentence (`(i.e. on bases, etc.)`, `[denied?]`),
///   unless the closing mark directly follows the stop (`(... to Prague.)`).
///   A bracket holds only up to its closing mark; one that opens with a capital
///   or a quote may hold whole sentences, and splits inside.
/// A paragraph break always ends a sentence.
public enum SentenceSplitter {
    /// UTF-8 offset ranges of the sentences of `text`, trimmed of surrounding whitespace.
    public static func sentences(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { sentences(in: $0) }
    }

    /// `sentences(in:)` of a text's UTF-8 bytes (TokenizedDocument holds its body's).
    static func sentences(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var steps = 0
        return sentences(in: bytes, steps: &steps)
    }

    /// `sentences(in:)`, counting in `steps` the stops and brackets looked at and the openers set aside, for tests
    /// that bound the work.
    static func sentences(in bytes: UnsafeBufferPointer<UInt8>, steps: inout Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var paragraphStart = 0
        let n = bytes.count
        var i = 0
        while true {
            // The next line break followed by another, or the end: a paragraph ends there.
            guard let newline = bytes.firstOffset(of: 0x0A, from: i) else {
                split(bytes, paragraphStart..<n, into: &result, steps: &steps)
                break
            }
            guard newline + 1 < n, bytes[newline + 1] == 0x0A else {
                i = newline + 1
                continue
            }
            split(bytes, paragraphStart..<newline, into: &result, steps: &steps)
            i = newline
            while i < n, bytes[i] == 0x0A { i += 1 }
            paragraphStart = i
        }
        return result
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, into result: inout [Range<Int>],
                              steps: inout Int) {
        // A stop inside a held bracket (`heldBrackets`) ends no sentence. The brackets are in order of their openers:
        // `reach` is the furthest closer of those opened before the stop, so a stop is held while its run of stops
        // and closers ends at or before that closer. A bracket holds by its offsets, not by a count of brackets
        // seen, so nothing carries past its closer (the closer of `(etc.)` is consumed with the stop's run).
        let held = heldBrackets(bytes, paragraph, steps: &steps)
        var nextHeld = 0
        var reach = -1
        var start = paragraph.lowerBound
        var i = paragraph.lowerBound
        let stops = Self.stopBytes
        while i < paragraph.upperBound {
            // Most bytes are not stops: skip them in a tight loop.
            while i < paragraph.upperBound, !stops[Int(bytes[i])] { i += 1 }
            steps += 1
            guard i < paragraph.upperBound else { break }
            // Run of stops ("?!", "...") then closers.
            var end = i + 1
            while end < paragraph.upperBound, stops[Int(bytes[end])] { end += 1 }
            while end < paragraph.upperBound, let width = closerWidth(bytes, end, paragraph.upperBound) { end += width }
            while nextHeld < held.count, held[nextHeld].open < i {
                reach = max(reach, held[nextHeld].close)
                nextHeld += 1
            }
            if reach < end,
               end < paragraph.upperBound, isSpace(bytes[end]),
               endsSentence(bytes, stop: i, after: end, limit: paragraph.upperBound) {
                append(bytes, start..<end, into: &result)
                start = end
            }
            i = end
        }
        append(bytes, start..<paragraph.upperBound, into: &result)
    }

    /// How far a bracket holds, in bytes from its opener to its closer: a `(` or `[` closed further on suppresses no
    /// split (a stray opener must not silence the rest of a paragraph), and finding a closer looks no further back.
    static let maximumBracketBytes = 600

    /// The brackets of a paragraph inside which a stop ends no sentence, as offsets of opener and closer, in order of
    /// their openers: a `(` or `[` closed (brackets of its kind nested in it counted) within `maximumBracketBytes`,
    /// holding a stop, and not opening like a sentence (a capital letter or an opening quote after the opener): a
    /// parenthesis of whole sentences splits inside, `(i.e. on bases, etc.)` and `[denied?]` do not.
    ///
    /// One pass over the paragraph. The openers not yet closed are kept only while a closer could still hold them
    /// (`Openers`), so the memory is bounded by `maximumBracketBytes` however many brackets never close.
    private static func heldBrackets(_ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>,
                                     steps: inout Int) -> [(open: Int, close: Int)] {
        var held: [(open: Int, close: Int)] = []
        var parentheses = Openers(), squareBrackets = Openers()
        var lastStop = -1
        let interesting = Self.interestingBytes
        var i = paragraph.lowerBound
        while i < paragraph.upperBound {
            while i < paragraph.upperBound, !interesting[Int(bytes[i])] { i += 1 }
            guard i < paragraph.upperBound else { break }
            steps += 1
            switch bytes[i] {
            case UInt8(ascii: "("): steps += parentheses.push(i)
            case UInt8(ascii: "["): steps += squareBrackets.push(i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                let open = bytes[i] == UInt8(ascii: ")") ? parentheses.pop() : squareBrackets.pop()
                if let open, i - open <= maximumBracketBytes, lastStop > open, !opensLikeSentence(bytes, after: open, limit: i) {
                    held.append((open, i))
                }
            default:
                lastStop = i
            }
            i += 1
        }
        // Found in the order of their closers; an outer bracket closes after the brackets inside it.
        held.sort { $0.open < $1.open }
        return held
    }

    /// The openers of one kind not yet closed, innermost last. Those further than `maximumBracketBytes` behind the
    /// newest are only counted: no closer to come can hold them, but a closer still pairs with them (nesting).
    private struct Openers {
        private var offsets: [Int] = []
        /// `offsets[..<base]` are the openers only counted, `stale` of them not yet closed.
        private var base = 0
        private var stale = 0

        /// Adds an opener; returns the work done (openers set aside or moved), for `steps`.
        mutating func push(_ offset: Int) -> Int {
            var work = 0
            while base < offsets.count, offset - offsets[base] > SentenceSplitter.maximumBracketBytes {
                base += 1
                stale += 1
                work += 1
            }
            if base >= 1_024, base * 2 >= offsets.count {
                work += offsets.count
                offsets.removeFirst(base)
                base = 0
            }
            offsets.append(offset)
            return work
        }

        /// The offset of the opener a closer pairs with; nil when there is none or it is only counted.
        mutating func pop() -> Int? {
            if offsets.count > base { return offsets.removeLast() }
            if stale > 0 { stale -= 1 }
            return nil
        }
    }

    /// Whether a bracket's text opens like a sentence: a capital letter or an opening quote after the opener.
    private static func opensLikeSentence(_ bytes: UnsafeBufferPointer<UInt8>, after open: Int, limit: Int) -> Bool {
        var next = open + 1
        while next < limit, isSpace(bytes[next]) { next += 1 }
        guard next < limit else { return false }
        let first = bytes[next]
        if ASCII.isUppercase(first) || isOpeningQuote(bytes, next, limit) { return true }
        return first >= 0x80 && startsUppercase(word(bytes, from: next, limit: limit))
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        if lower < upper { result.append(lower..<upper) }
    }

    /// Byte width of a closing quote or bracket at `i`: `"`, `'`, `)`, `]`, `”`, `’`.
    private static func closerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Int? {
        switch bytes[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): return 1
        case 0xE2 where i + 2 < limit && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99): return 3
        default: return nil
        }
    }

    /// Whether an opening quote starts at `i`: `"`, `'`, `“`, `‘`.
    private static func isOpeningQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Bool {
        let byte = bytes[i]
        return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || (byte == 0xE2 && i + 2 < limit && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98))
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
        let isOpeningMark = opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[") || isOpeningQuote(bytes, next, limit)
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

    /// The letters and inner periods before the stop at `stop` ("Mr", "U.S", "a.m"), without an opening quote,
    /// dash or other mark before them (`“Mr.`, `‘Dr.`, `—Gen.` are abbreviations as `Mr.` is).
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
        // Non-ASCII bytes were taken whole; only letters count, so the word starts after the last other character.
        let candidate = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        guard bytes[start..<stop].contains(where: { $0 >= 0x80 }) else { return candidate }
        let letters = candidate.unicodeScalars.reversed().prefix { $0.properties.isAlphabetic || $0 == "." }
        return String(String.UnicodeScalarView(letters.reversed()).drop { $0 == "." })
    }

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> String {
        var end = start
        while end < limit, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: ".") { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func startsUppercase(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// The stops: `.`, `!`, `?`.
    private static let stopBytes: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(UInt8(byte))
    }

    /// The bytes the brackets' pass acts on: stops and brackets.
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
        "doc", "docs",
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
