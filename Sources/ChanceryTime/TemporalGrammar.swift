import ChanceryCorpus

/// What a matched span of tokens means, before it is counted from a reference date.
enum TemporalMeaning {
    /// A calendar date; a missing year is completed from the reference date.
    case calendar(year: Int?, month: Int?, day: Int?, editorialYear: Bool, modifier: DateModifier?)
    case decade(Int, modifier: DateModifier?)
    /// A written date that does not exist.
    case invalid(DateError)
    /// Counted from the speaker's now: today (day, 0), last week (week, -1), two days ago (day, -2).
    case deictic(TemporalUnit, Int, partOfDay: String?)
    /// Counted from the last date the text mentioned: the next day (day, +1), that year (year, 0).
    case anaphoric(TemporalUnit, Int, partOfDay: String?)
    /// A day of the week: -1 last, +1 next, 0 this week's, nil as the tense suggests.
    case weekday(Int, direction: Int?, partOfDay: String?)
    case season(DateModifier, year: Int?, relative: Int?)
    /// "recently": before the reference date, no extent.
    case vaguePast
    /// "in recent weeks", "the coming months".
    case vague(past: Bool)
    case duration(TemporalDuration, anchored: Bool)
    case set(String)
    /// A time of day ("12:48 p.m.", "noon", "the morning of 7 December") on a day.
    case time(TimeOfDay, on: TimeOn)
    /// Named events, one candidate list per event mentioned; the reference date picks one from each.
    case events([[NamedEvent]], modifier: DateModifier?)

    /// A clock reading, or a part of the day as TimeML names it (MO, AF, EV, NI).
    enum TimeOfDay {
        case clock(hour: Int, minute: Int)
        case part(String)

        /// The time as TIMEX3 writes it after the date's `T`: "12:48", "MO".
        var value: String {
            switch self {
            case let .clock(hour, minute): ReferenceTime.pad(hour) + ":" + ReferenceTime.pad(minute)
            case let .part(code): code
            }
        }
    }

    /// The date a time of day belongs to.
    enum TimeOn {
        case reference
        case date(year: Int?, month: Int, day: Int, editorialYear: Bool)
    }
}

/// A span of tokens the grammar recognized.
struct TemporalMatch {
    var first: Int
    var last: Int
    /// The byte where the expression ends, when it reaches past its last token (the `]` of "[1962]").
    var end: Int?
    var meaning: TemporalMeaning
}

/// The grammar of temporal expressions, read around trigger tokens of one body.
///
/// Every rule starts at a trigger token (a month, a number, "yesterday",
/// "days", a named event's first word) and reads a few tokens to either side,
/// within the sentence. Spans never cross a sentence.
struct TemporalGrammar {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let index: TriggerIndex
    let gazetteer: EventGazetteer
    /// Years a bare four-digit number may be: telegram numbers ("Embtels 1247, 1248"), quantities ("about
    /// 1000") and page numbers look like years, so a number standing alone counts as a year only within
    /// 120 years before and 30 after the document's date (1400–2100 for an undated document).
    /// Dates written out in full ("8 December 1962") are not limited.
    var plausibleBareYears: ClosedRange<Int> = 1400...2100

    /// The plausible bare years around a document date.
    static func plausibleYears(around date: HistoricalDate?) -> ClosedRange<Int> {
        guard let year = date?.year else { return 1400...2100 }
        return (year - 120)...(year + 30)
    }

    var count: Int { tokens.count }

    // MARK: Token helpers

    /// The token's counting form; short ASCII tokens are folded straight into a small string, without an array.
    func term(_ i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        let range = tokens[i].range
        if range.count <= 15 {
            var ascii = true
            for k in range where bytes[k] >= 0x80 {
                ascii = false
                break
            }
            if ascii {
                return String(unsafeUninitializedCapacity: range.count) { buffer in
                    var j = 0
                    for k in range {
                        let byte = bytes[k]
                        buffer[j] = byte &+ ((byte &- 0x41) < 26 ? 0x20 : 0)
                        j += 1
                    }
                    return j
                }
            }
        }
        return Tokenizer.term(bytes, range)
    }

