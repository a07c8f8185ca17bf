import ChanceryCorpus

/// Calendar dates: "December 8, 1962", "8 Dec.", "1962-12-08", "mid-1962", editorial years in brackets.
extension TemporalGrammar {
    /// A date around the month name at `m`: "8 December 1962", "December 8, 1962", "Dec. 8", "early December", "December [1962]".
    func calendar(month m: Int) -> TemporalMatch? {
        guard let (month, abbreviated) = self.month(m) else { return nil }
        var first = m
        var day: Int?
        // Day before: "8 December", "the 8th of December".
        if together(m - 1, m), spaced(m - 1), let value = dayNumber(m - 1) {
            day = value
            first = m - 1
        } else if term(m - 1) == "of", together(m - 2, m), let value = dayNumber(m - 2), tokens[m - 2].range.count > 2 {
            day = value
            first = term(m - 3) == "the" && together(m - 3, m) ? m - 3 : m - 2
        }
        var last = m
        var k = m + 1
        // Day after: "December 8", "Dec. 8".
        if day == nil, together(m, k), gap(after: m, { Self.isBlank($0) || $0 == UInt8(ascii: ".") }), let value = dayNumber(k) {
            day = value
            last = k
            k += 1
        }
        // Year: ", 1962", " 1962", " [1962]", " [(1962)]", " of 1962".
        var year: Int?
        var editorial = false
        var end: Int?
        if together(last, k), let value = self.year(k) {
            if tokens[k].isEditorial {
                if gap(after: last, { Self.isBlank($0) || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ",") }) {
                    year = value
                    editorial = true
                    end = closingBracket(after: k)
                    last = k
                }
            } else if gap(after: last, { Self.isBlank($0) || $0 == UInt8(ascii: ",") }) {
                year = value
                last = k
            }
        } else if day == nil, term(k) == "of", together(last, k + 1), let value = self.year(k + 1) {
            year = value
            last = k + 1
        }
        // Modifier before: "early December", "the end of December".
        var modifier: DateModifier?
        if day == nil {
            (modifier, first) = modifierBefore(first)
        }
        // A weekday before: "Monday, 10 December".
        if day != nil, together(first - 1, first), case .weekday? = word(first - 1), isCapitalized(first - 1) {
            first -= 1
        }
        if day == nil, year == nil {
            // A bare month needs a cue ("in March") and its full name; "May" and "March" are verbs too.
            guard !abbreviated, modifier != nil || (together(first - 1, first) && TemporalLexicon.dateCues.contains(term(first - 1))) else { return nil }
        }
        if abbreviated, day == nil, year == nil { return nil }
        if let day {
            if let year {
                do {
                    _ = try HistoricalDate(year: year, month: month, day: day)
                } catch {
                    return TemporalMatch(first: first, last: last, end: end, meaning: .invalid(error))
                }
            } else if day > HistoricalDate.daysIn(month: month, year: 2000) {
                // No year can hold it: 30 February, 31 April.
                return TemporalMatch(first: first, last: last, meaning: .invalid(.dayOutOfRange(year: 2000, month: month, day: day, daysInMonth: HistoricalDate.daysIn(month: month, year: 2000))))
            }
            // A clock time after the date: "January 12, 1961, 8:40 p.m.".
            if let clock = clock(after: last) {
                let on = TemporalMeaning.TimeOn.date(year: year, month: month, day: day, editorialYear: editorial)
                return TemporalMatch(first: first, last: clock.last, meaning: .time(.clock(hour: clock.hour, minute: clock.minute), on: on))
            }
        }
        return TemporalMatch(first: first, last: last, end: end, meaning: .calendar(year: year, month: month, day: day, editorialYear: editorial, modifier: modifier))
    }

    /// "early", "mid", "late", "the end of", "the beginning of", "the middle of" before token `first`.
    func modifierBefore(_ first: Int) -> (DateModifier?, Int) {
        guard together(first - 1, first) else { return (nil, first) }
        switch term(first - 1) {
        case "early": return (.start, first - 1)
        case "mid", "middle": return (.mid, first - 1)
        case "late": return (.end, first - 1)
        case "of":
            let modifier: DateModifier? = switch term(first - 2) {
            case "end", "close": .end
            case "beginning", "start": .start
            case "middle": .mid
            default: nil
            }
            guard let modifier, together(first - 2, first) else { return (nil, first) }
            return (modifier, term(first - 3) == "the" && together(first - 3, first) ? first - 3 : first - 2)
        default: return (nil, first)
        }
    }

    /// The byte after the `)` and `]` that close an editorial year.
    func closingBracket(after k: Int) -> Int? {
        var end = tokens[k].range.upperBound
        while end < bytes.count, bytes[end] == UInt8(ascii: ")") || bytes[end] == UInt8(ascii: "]") { end += 1 }
        return end
    }

    /// Tokens starting with a digit: years, days before a month, decades, ISO and unambiguous numeric dates, clock times.
    func digitLed(_ i: Int) -> TemporalMatch? {
        let range = tokens[i].range
        let length = range.count
        let lastByte = bytes[range.upperBound - 1]
        // Day before a month: "8 December", "8th of December".
        if length <= 4, isCapitalized(i + 1) || byte(i + 1, 0) == UInt8(ascii: "o"), dayNumber(i) != nil {
            if month(i + 1) != nil, together(i, i + 1) { return calendar(month: i + 1) }
            if term(i + 1) == "of", month(i + 2) != nil, together(i, i + 2) { return calendar(month: i + 2) }
        }
        let next = ASCII.caseFolded(byte(i + 1, 0))
        if next == UInt8(ascii: "a") || next == UInt8(ascii: "p"), let clock = clock(at: i) {
            return TemporalMatch(first: i, last: clock.last, meaning: .time(.clock(hour: clock.hour, minute: clock.minute), on: .reference))
        }
        let isYear = length == 4 && lastByte >= 0x30 && lastByte <= 0x39
        let isDecade = length == 5 && lastByte == UInt8(ascii: "s")
        var hasHyphen = false, hasPeriod = false
        if !isYear, !isDecade, length >= 7 {
            for k in range {
                if bytes[k] == UInt8(ascii: "-") { hasHyphen = true }
                if bytes[k] == UInt8(ascii: ".") { hasPeriod = true }
            }
        }
        let slash = length <= 2 && range.upperBound < bytes.count && bytes[range.upperBound] == UInt8(ascii: "/")
        guard isYear || isDecade || hasHyphen || hasPeriod || slash else { return nil }
        let text = term(i)
        // Decade: "1950s", "the early 1950s".
        if isDecade, let value = Int(text.dropLast()), value % 10 == 0, (1000...2999).contains(value) {
            var (modifier, first) = modifierBefore(i)
            if term(first - 1) == "the", together(first - 1, i) { first -= 1 }
            return TemporalMatch(first: first, last: i, meaning: .decade(value, modifier: modifier))
        }
        if hasHyphen, let iso = isoDate(text) {
            return TemporalMatch(first: i, last: i, meaning: iso)
        }
        if hasPeriod || slash, let numeric = numericDate(i) { return numeric }
        // A bare year, when a word before it says it is one: "in 1962", "since 1958", "the end of 1961".
        if let value = year(i), plausibleBareYears.contains(value) {
            var (modifier, first) = modifierBefore(i)
            let cue = term(first - 1)
            let previousIsYear = year(first - 2) != nil && (cue == "and" || cue == "or" || cue == "to")
            guard together(first - 1, i), modifier != nil || (TemporalLexicon.dateCues.contains(cue) && !["and", "or", "to", "for"].contains(cue)) || previousIsYear || cue == "to" && term(first - 3) == "from" else {
                return nil
            }
            if modifier == nil, ["early", "late"].contains(cue) {
                modifier = cue == "early" ? .start : .end
                first -= 1
            }
            let editorial = tokens[i].isEditorial
            return TemporalMatch(first: first, last: i, end: editorial ? closingBracket(after: i) : nil,
                                 meaning: .calendar(year: value, month: nil, day: nil, editorialYear: editorial, modifier: modifier))
        }
        return nil
    }

    /// `1962-12-08` or `1962-12` written as one token.
    func isoDate(_ text: String) -> TemporalMeaning? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let year = Int(parts[0]), (1000...2999).contains(year),
              let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        guard parts.count == 3, let day = Int(parts[2]) else {
            return .calendar(year: year, month: month, day: nil, editorialYear: false, modifier: nil)
        }
        do {
            _ = try HistoricalDate(year: year, month: month, day: day)
        } catch {
            return .invalid(error)
        }
        return .calendar(year: year, month: month, day: day, editorialYear: false, modifier: nil)
    }

    /// `25/12/1962`, `12/25/1962` or `25.12.1962`: read only when the order of day and month is beyond doubt.
    func numericDate(_ i: Int) -> TemporalMatch? {
        let text = term(i)
        var parts: [Int]
        var last = i
        if text.contains(".") {
            parts = text.split(separator: ".").compactMap { Int($0) }
            guard parts.count == 3, text.split(separator: ".").count == 3 else { return nil }
        } else {
            guard let a = number(i), tokens[i].range.count <= 2, gap(after: i, { $0 == UInt8(ascii: "/") }),
                  let b = number(i + 1), tokens[i + 1].range.count <= 2, gap(after: i + 1, { $0 == UInt8(ascii: "/") }),
                  let c = year(i + 2)
            else { return nil }
            parts = [a, b, c]
            last = i + 2
        }
        guard (1000...2999).contains(parts[2]) else { return nil }
        let (a, b, year) = (parts[0], parts[1], parts[2])
        let (day, month): (Int, Int)
        if a == b || (a > 12 && b <= 12) {
            (day, month) = (a, b)
        } else if b > 12 && a <= 12 {
            (day, month) = (b, a)
        } else {
            return nil
        }
        do {
            _ = try HistoricalDate(year: year, month: month, day: day)
        } catch {
            return TemporalMatch(first: i, last: last, meaning: .invalid(error))
        }
        return TemporalMatch(first: i, last: last, meaning: .calendar(year: year, month: month, day: day, editorialYear: false, modifier: nil))
    }

    /// "mid-1962", "mid-1950s", "mid-December", "mid-December 1962".
    func mid(_ i: Int, _ rest: String) -> TemporalMatch? {
        var first = i
        if term(i - 1) == "the", together(i - 1, i) { first = i - 1 }
        if rest.count == 4, let value = Int(rest), (1000...2999).contains(value) {
            return TemporalMatch(first: first, last: i, meaning: .calendar(year: value, month: nil, day: nil, editorialYear: false, modifier: .mid))
        }
        if rest.count == 5, rest.hasSuffix("s"), let value = Int(rest.dropLast()), value % 10 == 0, (1000...2999).contains(value) {
            return TemporalMatch(first: first, last: i, meaning: .decade(value, modifier: .mid))
        }
        if let month = MonthNames.number(of: rest), rest.count > 3 {
            if together(i, i + 1), spaced(i), let value = year(i + 1) {
                return TemporalMatch(first: i, last: i + 1, meaning: .calendar(year: value, month: month, day: nil, editorialYear: false, modifier: .mid))
            }
            return TemporalMatch(first: i, last: i, meaning: .calendar(year: nil, month: month, day: nil, editorialYear: false, modifier: .mid))
        }
        return nil
    }
}
