/// A date written out in a line of text, as datelines and metadata print it.
public struct DateMatch: Sendable, Equatable {
    /// The date, or why the written date does not exist ("February 31, 1962").
    public var result: Result<HistoricalDate, DateError>
    /// The written form, as it stands in the text.
    public var text: String
    /// Where the written form starts, in characters from the start of the line.
    public var characterOffset: Int
}

/// Reads the date forms that archive metadata and datelines use.
///
/// Accepted: `December 8, 1962`, `Dec. 8, 1962`, `8 December 1962`,
/// `8th Dec 1962`, `December 1962`, `1962`, `1962-12-08`, `1962-12`,
/// `the 1950s`. Numeric day/month forms such as `8/12/1962` are not read,
/// because the order of day and month differs between archives.
/// The richer grammar of dates inside running text (relative and narrative
/// dates) lives in the temporal tagger; this reader is for whole fields.
public enum DateText {
    /// Parses a whole field ("December 8, 1962", "ca. 1962"); nil when the field is not a date.
    public static func parse(_ field: some StringProtocol) -> DateMatch? {
        let words = Word.split(String(field))
        guard let (match, used) = firstMatch(in: words, from: 0, allowBareYear: true) else { return nil }
        // Everything after the date must be punctuation or a time of day.
        let rest = words[used...]
        guard rest.allSatisfy({ $0.isPunctuation }) else { return nil }
        return match
    }

    /// Finds the first written date in a line, such as the date in
    /// "Washington, January 11, 1958, 12:48 p.m.".
    ///
    /// A bare year counts only when `allowBareYear` is set, because numbers
    /// such as telegram numbers ("1479.") would otherwise look like years.
    public static func find(in line: some StringProtocol, allowBareYear: Bool = false) -> DateMatch? {
        let words = Word.split(String(line))
        var index = 0
        while index < words.count {
            if let (match, _) = firstMatch(in: words, from: index, allowBareYear: allowBareYear) {
                return match
            }
            index += 1
        }
        return nil
    }

    /// A written date whose year is not one Chancery reads (1000–2999): "January 11, 99999", "11 January 0",
    /// "January 11, -44". `find(in:)` passes such a line by; a reader uses this to warn that the document is
    /// left undated, instead of saying nothing.
    public static func findUnusableYear(in line: some StringProtocol) -> (text: String, characterOffset: Int)? {
        let words = Word.split(String(line))
        func word(_ k: Int) -> Word? { k < words.count ? words[k] : nil }
        /// The year's words at k: digits, or a minus sign and digits; nil when there is no number there.
        func number(at k: Int) -> Int? {
            if let w = word(k), w.isNumber { return k }
            if word(k)?.text == "-" || word(k)?.text == "\u{2212}", let w = word(k + 1), w.isNumber { return k + 1 }
            return nil
        }
        func unusable(from a: Int, to b: Int) -> (String, Int)? {
            guard words[b].year == nil || words[b - 1].text == "-" || words[b - 1].text == "\u{2212}" else { return nil }
            return (String(words[a].line[words[a].start..<words[b].end]), words[a].characterOffset)
        }
        for i in words.indices {
            let w = words[i]
            if w.isWord, MonthNames.number(of: w.text) != nil {
                var k = i + 1
                while word(k)?.text == "." { k += 1 }
                if let day = word(k), day.dayNumber != nil {
                    k += 1
                    while word(k)?.text == "," { k += 1 }
                    if let end = number(at: k), let found = unusable(from: i, to: end) { return found }
                } else {
                    while word(k)?.text == "," { k += 1 }
                    // "December 99999": a number too long to be a day stands where the year would.
                    if let end = number(at: k), words[end].text.count > 2, let found = unusable(from: i, to: end) { return found }
                }
            } else if w.dayNumber != nil, let month = word(i + 1), month.isWord, MonthNames.number(of: month.text) != nil {
                var k = i + 2
                while word(k)?.text == "." || word(k)?.text == "," { k += 1 }
                if let end = number(at: k), let found = unusable(from: i, to: end) { return found }
            }
        }
        return nil
    }

