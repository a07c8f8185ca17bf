import ChanceryCorpus

/// Times of day: clock readings, "noon", parts of the day.
extension TemporalGrammar {
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
}
