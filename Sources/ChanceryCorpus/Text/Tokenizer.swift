/// Splits text into word tokens by scanning its UTF-8 bytes.
///
/// Rules, chosen for archival prose:
/// - a token is a run of letters and digits (any script; combining marks stay with their letter);
/// - a hyphen between two word characters joins: `self-reliance`, `Geum-cheol`, `106-00645-04`, `C-130B`;
///   a double hyphen or a dash does not;
/// - an apostrophe (`'` or `’`) between letters joins (`don't`, `Korea's`);
/// - an apostrophe after a final `s` (of a word of two or more characters) is the word's, a possessive plural,
///   when white space (spaces, tabs, at most one line break) and then a word follow (`Workers' Party`,
///   `the Koreans' own`), unless the word itself opens a quotation (an opening `‘`, or a `'` after a space, a
///   bracket or the start, just before it): `‘two-Chinas’ or`, `‘yes’ to` are one-word quotations. Before
///   anything else (punctuation, a quote mark, a paragraph break, the end) it closes a quotation and is not the
///   word's: `‘... Communist and Workers' Parties,’` gives `parties`. The rule looks only at the word and what
///   follows it, never at whether a quotation was opened further back, so a word is read the same way wherever
///   it stands; a quotation of several words closed after an s before more words (`'On The Talks' ended`)
///   reads as a possessive;
/// - `No.` and `Nos.` followed by a number (`No. 45`, `no.7`: digits, after at most one space) are the
///   abbreviation for "number" and keep their period (`no.`, a stopword of the built-in list), so the word
///   `no` counts only the word;
/// - `.`, `,` and `:` between digits join (`1,197`, `3.5`, `8:40`);
/// - single letters joined by periods form one token with its final period: `U.S.`, `p.m.`, `S.D.`;
/// - everything else (punctuation, brackets, whitespace) separates and is not a token.
///
/// ASCII is classified by a table; only non-ASCII runs decode scalars and
/// consult Unicode properties, which keeps the scan near memory speed
/// (Documentation/Architecture.md, "Text is scanned as bytes": a Character loop took over twenty times as long).
///
/// A library user tokenizes a `String` (`forEachToken(in:_:)`, `tokenRanges(in:)`, `terms(in:)`) or a
/// `Document` (`TokenizedDocument`); the byte-level kernels (`scan`, `term`, `fold` on a buffer of UTF-8 bytes)
/// are `package`, for the counter, the vocabulary and the temporal tagger, which hold a body's bytes already.
public enum Tokenizer {
    /// Calls `body` with the UTF-8 offsets in `text` of each of its tokens, in order, and whether the token is a
    /// number; no token is stored.
    public static func forEachToken(in text: String, _ body: (_ range: Range<Int>, _ isNumeric: Bool) -> Void) {
        var text = text
        text.withUTF8 { scan($0, body) }
    }