    private static func firstMatch(
        in words: [Word], from start: Int, allowBareYear: Bool
    ) -> (DateMatch, Int)? {
        var i = start
        // Skip approximations and articles: "ca. 1962", "circa 1962", "the 1950s".
        while i < words.count, ["ca", "c", "circa", "the", "about"].contains(words[i].lower) {
            i += 1
            if i < words.count, words[i].text == "." { i += 1 }
        }
        guard i < words.count else { return nil }
        func word(_ k: Int) -> Word? { k < words.count ? words[k] : nil }
        /// Steps over an optional "." or "," after index k.
        func skip(_ k: Int, _ marks: Set<String>) -> Int {
            var k = k
            while let w = word(k), marks.contains(String(w.text)) { k += 1 }
            return k
        }
        func make(_ result: Result<HistoricalDate, DateError>, from a: Int, to b: Int) -> (DateMatch, Int) {
            let first = words[a], last = words[b - 1]
            let text = String(first.line[first.start..<last.end])
            return (DateMatch(result: result, text: text, characterOffset: first.characterOffset), b)
        }

        let w = words[i]
        // ISO: 1962-12-08 or 1962-12 (split as 1962 - 12 - 08).
        if let year = w.year, word(i + 1)?.text == "-", let mw = word(i + 2), mw.isNumber, mw.text.count == 2,
           let month = Int(mw.text) {
            if word(i + 3)?.text == "-", let dw = word(i + 4), dw.isNumber, dw.text.count == 2, let day = Int(dw.text) {
                return make(Result { () throws(DateError) in try HistoricalDate(year: year, month: month, day: day) }, from: i, to: i + 5)
            }
            return make(Result { () throws(DateError) in try HistoricalDate(year: year, month: month) }, from: i, to: i + 3)
        }
        // Month first: December 8, 1962 / December 1962.
        if let month = MonthNames.number(of: w.text), w.isWord {
            var k = skip(i + 1, ["."])
            if let dw = word(k), let day = dw.dayNumber {
                let afterDay = skip(k + 1, [","])
                if let yw = word(afterDay), let year = yw.year {
                    return make(Result { () throws(DateError) in try HistoricalDate(year: year, month: month, day: day) }, from: i, to: afterDay + 1)
                }
                return nil
            }
            k = skip(k, [","])
            if let yw = word(k), let year = yw.year, !(w.lower == "may" && w.text == "may") {
                return make(Result { () throws(DateError) in try HistoricalDate(year: year, month: month) }, from: i, to: k + 1)
            }
            return nil
        }
        // Day first: 8 December 1962.
        if let day = w.dayNumber, let mw = word(i + 1), mw.isWord, let month = MonthNames.number(of: mw.text) {
            let k = skip(i + 2, [".", ","])
            if let yw = word(k), let year = yw.year {
                return make(Result { () throws(DateError) in try HistoricalDate(year: year, month: month, day: day) }, from: i, to: k + 1)
            }
            return nil
        }
        // Decade: 1950s.
        if w.isNumber == false, w.text.count == 5, w.text.hasSuffix("s"), let y = Int(w.text.dropLast()), y % 10 == 0, (1000...2999).contains(y) {
            return make(Result { () throws(DateError) in try HistoricalDate(decade: y) }, from: i, to: i + 1)
        }
        if allowBareYear, let year = w.year {
            return make(Result { () throws(DateError) in try HistoricalDate(year: year) }, from: i, to: i + 1)
        }
        return nil
    }
}

/// A word or punctuation mark of a short line, with its place.
private struct Word {
    let line: String
    let start: String.Index
    let end: String.Index
    let characterOffset: Int

    var text: Substring { line[start..<end] }
    var lower: String { text.lowercased() }
    var isNumber: Bool { text.allSatisfy { $0.isASCII && $0.isNumber } }
    var isWord: Bool { text.allSatisfy(\.isLetter) }
    var isPunctuation: Bool { !text.contains(where: { $0.isLetter || $0.isNumber }) }

    /// A four-digit year from 1000 to 2999.
    var year: Int? {
        guard isNumber, text.count == 4, let value = Int(text), (1000...2999).contains(value) else { return nil }
        return value
    }

    /// A day of the month as written: "8", "08", "8th", "1st"; range-checked later by the calendar.
    var dayNumber: Int? {
        var digits = text
        for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        return value
    }

    /// Letters-and-digits runs and single punctuation characters; whitespace separates.
    static func split(_ line: String) -> [Word] {
        var words: [Word] = []
        var index = line.startIndex
        var offset = 0
        while index < line.endIndex {
            let c = line[index]
            if c.isWhitespace {
                index = line.index(after: index)
                offset += 1
                continue
            }
            let start = index
            let startOffset = offset
            if c.isLetter || c.isNumber {
                while index < line.endIndex, line[index].isLetter || line[index].isNumber {
                    index = line.index(after: index)
                    offset += 1
                }
            } else {
                index = line.index(after: index)
                offset += 1
            }
            words.append(Word(line: line, start: start, end: index, characterOffset: startOffset))
        }
        return words
    }
}