    /// The byte at offset `k` of token i, or 0.
    func byte(_ i: Int, _ k: Int) -> UInt8 {
        guard i >= 0, i < count, k < tokens[i].range.count else { return 0 }
        return bytes[tokens[i].range.lowerBound + k]
    }

    func word(_ i: Int) -> TemporalLexicon.Word? {
        guard i >= 0, i < count else { return nil }
        return index.words[term(i)]
    }

    func isCapitalized(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let byte = bytes[tokens[i].range.lowerBound]
        return byte >= 0x41 && byte <= 0x5A
    }

    /// True when tokens i and j (j > i) exist and lie in the same sentence.
    func together(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j < count && i <= j && tokens[i].sentence == tokens[j].sentence
    }

    /// The bytes between token i and token i+1 are all in `allowed` (and there is at least one).
    func gap(after i: Int, _ allowed: (UInt8) -> Bool) -> Bool {
        guard together(i, i + 1) else { return false }
        let from = tokens[i].range.upperBound, to = tokens[i + 1].range.lowerBound
        guard from < to, to - from <= 6 else { return false }
        for k in from..<to where !allowed(bytes[k]) { return false }
        return true
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }

    func spaced(_ i: Int) -> Bool { gap(after: i) { Self.isBlank($0) } }

    /// Digits only, up to four.
    func number(_ i: Int) -> Int? {
        guard i >= 0, i < count else { return nil }
        let range = tokens[i].range
        guard range.count <= 4 else { return nil }
        var value = 0
        for k in range {
            let byte = bytes[k]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// A day of the month as written: "8", "08", "8th", "1st" (1–31; the calendar checks the month).
    func dayNumber(_ i: Int) -> Int? {
        guard i >= 0, i < count else { return nil }
        let range = tokens[i].range
        if range.count <= 2, let value = number(i) { return (1...31).contains(value) ? value : nil }
        guard range.count == 3 || range.count == 4 else { return nil }
        let text = term(i)
        guard let value = TemporalLexicon.ordinal(text), text.first?.isNumber == true, (1...31).contains(value) else { return nil }
        return value
    }

    func year(_ i: Int) -> Int? {
        guard i >= 0, i < count, tokens[i].range.count == 4, let value = number(i), (1000...2999).contains(value) else { return nil }
        return value
    }

    func month(_ i: Int) -> (Int, abbreviated: Bool)? {
        guard isCapitalized(i), case let .month(month, abbreviated)? = word(i) else { return nil }
        return (month, abbreviated)
    }

    func quantity(_ i: Int) -> (Int?, first: Int)? {
        guard i >= 0, i < count else { return nil }
        if let value = number(i), tokens[i].range.count <= 3 { return (value, i) }
        let text = term(i)
        if let value = TemporalLexicon.cardinal(text) { return (value, i) }
        if TemporalLexicon.vagueQuantities.contains(text) {
            // "a few", "a couple of": the article belongs to the quantity.
            var first = i
            if term(i - 1) == "a", together(i - 1, i) { first = i - 1 }
            return (nil, first)
        }
        if text == "of", term(i - 1) == "couple" {
            return (nil, term(i - 2) == "a" ? i - 2 : i - 1)
        }
        return nil
    }

    // MARK: Entry point

    /// The expression a trigger token at `i` belongs to, if any.
    func match(at i: Int) -> TemporalMatch? {
        let range = tokens[i].range
        let first = bytes[range.lowerBound]
        if first >= 0x30, first <= 0x39 { return digitLed(i) }
        guard index.mayTrigger(bytes, range) else { return nil }
        let text = term(i)
        guard let entry = index.entries[text] else {
            return range.count >= 8 && TriggerIndex.isMid(bytes, range.lowerBound) ? mid(i, String(text.dropFirst(4))) : nil
        }
        if entry.startsEvent, let found = namedEvent(i, text) { return found }
        guard let word = entry.word else { return nil }
        switch word {
        case .month: return calendar(month: i)
        case let .weekday(day): return weekday(i, day)
        case let .deictic(days, partOfDay): return deicticWord(i, days, partOfDay)
        case let .unit(unit, plural): return unitPhrase(i, unit, plural: plural)
        case let .partOfDay(code): return partOfDay(i, code)
        case let .season(season): return self.season(i, season)
        case .vaguePast: return TemporalMatch(first: i, last: i, meaning: .vaguePast)
        case let .frequency(value): return TemporalMatch(first: i, last: i, meaning: .set(value))
        case .clockSuffix: return nil
        case let .clockWord(hour):
            return TemporalMatch(first: i, last: i, meaning: .time(.clock(hour: hour, minute: 0), on: .reference))
        case .congress: return congress(i)
        }
    }

    // MARK: Calendar dates

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
        let next = byte(i + 1, 0) | 0x20
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

    // MARK: Times of day

    /// A clock time at token i: "8:40 p.m.", "10 a.m.", "3:10-3:40 p.m." (the start is kept).
    func clock(at i: Int) -> (hour: Int, minute: Int, last: Int)? {
        guard together(i, i + 1), case let .clockSuffix(pm)? = word(i + 1) else { return nil }
        let text = term(i)
        let start = text.split(separator: "-").first.map(String.init) ?? text
        let pieces = start.split(separator: ":")
        guard let hour = pieces.first.flatMap({ Int($0) }), (1...12).contains(hour) else { return nil }
        let minute = pieces.count == 2 ? Int(pieces[1]) ?? 0 : 0
        guard (0...59).contains(minute) else { return nil }
        let hour24 = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
        return (hour24, minute, i + 1)
    }

    /// A clock time just after token `last`: ", 8:40 p.m." or " at 3 p.m.".
    func clock(after last: Int) -> (hour: Int, minute: Int, last: Int)? {
        var k = last + 1
        guard together(last, k) else { return nil }
        if term(k) == "at" { k += 1 }
        guard together(last, k), gap(after: k - 1, { Self.isBlank($0) || $0 == UInt8(ascii: ",") }) else { return nil }
        return clock(at: k)
    }

    func partOfDay(_ i: Int, _ code: String) -> TemporalMatch? {
        let before = term(i - 1)
        guard together(i - 1, i) else { return nil }
        switch before {
        case "this": return TemporalMatch(first: i - 1, last: i, meaning: .deictic(.day, 0, partOfDay: code))
        case "last" where code == "NI" || code == "EV":
            return TemporalMatch(first: i - 1, last: i, meaning: .deictic(.day, -1, partOfDay: code))
        case "that": return TemporalMatch(first: i - 1, last: i, meaning: .anaphoric(.day, 0, partOfDay: code))
        case "same", "next", "following", "previous":
            let offset = before == "same" ? 0 : before == "previous" ? -1 : 1
            let first = term(i - 2) == "the" && together(i - 2, i) ? i - 2 : i - 1
            return TemporalMatch(first: first, last: i, meaning: .anaphoric(.day, offset, partOfDay: code))
        case "the":
            // "the morning of 7 December".
            guard term(i + 1) == "of", together(i, i + 2) else { return nil }
            let k = i + 2
            let target: TemporalMatch?
            if month(k) != nil { target = calendar(month: k) } else if dayNumber(k) != nil { target = digitLed(k) } else { target = nil }
            guard let target, target.first == k, case let .calendar(year, month?, day?, editorial, nil) = target.meaning else { return nil }
            return TemporalMatch(first: i - 1, last: target.last, end: target.end,
                                 meaning: .time(.part(code), on: .date(year: year, month: month, day: day, editorialYear: editorial)))
        default: return nil
        }
    }

    func followingPartOfDay(_ i: Int) -> String? {
        guard together(i, i + 1), spaced(i), case let .partOfDay(code)? = word(i + 1) else { return nil }
        return code
    }

    // MARK: Relative words

    func deicticWord(_ i: Int, _ days: Int, _ partOfDay: String?) -> TemporalMatch? {
        var first = i, offset = days, last = i, part = partOfDay
        // "the day before yesterday", "the day after tomorrow".
        if days != 0, together(i - 3, i), term(i - 3) == "the", term(i - 2) == "day", term(i - 1) == (days < 0 ? "before" : "after") {
            first = i - 3
            offset = days * 2
        }
        if part == nil, let code = followingPartOfDay(i) {
            part = code
            last = i + 1
        }
        return TemporalMatch(first: first, last: last, meaning: .deictic(.day, offset, partOfDay: part))
    }

    func weekday(_ i: Int, _ day: Int) -> TemporalMatch? {
        guard isCapitalized(i) else { return nil }
        // "Monday, 10 December 1962": the calendar date carries it.
        if together(i, i + 2), let found = month(i + 1) != nil ? calendar(month: i + 1) : (dayNumber(i + 1) != nil && month(i + 2) != nil ? calendar(month: i + 2) : nil),
           found.first <= i {
            return found
        }
        var first = i
        var direction: Int?
        if together(i - 1, i) {
            switch term(i - 1) {
            case "last", "past": direction = -1
            case "next", "coming": direction = 1
            case "this": direction = 0
            case "every", "each": return TemporalMatch(first: i - 1, last: i, meaning: .set("XXXX-WXX-\(day)"))
            default: break
            }
            if direction != nil { first = i - 1 }
        }
        var last = i
        var part: String?
        if let code = followingPartOfDay(i) {
            part = code
            last = i + 1
        }
        return TemporalMatch(first: first, last: last, meaning: .weekday(day, direction: direction, partOfDay: part))
    }

    /// Phrases around a unit word: "two days ago", "the next day", "last week", "fifty days", "every week".
    func unitPhrase(_ u: Int, _ unit: TemporalUnit, plural: Bool) -> TemporalMatch? {
        let before = together(u - 1, u) ? term(u - 1) : ""
        let after = together(u, u + 1) ? term(u + 1) : ""
        // Sets: "every week", "each year", "every two weeks".
        if before == "every" || before == "each" {
            return TemporalMatch(first: u - 1, last: u, meaning: .set(TemporalDuration(amount: 1, unit: unit).iso))
        }
        if !plural {
            switch before {
            case "next", "following", "previous", "preceding", "same", "subsequent":
                guard term(u - 2) == "the", together(u - 2, u) else {
                    if before == "next", unit != .day { return TemporalMatch(first: u - 1, last: u, meaning: .deictic(unit, 1, partOfDay: nil)) }
                    return nil
                }
                let offset = before == "same" ? 0 : (before == "previous" || before == "preceding") ? -1 : 1
                return TemporalMatch(first: u - 2, last: u, meaning: .anaphoric(unit, offset, partOfDay: nil))
            case "that":
                guard unit != .hour, unit != .minute else { return nil }
                return TemporalMatch(first: u - 1, last: u, meaning: .anaphoric(unit, 0, partOfDay: nil))
            case "last", "this":
                // ("next" is taken by the case above: "the next week" counts from a narrated date, "next week" from now.)
                guard unit != .day, unit != .hour, unit != .minute else { return nil }
                if before == "last", term(u - 2) == "the", together(u - 2, u) {
                    return TemporalMatch(first: u - 2, last: u, meaning: .duration(TemporalDuration(amount: 1, unit: unit), anchored: true))
                }
                let offset = before == "last" ? -1 : 0
                return TemporalMatch(first: u - 1, last: u, meaning: .deictic(unit, offset, partOfDay: nil))
            case "past":
                guard term(u - 2) == "the", together(u - 2, u) else { return nil }
                return TemporalMatch(first: u - 2, last: u, meaning: .duration(TemporalDuration(amount: 1, unit: unit), anchored: true))
            case "the" where unit == .day && (after == "before" || after == "after"):
                // "the day before" / "the day after" closing a clause.
                guard !together(u + 1, u + 2) || !spaced(u + 1) else { return nil }
                return TemporalMatch(first: u - 1, last: u + 1, meaning: .anaphoric(.day, after == "before" ? -1 : 1, partOfDay: nil))
            default: break
            }
        }
        if before == "recent" || before == "coming" {
            let first = term(u - 2) == "the" && together(u - 2, u) ? u - 2 : u - 1
            return TemporalMatch(first: first, last: u, meaning: .vague(past: before == "recent"))
        }
        // A quantity before the unit: "fifty days", "a few weeks", "two days ago".
        guard together(u - 1, u), let (amount, quantityStart) = quantity(u - 1) else { return nil }
        if amount == nil, before == "some" || before == "many", !plural { return nil }
        var first = quantityStart
        let duration = TemporalDuration(amount: amount, unit: unit)
        switch after {
        case "ago":
            return TemporalMatch(first: first, last: u + 1, meaning: amount.map { .deictic(unit, -$0, partOfDay: nil) } ?? .vague(past: true))
        case "later", "afterwards", "afterward":
            return TemporalMatch(first: first, last: u + 1, meaning: amount.map { .anaphoric(unit, $0, partOfDay: nil) } ?? .vague(past: false))
        case "earlier", "before", "previously":
            if after == "before", together(u + 1, u + 2), spaced(u + 1) { break }
            return TemporalMatch(first: first, last: u + 1, meaning: amount.map { .anaphoric(unit, -$0, partOfDay: nil) } ?? .vague(past: true))
        default: break
        }
        // "the past three months", "the last fifty days": up to now.
        let lead = term(first - 1)
        var anchored = false
        if (lead == "past" || lead == "last"), term(first - 2) == "the", together(first - 2, u) {
            first -= 2
            anchored = true
        } else if lead == "for" || lead == "over" {
            // Perfect aspect before "for": "have gone on for fifty days".
            var k = first - 2
            while k >= 0, k >= first - 7, tokens[k].sentence == tokens[u].sentence {
                let t = term(k)
                if t == "have" || t == "has" || t == "had" || t == "'ve" || t.hasSuffix("'ve") || t.hasSuffix("'s") && t == "it's" { anchored = true; break }
                k -= 1
            }
        } else if lead == "in", amount != nil, futureSentence(u) {
            return TemporalMatch(first: first - 1, last: u, meaning: .deictic(unit, amount ?? 0, partOfDay: nil))
        }
        return TemporalMatch(first: first, last: u, meaning: .duration(duration, anchored: anchored))
    }

    /// True when the sentence of token i speaks of the future ("will", "plans", "next").
    func futureSentence(_ i: Int) -> Bool {
        tense(ofSentenceAt: i) == .future
    }

    enum Tense { case past, future, unknown }

    func tense(ofSentenceAt i: Int) -> Tense {
        let sentence = tokens[i].sentence
        var k = i
        while k > 0, tokens[k - 1].sentence == sentence { k -= 1 }
        var past = false
        while k < count, tokens[k].sentence == sentence {
            let t = term(k)
            if TemporalLexicon.futureCues.contains(t) { return .future }
            if TemporalLexicon.pastCues.contains(t) { past = true }
            k += 1
        }
        return past ? .past : .unknown
    }

    func season(_ i: Int, _ season: DateModifier) -> TemporalMatch? {
        var first = i, last = i
        var year: Int?
        var relative: Int?
        // "the spring of 1961", "spring 1961".
        if term(i + 1) == "of", together(i, i + 2), let value = self.year(i + 2) {
            year = value
            last = i + 2
        } else if together(i, i + 1), spaced(i), let value = self.year(i + 1) {
            year = value
            last = i + 1
        }
        let before = together(i - 1, i) ? term(i - 1) : ""
        switch before {
        case "last", "this", "next":
            relative = before == "last" ? -1 : before == "next" ? 1 : 0
            first = i - 1
        case "the":
            first = i - 1
        case "early", "late":
            first = i - 1
            if term(i - 2) == "the", together(i - 2, i) { first = i - 2 }
        default: break
        }
        if year == nil, relative == nil {
            // "in the spring", "during the winter": a bare season needs a preposition and an article.
            guard before == "the", together(i - 2, i), ["in", "during", "by", "until", "since", "through"].contains(term(i - 2)) else { return nil }
        }
        if season == .autumn, term(i) == "fall", year == nil, relative == nil, term(i + 1) == "of" { return nil }
        return TemporalMatch(first: first, last: last, meaning: .season(season, year: year, relative: relative))
    }

    // MARK: Named events

    /// A gazetteer alias starting at `i`; the longest wins, and every event sharing it is a candidate.
    func namedEvent(_ i: Int, _ first: String) -> TemporalMatch? {
        guard let aliases = gazetteer.aliasIndex[first] else { return nil }
        let second = together(i, i + 1) && spaced(i) ? term(i + 1) : ""
        for alias in aliases {
            let last = i + alias.terms.count - 1
            guard together(i, last), alias.terms.count == 1 || alias.terms[1] == second else { continue }
            var matched = true
            for (offset, expected) in alias.terms.enumerated().dropFirst(2) where term(i + offset) != expected || !spaced(i + offset - 1) {
                matched = false
                break
            }
            guard matched else { continue }
            let candidates = aliases.filter { $0.terms == alias.terms }.map { gazetteer.events[$0.event] }
            var first = i
            if term(i - 1) == "the", together(i - 1, i) { first = i - 1 }
            let modifier = boundBefore(first)
            return TemporalMatch(first: first, last: last, meaning: .events([candidates], modifier: modifier))
        }
        return nil
    }

    /// "prior to", "before", "after", "following", "since" just before an event.
    func boundBefore(_ first: Int) -> DateModifier? {
        guard together(first - 1, first) else { return nil }
        switch term(first - 1) {
        case "before": return .before
        case "to" where term(first - 2) == "prior": return .before
        case "after", "following", "since": return .after
        default: return nil
        }
    }

    /// A party congress, by rule: "the Twentieth Congress", "the CPSU congress",
    /// "the party congresses in Bulgaria, Hungary, and Czechoslovakia", "the 22nd Congress of the CPSU".
    func congress(_ c: Int) -> TemporalMatch? {
        let series = gazetteer.seriesEvents("party congress")
        guard !series.isEmpty else { return nil }
        var first = c
        var number: Int?
        // Left: "the", an ordinal, "party", words naming the party or country.
        var k = c - 1
        while together(k, c), c - k <= 5 {
            let t = term(k)
            if t == "party" || t == "the" || identifies(t, in: series) {
                first = k
            } else if let value = TemporalLexicon.ordinal(t) {
                number = value
                first = k
            } else {
                break
            }
            k -= 1
        }
        // Right: "of the CPSU", "in Bulgaria, Hungary, and Czechoslovakia".
        var last = c
        if ["of", "in"].contains(term(c + 1)), together(c, c + 1) {
            var j = c + 2
            var lastNamed: Int?
            while together(c, j), j - c <= 14 {
                let t = term(j)
                if isCapitalized(j) || identifies(t, in: series) || ["the", "and", "of"].contains(t) {
                    if isCapitalized(j) || identifies(t, in: series) { lastNamed = j }
                    j += 1
                } else {
                    break
                }
            }
            if let lastNamed { last = lastNamed }
        }
        // Which countries are named, in order.
        var groups: [[NamedEvent]] = []
        var seen: Set<String> = []
        var j = first
        while j <= last {
            for event in series where !seen.contains(event.country ?? event.name) {
                if let length = identifierLength(at: j, event.identifiers + [event.country].compactMap { $0 }, limit: last), length > 0 {
                    let key = event.country ?? event.name
                    seen.insert(key)
                    var candidates = series.filter { ($0.country ?? $0.name) == key }
                    if let number { candidates = candidates.filter { $0.number == number } }
                    if !candidates.isEmpty { groups.append(candidates) }
                }
            }
            j += 1
        }
        if groups.isEmpty, let number {
            let candidates = series.filter { $0.number == number }
            if !candidates.isEmpty { groups.append(candidates) }
        }
        guard !groups.isEmpty else { return nil }
        if term(first) != "the", term(first - 1) == "the", together(first - 1, c) { first -= 1 }
        let modifier = boundBefore(first)
        return TemporalMatch(first: first, last: last, meaning: .events(groups, modifier: modifier))
    }

    private func identifies(_ term: String, in series: [NamedEvent]) -> Bool {
        series.contains { event in (event.identifiers + [event.country].compactMap { $0 }).contains { EventGazetteer.terms($0).first == term } }
    }

    /// How many tokens from `j` spell one of `names`, if any.
    private func identifierLength(at j: Int, _ names: [String], limit: Int) -> Int? {
        for name in names {
            let terms = EventGazetteer.terms(name)
            guard !terms.isEmpty, j + terms.count - 1 <= limit else { continue }
            if terms.enumerated().allSatisfy({ term(j + $0.offset) == $0.element }) { return terms.count }
        }
        return nil
    }
}