    /// UTF-8 offset ranges of the tokens of a string, in order.
    public static func tokenRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachToken(in: text) { range, _ in ranges.append(range) }
        return ranges
    }

    /// The counting forms of the tokens of a string, in order (`TokenizedDocument.terms` of a document): lower
    /// case, typographic apostrophes and hyphens made plain. `terms(in: "Korea’s Self-Reliance")` is
    /// `["korea's", "self-reliance"]`.
    public static func terms(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var terms: [String] = []
            scan(bytes) { range, _ in terms.append(term(bytes, range)) }
            return terms
        }
    }

    /// Calls `emit` with the UTF-8 offsets of each token and whether it is a number.
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Range<Int>, _ isNumeric: Bool) -> Void) {
        scan(bytes, inChunks: { chunk in
            for span in chunk { emit(span.range, span.isNumeric) }
        })
    }

    /// A token as `scan(_:into:)` records it.
    ///
    /// Inlinable, as it was when public (the optimizer's default cross-module optimization covers public
    /// declarations only): TermCounter makes one for every token it counts.
    @usableFromInline
    package struct Span: Sendable, Equatable {
        /// UTF-8 offsets of the token in the scanned bytes.
        @usableFromInline package var range: Range<Int>
        @usableFromInline package var isNumeric: Bool

        @inlinable
        package init(range: Range<Int>, isNumeric: Bool) {
            self.range = range
            self.isNumeric = isNumeric
        }
    }

    /// Records every token of `bytes`, in order, in `spans` (emptied first; its storage is reused): for a caller
    /// that works through a text's tokens in passes, without a call per token.
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into spans: inout [Span]) {
        spans.removeAll(keepingCapacity: true)
        scan(bytes, inChunks: { spans.append(contentsOf: $0) })
    }

    /// Hands the tokens of `bytes` over in chunks, scanned into a small buffer on the stack: the scan stores
    /// each token and calls out once per chunk (a caller need not hold a large text's tokens at once).
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, inChunks body: (UnsafeBufferPointer<Span>) -> Void) {
        byteClasses.withUnsafeBufferPointer { table in
            var scanner = Scanner(bytes: bytes, table: table)
            withUnsafeTemporaryAllocation(of: Span.self, capacity: 256) { buffer in
                while true {
                    let count = scanner.fill(buffer)
                    body(UnsafeBufferPointer(rebasing: buffer[..<count]))
                    if count < buffer.count { break }
                }
            }
        }
    }

    /// The counting form of a token: lower case, typographic apostrophes and hyphens made plain.
    package static func term(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if !slice.contains(where: { $0 >= 0x80 }) {
            // ASCII: lower-case straight into the new string's storage (short terms need no allocation).
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (k, byte) in slice.enumerated() { buffer[k] = ASCII.lowercased(byte) }
                return slice.count
            }
        }
        var scratch: [UInt8] = []
        fold(bytes, range, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Writes the counting form of a token into `scratch` (replacing its contents), without making a String for ASCII.
    ///
    /// ASCII letters are lower-cased byte by byte; a token with other scalars
    /// goes through Unicode's full lower-casing, and `’`, `‐`, `‑` become `'` and `-`.
    package static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        var ascii = true
        for byte in slice where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            scratch.append(contentsOf: slice)
            scratch.withUnsafeMutableBufferPointer { folded in
                for k in folded.indices {
                    folded[k] = ASCII.lowercased(folded[k])
                }
            }
        }
        if ascii { return }
        // Typographic apostrophes and hyphens in otherwise ASCII words ("Korea’s") are common in edited text:
        // map them without going through a String.
        scratch.removeAll(keepingCapacity: true)
        var k = range.lowerBound
        var simple = true
        while k < range.upperBound {
            let byte = bytes[k]
            if byte < 0x80 {
                scratch.append(ASCII.lowercased(byte))
                k += 1
            } else if byte == 0xE2, k + 2 < range.upperBound, bytes[k + 1] == 0x80, [0x99, 0x90, 0x91].contains(bytes[k + 2]) {
                scratch.append(bytes[k + 2] == 0x99 ? UInt8(ascii: "'") : UInt8(ascii: "-"))
                k += 3
            } else {
                simple = false
                break
            }
        }
        if simple { return }
        scratch.removeAll(keepingCapacity: true)
        let lowered = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
        for scalar in lowered.unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{02BC}": scratch.append(UInt8(ascii: "'"))
            case "\u{2010}", "\u{2011}": scratch.append(UInt8(ascii: "-"))
            default: scratch.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// Character classes of ASCII bytes; `nonASCII` marks every byte of a multi-byte scalar.
    enum Class: UInt8 {
        case other = 0, letter, digit, hyphen, apostrophe, period, comma, colon, nonASCII
    }

    /// The class of every byte value, so the scan needs no separate test for ASCII.
    static let byteClasses: [UInt8] = (0..<256).map { byte -> UInt8 in
        guard byte < 0x80 else { return Class.nonASCII.rawValue }
        let cls: Class = switch Unicode.Scalar(UInt8(byte)) {
        case "a"..."z", "A"..."Z": .letter
        case "0"..."9": .digit
        case "-": .hyphen
        case "'": .apostrophe
        case ".": .period
        case ",": .comma
        case ":": .colon
        default: .other
        }
        return cls.rawValue
    }

    /// Whether a byte class is an ASCII letter or digit (one unsigned comparison).
    @inline(__always)
    static func isASCIIWord(_ raw: UInt8) -> Bool { raw &- 1 < 2 }

    /// The high bit of each byte of `word` that is an ASCII letter, and of each that is an ASCII digit.
    @inline(__always)
    static func letterAndDigitBytes(_ word: UInt64) -> (letters: UInt64, digits: UInt64) {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ascii = ~word & high
        let seven = word & ~high                                   // low seven bits of each byte
        let folded = ASCII.caseFolded(seven)                       // 'A'...'Z' → 'a'...'z' for the letter test
        let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ascii
        let digits = (seven &+ 0x5050_5050_5050_5050) & ~(seven &+ 0x4646_4646_4646_4646) & ascii
        return (letters, digits)
    }

    /// The class of a non-ASCII scalar: letters, marks and numbers are word characters;
    /// the typographic apostrophe and the Unicode hyphens join like their ASCII forms.
    static func nonASCIIClass(_ scalar: Unicode.Scalar) -> Class {
        switch scalar.value {
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        // General Punctuation (quotes, dashes, spaces, format marks) holds no letter, mark or number: archive text
        // is full of its quotes and dashes, which need not go through the property tables.
        case 0x2000...0x206F: return .other
        default: break
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .letter
        default:
            return .other
        }
    }

    /// Scans a text for its tokens, a buffer of them at a time.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let table: UnsafeBufferPointer<UInt8>
        /// Where the scan resumes.
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.table = table
        }

        /// Class and byte length of the character at `i`; `.other` past the end.
        @inline(__always)
        func classAt(_ i: Int) -> (Class, Int) {
            guard i < bytes.count else { return (.other, 1) }
            let raw = table[Int(bytes[i])]
            if raw != Class.nonASCII.rawValue { return (Class(rawValue: raw) ?? .other, 1) }
            return decode(at: i)
        }

        private func decode(at i: Int) -> (Class, Int) {
            let lead = bytes[i]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard length > 1, i + length <= bytes.count else { return (.other, 1) }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                value = value << 6 | (UInt32(bytes[i + k]) & 0x3F)
            }
            guard let scalar = Unicode.Scalar(value) else { return (.other, length) }
            return (nonASCIIClass(scalar), length)
        }

        @inline(__always)
        func isWord(_ cls: Class) -> Bool { cls == .letter || cls == .digit }

        /// The end of the run of ASCII letters and digits from `start`, and the classes in it or-ed together
        /// (0 for an empty run). Eight bytes at a time while a whole word can be read, then byte by byte.
        @inline(__always)
        func asciiRun(from start: Int) -> (end: Int, seen: UInt8) {
            let n = bytes.count
            var i = start
            var seen: UInt8 = 0
            while i + 8 <= n {
                let (letters, digits) = Tokenizer.letterAndDigitBytes(
                    UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                let word = letters | digits
                if word == 0x8080_8080_8080_8080 {
                    seen |= (letters != 0 ? Class.letter.rawValue : 0) | (digits != 0 ? Class.digit.rawValue : 0)
                    i += 8
                    continue
                }
                let count = (~word & 0x8080_8080_8080_8080).trailingZeroBitCount / 8
                let within: UInt64 = (1 << UInt64(count * 8)) &- 1
                seen |= (letters & within != 0 ? Class.letter.rawValue : 0) | (digits & within != 0 ? Class.digit.rawValue : 0)
                return (i + count, seen)
            }
            while i < n {
                let raw = table[Int(bytes[i])]
                guard Tokenizer.isASCIIWord(raw) else { break }
                seen |= raw
                i += 1
            }
            return (i, seen)
        }

        /// Whether the ASCII run that stops at `end` (inside the text, after the run's first byte) is a whole token
        /// for certain: a plain separator follows, or `.`, `,` or `:` after a letter (they join digits only).
        @inline(__always)
        func endsToken(at end: Int) -> Bool {
            let next = table[Int(bytes[end])]
            if next == Class.other.rawValue { return true }
            return next &- Class.period.rawValue < 3 && table[Int(bytes[end - 1])] == Class.letter.rawValue
        }

        /// Scans on into `buffer` until it is full or the text ends; returns the number of tokens stored.
        mutating func fill(_ buffer: UnsafeMutableBufferPointer<Span>) -> Int {
            let n = bytes.count
            var count = 0
            var i = self.i
            defer { self.i = i }
            while i < n, count < buffer.count {
                // Fast skip of ASCII separators.
                let byte = bytes[i]
                let raw = table[Int(byte)]
                if !Tokenizer.isASCIIWord(raw), raw != Class.nonASCII.rawValue {
                    i += 1
                    continue
                }
                let start = i
                let first: Class
                // Classes seen so far, or-ed: a token with no letter bit is a number.
                var seen: UInt8
                var last: Class
                var lastByte: UInt8
                if raw != Class.nonASCII.rawValue {
                    let (end, runSeen) = asciiRun(from: i)
                    // The common token: two or more ASCII letters and digits (a single letter may start an
                    // initialism) up to a plain separator, or up to `.`, `,` or `:` after a letter.
                    if end - i > 1, end < n, endsToken(at: end), !isNumberAbbreviation(i, end) {
                        buffer.initializeElement(at: count, to: Span(range: i..<end, isNumeric: runSeen & Class.letter.rawValue == 0))
                        count += 1
                        i = end
                        continue
                    }
                    first = raw == Class.letter.rawValue ? .letter : .digit
                    seen = runSeen
                    lastByte = bytes[end - 1]
                    last = table[Int(lastByte)] == Class.letter.rawValue ? .letter : .digit
                    i = end
                } else {
                    let (cls, length) = classAt(i)
                    guard isWord(cls) else {
                        i += length
                        continue
                    }
                    first = cls
                    seen = cls.rawValue
                    last = cls
                    lastByte = byte
                    i += length
                }
                scanning: while true {
                    // A run of ASCII letters and digits, the common case: the last character's class
                    // is read once when the run ends.
                    let runStart = i
                    let (runEnd, runSeen) = asciiRun(from: i)
                    i = runEnd
                    seen |= runSeen
                    if i > runStart {
                        lastByte = bytes[i - 1]
                        last = table[Int(lastByte)] == Class.letter.rawValue ? .letter : .digit
                    }
                    // Most tokens end at a space or other plain separator.
                    guard i < n, table[Int(bytes[i])] != Class.other.rawValue else { break scanning }
                    let (cls, length) = classAt(i)
                    switch cls {
                    case .letter, .digit:
                        seen |= cls.rawValue
                        last = cls
                        lastByte = bytes[i]
                        i += length
                    case .hyphen:
                        guard isWord(classAt(i + length).0) else { break scanning }
                        i += length
                    case .apostrophe:
                        let next = classAt(i + length).0
                        if last == .letter, next == .letter {
                            i += length
                        } else if last == .letter, ASCII.caseFolded(lastByte) == UInt8(ascii: "s"), !isWord(next), i - start > 1,
                                  wordFollows(from: i + length), !opensQuotation(at: start) {
                            i += length
                            break scanning
                        } else {
                            break scanning
                        }
                    case .period, .comma, .colon:
                        guard last == .digit, classAt(i + 1).0 == .digit else { break scanning }
                        i += 1
                    case .other, .nonASCII:
                        break scanning
                    }
                }
                if i - start == 1, first == .letter, byte < 0x80 {
                    i = initialism(from: i)
                } else if isNumberAbbreviation(start, i) {
                    i += 1
                }
                buffer.initializeElement(at: count, to: Span(range: start..<i, isNumeric: seen & Class.letter.rawValue == 0))
                count += 1
            }
            return count
        }

        /// Whether white space (spaces, tabs, at most one line break) starts at `k` and a word follows it: an
        /// apostrophe after a final s just before `k` is then a possessive plural's, not a closing quote's.
        private func wordFollows(from k: Int) -> Bool {
            var j = k
            var lineBreaks = 0
            while j < bytes.count {
                switch bytes[j] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): j += 1
                case UInt8(ascii: "\n"):
                    lineBreaks += 1
                    guard lineBreaks < 2 else { return false }
                    j += 1
                default:
                    return j > k && isWord(classAt(j).0)
                }
            }
            return false
        }

        /// Whether a quotation opens just before the token at `start`: a `‘`, or a `'` at the start of the text or
        /// after an ASCII character that is neither a word character nor a joiner (a space, a bracket).
        private func opensQuotation(at start: Int) -> Bool {
            if start >= 3, bytes[start - 3] == 0xE2, bytes[start - 2] == 0x80, bytes[start - 1] == 0x98 { return true }
            guard start >= 1, bytes[start - 1] == UInt8(ascii: "'") else { return false }
            return start == 1 || table[Int(bytes[start - 2])] == Class.other.rawValue
        }

        /// Whether the token `start..<end` is `No` or `Nos` (any case) followed by a period, at most one space and
        /// a digit: the abbreviation for "number", which keeps its period.
        @inline(__always)
        func isNumberAbbreviation(_ start: Int, _ end: Int) -> Bool {
            guard end - start == 2 || end - start == 3, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."),
                  ASCII.caseFolded(bytes[start]) == UInt8(ascii: "n"), ASCII.caseFolded(bytes[start + 1]) == UInt8(ascii: "o"),
                  end - start == 2 || ASCII.caseFolded(bytes[start + 2]) == UInt8(ascii: "s") else { return false }
            var k = end + 1
            if bytes[k] == UInt8(ascii: " "), k + 1 < bytes.count { k += 1 }
            return table[Int(bytes[k])] == Class.digit.rawValue
        }

        /// Extends a single letter over ".X.Y." so `U.S.` and `p.m.` stay one token.
        private func initialism(from end: Int) -> Int {
            var i = end
            var extended = false
            while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), bytes[i + 1] < 0x80,
                  table[Int(bytes[i + 1])] == Class.letter.rawValue, !isWord(classAt(i + 2).0) {
                i += 2
                extended = true
            }
            guard extended else { return end }
            return i < bytes.count && bytes[i] == UInt8(ascii: ".") ? i + 1 : i
        }
    }
}
