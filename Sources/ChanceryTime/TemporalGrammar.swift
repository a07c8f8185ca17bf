import ChanceryCorpus

/// What a matched span of tokens means, before it is counted from a reference date.
enum TemporalMeaning {
    /// A calendar date; a missing year is completed from the reference date.
    case calendar(year: Int?, month: Int?, day: Int?, editorialYear: Bool, modifier: DateModifier?)
    case decade(Int, modifier: DateModifier?)
    /// A month counted from the reference date: "last June" (-1, the latest June before the reference's month),
    /// "next June" (+1, the first after it), "this June" (0, the reference's year).
    case relativeMonth(Int, direction: Int)
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
    /// What the text printed where an editor's bracket corrects it ("September 1" of "September 1 [8], 1951").
    var printed: String? = nil
    /// The byte where the expression starts, when it starts inside its first token (the "1963" of "1961-1963").
    var start: Int? = nil
    /// Expressions that follow in the same token, resolved right after this one ("1963" after "1961" in "1961-1963").
    var tail: [TemporalMatch] = []
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

    /// The token's counting form (`Tokenizer.term`, which folds an ASCII token straight into the new string).
    ///
    /// The grammar had its own copy of that ASCII path; calling into ChanceryCorpus for each term instead costs
    /// `chancery timeline` on ../shared/corpora under 0.1 % more instructions (callgrind, about as much as two runs
    /// of the same binary differ).
    func term(_ i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        return Tokenizer.term(bytes, tokens[i].range)
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
        return ASCII.isUppercase(bytes[tokens[i].range.lowerBound])
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
        // "August-September 1958", "April-May": two months in one token (TriggerIndex knows single words only).
        if range.count >= 7, ASCII.isUppercase(first), let found = monthRange(i) { return found }
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
}
