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
        } else if term(m - 1) == "of", term(m - 3) == "the", together(m - 3, m), let value = ordinalDay(m - 2) {
            // "the first of September" is a day, not the month (Documentation/TemporalAnnotation.md, section 5).
            day = value
            first = m - 3
        }
        var last = m
        var k = m + 1
        // Day after: "December 8", "Dec. 8"; a range of days in one token, "June 3-4" (the end comes after the year).
        var rangeDay: (day: Int, start: Int)?
        if day == nil, together(m, k), gap(after: m, { Self.isBlank($0) || $0 == UInt8(ascii: ".") }) {
            if let value = dayNumber(k) {
                day = value
                last = k
                k += 1
            } else if let (from, to, offset) = dayRange(k) {
                day = from
                rangeDay = (to, tokens[k].range.lowerBound + offset)
                last = k
                k += 1
            }
        }
        // An editor's correction of the day: "September 1 [8], 1951", "September 30 [29], 1958". The bracket wins
        // (Documentation/TemporalAnnotation.md, section 5, rule 1); the printed day is kept in `printed`.
        var end: Int?
        var printed: String?
        var corrected = false
        if day != nil, together(last, k), tokens[k].isEditorial, !tokens[last].isEditorial, tokens[k].range.count <= 2,
           gap(after: last, { Self.isBlank($0) || $0 == UInt8(ascii: "[") }), let value = dayNumber(k) {
            let from = tokens[first].range.lowerBound, to = tokens[last].range.upperBound
            printed = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            day = value
            last = k
            end = closingBracket(after: k)
            corrected = true
            k += 1
        }
        // Year: ", 1962", " 1962", " [1962]", " [(1962)]", " of 1962"; after a corrected day, "], 1951".
        var year: Int?
        var editorial = false
        if together(last, k), let value = self.year(k), corrected, !tokens[k].isEditorial,
           gap(after: last, { Self.isBlank($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: ")") }) {
            year = value
            last = k
            end = nil
        } else if corrected {
            // The correction stands without a year.
        } else if together(last, k), let value = self.year(k) {
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
                // "May 5, 1954 [1958]": the editor's year wins.
                if let fixedYear = correctedYear(after: k) {
                    let from = tokens[first].range.lowerBound, to = tokens[k].range.upperBound
                    printed = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
                    year = fixedYear
                    last = k + 1
                    end = closingBracket(after: k + 1)
                    corrected = true
                }
            }
        } else if day == nil, term(k) == "of", together(last, k + 1), let value = self.year(k + 1) {
            year = value
            last = k + 1
        }
        // A year at the end of a coordination: "April 5 and 6, 1961", "May 3 and June 7, 1962", "October 9, 10,
        // and 11, 1961" (Documentation/TemporalAnnotation.md, section 5, rule 2). The expression keeps its own words.
        if year == nil, !corrected, let value = coordinatedYear(after: last) {
            year = value
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
        // "last June", "next June", "this June": counted from the reference month, the word is part of the expression.
        if day == nil, year == nil, modifier == nil, !abbreviated, together(first - 1, first) {
            let direction: Int? = switch term(first - 1) {
            case "last": -1
            case "next": 1
            case "this": 0
            default: nil
            }
            if let direction { return TemporalMatch(first: first - 1, last: last, meaning: .relativeMonth(month, direction: direction)) }
        }
        if day == nil, year == nil {
            // A bare month needs a cue ("in March") and its full name; "May" and "March" are verbs too.
            guard !abbreviated, modifier != nil || (together(first - 1, first) && TemporalLexicon.dateCues.contains(term(first - 1))) else { return nil }
        }
        if abbreviated, day == nil, year == nil { return nil }
        if let (to, start) = rangeDay, let from = day {
            // "June 3-4, 1961": "June 3" and "4, 1961", the start linked to the end; both take the year.
            let startEnd = start - 1
            let tail = TemporalMatch(first: m + 1, last: last, meaning: .calendar(year: year, month: month, day: to, editorialYear: false, modifier: nil),
                                     start: start)
            return TemporalMatch(first: first, last: last, end: startEnd,
                                 meaning: .calendar(year: year, month: month, day: from, editorialYear: false, modifier: nil), tail: [tail])
        }
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
        return TemporalMatch(first: first, last: last, end: end, meaning: .calendar(year: year, month: month, day: day, editorialYear: editorial || corrected, modifier: modifier),
                             printed: printed)
    }

    /// A day written as an ordinal word: "first" in "the first of September" (not a Roman numeral).
    func ordinalDay(_ i: Int) -> Int? {
        guard i >= 0, i < count, !(0x30...0x39).contains(bytes[tokens[i].range.lowerBound]) else { return nil }
        let text = term(i)
        guard TemporalLexicon.roman(text) == nil, let value = TemporalLexicon.ordinal(text), (1...31).contains(value) else { return nil }
        return value
    }

    /// True when the bytes between token i and the next are blanks and commas only.
    func listGap(after i: Int) -> Bool {
        gap(after: i) { Self.isBlank($0) || $0 == UInt8(ascii: ",") }
    }

    /// A one- or two-digit day ("6", "06"), or "6th"; never an editor's bracket.
    func listDay(_ i: Int) -> Bool {
        i >= 0 && i < count && !tokens[i].isEditorial && dayNumber(i) != nil
    }

    /// The year a coordination of dates ends in, read after token `i`: "and 6, 1961" after "April 5", "and June 7,
    /// 1962" after "May 3", ", 10, and 11, 1961" after "October 9". Only days, months, "and", "or", blanks and commas
    /// may come between, at most eight tokens, and an "and" or "or" must join them; the year follows a day or a month.
    func coordinatedYear(after i: Int) -> Int? {
        var k = i + 1
        var joined = false
        while k <= i + 8, together(i, k), listGap(after: k - 1) {
            let t = term(k)
            if t == "and" || t == "or" {
                joined = true
            } else if let value = year(k), !tokens[k].isEditorial {
                return joined && (listDay(k - 1) || month(k - 1) != nil) ? value : nil
            } else if !listDay(k) && month(k) == nil {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A day coordinated with a date that names its month: "6, 1961" of "April 5 and 6, 1961", "10" of "October 9,
    /// 10, and 11, 1961", "5" of "5 and 6 April 1961". The month comes from the date before it (its "Month D" opens
    /// the chain) or after it ("D Month"), the year from the end of the coordination; only days, "and", "or",
    /// blanks and commas lie between. Each conjunct is an expression of its own words.
    func coordinatedDay(_ i: Int) -> TemporalMatch? {
        guard tokens[i].range.count <= 2, listDay(i), let day = dayNumber(i) else { return nil }
        let joinedBefore = ["and", "or"].contains(term(i - 1))
        let joinedAfter = ["and", "or"].contains(term(i + 1))
        let commaBefore = i > 0 && tokens[i].range.lowerBound >= 2 && bytes[tokens[i].range.lowerBound - 2] == UInt8(ascii: ",")
        let commaAfter = tokens[i].range.upperBound < bytes.count && bytes[tokens[i].range.upperBound] == UInt8(ascii: ",")
        guard joinedBefore || joinedAfter || commaBefore || commaAfter else { return nil }
        // The month before: walk back over days, "and", "or" to a "Month D".
        var j = i - 1
        while j >= i - 8, together(j, i), listGap(after: j) {
            if let (month, _) = month(j) {
                guard j + 1 < i, listDay(j + 1) else { return nil }
                var year: Int?
                var last = i
                if together(i, i + 1), listGap(after: i), let value = self.year(i + 1), !tokens[i + 1].isEditorial {
                    year = value
                    last = i + 1
                } else if let value = coordinatedYear(after: i) {
                    year = value
                } else if !joinedBefore {
                    return nil
                }
                return TemporalMatch(first: i, last: last, meaning: .calendar(year: year, month: month, day: day, editorialYear: false, modifier: nil))
            }
            guard ["and", "or"].contains(term(j)) || listDay(j) else { break }
            j -= 1
        }
        // The month after: walk forward over days, "and", "or" to a "D Month [Year]".
        guard joinedAfter || commaAfter else { return nil }
        var k = i + 1
        var joined = false
        while k <= i + 8, together(i, k), listGap(after: k - 1) || spaced(k - 1) {
            if let (month, _) = month(k) {
                guard joined, k - 1 > i, listDay(k - 1), spaced(k - 1) else { return nil }
                var year: Int?
                if together(k, k + 1), listGap(after: k), let value = self.year(k + 1), !tokens[k + 1].isEditorial { year = value }
                return TemporalMatch(first: i, last: i, meaning: .calendar(year: year, month: month, day: day, editorialYear: false, modifier: nil))
            }
            if ["and", "or"].contains(term(k)) { joined = true } else if !listDay(k) { return nil }
            k += 1
        }
        return nil
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
        // A day coordinated with a dated day: "6, 1961" of "April 5 and 6, 1961", "5" of "5 and 6 April 1961".
        if length <= 2, let found = coordinatedDay(i) { return found }
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
        if hasHyphen, let range = yearRange(i, text) { return range }
        if hasPeriod || slash, let numeric = numericDate(i) { return numeric }
        // A bare year, when a word before it says it is one: "in 1962", "since 1958", "the end of 1961".
        if let value = year(i), plausibleBareYears.contains(value) {
            var (modifier, first) = modifierBefore(i)
            let cue = term(first - 1)
            let previousIsYear = year(first - 2) != nil && (cue == "and" || cue == "or" || cue == "to" || cue == "through")
            // The start of a range or coordination of years needs no cue: "1961 to 1965", "1953 and 1954", "1961–1965".
            let nextIsYear = together(i, i + 2) && ["to", "through", "and", "or"].contains(term(i + 1))
                && year(i + 2).map { plausibleBareYears.contains($0) && $0 > value } == true
            let dashed = together(i, i + 1) && rangeDash(after: i) && year(i + 1).map { plausibleBareYears.contains($0) && $0 > value } == true
            let afterDash = together(i - 1, i) && rangeDash(after: i - 1) && year(i - 1).map { $0 < value } == true
            guard modifier != nil || nextIsYear || dashed || afterDash || together(first - 1, i) && (
                (TemporalLexicon.dateCues.contains(cue) && !["and", "or", "to", "for"].contains(cue)) || previousIsYear || cue == "to" && term(first - 3) == "from")
            else {
                return nil
            }
            if modifier == nil, ["early", "late"].contains(cue) {
                modifier = cue == "early" ? .start : .end
                first -= 1
            }
            let editorial = tokens[i].isEditorial
            // An editor's correction of the year: "1954 [1958]" is 1958, the printed year kept.
            if !editorial, let corrected = correctedYear(after: i) {
                return TemporalMatch(first: first, last: i + 1, end: closingBracket(after: i + 1),
                                     meaning: .calendar(year: corrected, month: nil, day: nil, editorialYear: true, modifier: modifier),
                                     printed: term(i))
            }
            return TemporalMatch(first: first, last: i, end: editorial ? closingBracket(after: i) : nil,
                                 meaning: .calendar(year: value, month: nil, day: nil, editorialYear: editorial, modifier: modifier))
        }
        return nil
    }

    /// The year in an editor's bracket right after the printed year at token i: the "[1958]" of "1954 [1958]".
    func correctedYear(after i: Int) -> Int? {
        guard together(i, i + 1), tokens[i + 1].isEditorial, !tokens[i].isEditorial, let value = year(i + 1),
              gap(after: i, { Self.isBlank($0) || $0 == UInt8(ascii: "[") }) else { return nil }
        return value
    }

    /// True when the bytes between token i and the next are a dash, maybe spaced: the "–" of "1961–1965".
    func rangeDash(after i: Int) -> Bool {
        var dash = false
        let ok = gap(after: i) { byte in
            if byte == UInt8(ascii: "-") || byte == 0x93 || byte == 0x94 { dash = true; return true }
            return Self.isBlank(byte) || byte == 0xE2 || byte == 0x80
        }
        return ok && dash
    }

    /// A range of days written as one token, "3-4": the two days and the offset of the second in the token.
    func dayRange(_ i: Int) -> (Int, Int, Int)? {
        guard i >= 0, i < count, tokens[i].range.count >= 3, tokens[i].range.count <= 5 else { return nil }
        let parts = term(i).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let from = Int(parts[0]), let to = Int(parts[1]), (1...31).contains(from), (1...31).contains(to), to > from
        else { return nil }
        return (from, to, parts[0].count + 1)
    }

    /// Two months in one token, "August-September" (full names, the second capitalized): two expressions, the start
    /// linked to the end, both taking a year that follows ("August-September 1958") or else the reference's; without a
    /// year a cue must precede, as for a bare month ("of April-May").
    func monthRange(_ i: Int) -> TemporalMatch? {
        let range = tokens[i].range
        // A month name has 3 to 9 letters: the hyphen is among the bytes 3...9, then a capital.
        guard range.count <= 19 else { return nil }
        var hyphen: Int?
        for k in (range.lowerBound + 3)...min(range.lowerBound + 9, range.upperBound - 4) where bytes[k] == UInt8(ascii: "-") {
            hyphen = k
            break
        }
        guard let hyphen, ASCII.isUppercase(bytes[hyphen + 1]), index.mayTrigger(bytes, range.lowerBound..<hyphen) else { return nil }
        let parts = term(i).split(separator: "-")
        guard parts.count == 2, case let .month(from, false)? = index.words[String(parts[0])],
              case let .month(to, false)? = index.words[String(parts[1])] else { return nil }
        var year: Int?
        var last = i
        if together(i, i + 1), listGap(after: i), let value = self.year(i + 1), !tokens[i + 1].isEditorial {
            year = value
            last = i + 1
        } else {
            guard together(i - 1, i), TemporalLexicon.dateCues.contains(term(i - 1)) else { return nil }
        }
        let tail = TemporalMatch(first: i, last: last, meaning: .calendar(year: year, month: to, day: nil, editorialYear: false, modifier: nil),
                                 start: hyphen + 1)
        return TemporalMatch(first: i, last: last, end: hyphen,
                             meaning: .calendar(year: year, month: from, day: nil, editorialYear: false, modifier: nil), tail: [tail])
    }

    /// A range of years written as one token, "1961-1963" or "1953-54": two expressions, "1961" and "1963" (the end
    /// takes its century from the start), the start linked to the end (`ReferenceTime`). Both years must be plausible
    /// for the document (`plausibleBareYears`) and the end after the start, so most message numbers ("Embtels
    /// 1247-1248") stay out.
    func yearRange(_ i: Int, _ text: String) -> TemporalMatch? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4 || parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let from = Int(parts[0]), var to = Int(parts[1]), plausibleBareYears.contains(from) else { return nil }
        if parts[1].count == 2 { to += from - from % 100 }
        guard to > from, plausibleBareYears.contains(to) else { return nil }
        let lower = tokens[i].range.lowerBound
        let end = TemporalMatch(first: i, last: i, meaning: .calendar(year: to, month: nil, day: nil, editorialYear: false, modifier: nil),
                                start: lower + 5)
        return TemporalMatch(first: i, last: i, end: lower + 4,
                             meaning: .calendar(year: from, month: nil, day: nil, editorialYear: false, modifier: nil), tail: [end])
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
