import ChanceryCorpus

/// Counts matched expressions from the reference dates and keeps track of the narration.
struct ReferenceTime {
    let grammar: TemporalGrammar
    let documentDate: HistoricalDate?
    /// The date the text is narrating (from a sentence-opening day date), if any.
    var narrated: HistoricalDate?
    /// The last date mentioned, for anaphora.
    var lastMentioned: HistoricalDate?
    var tagging = TemporalTagging()
    /// Index of the token after the last resolved expression.
    var lastEnd = 0
    /// Index of the first token of the last resolved expression (a range's start, when the next one is its end).
    var lastFirst = -1

    init(grammar: TemporalGrammar, documentDate: HistoricalDate?) {
        self.grammar = grammar
        self.documentDate = documentDate
    }

    var deicticAnchor: (HistoricalDate?, TemporalResolution) {
        if let narrated { return (narrated, .narrative) }
        return (documentDate, .relative)
    }

    func anaphoricAnchor(_ precision: DatePrecision) -> (HistoricalDate?, TemporalResolution) {
        if let lastMentioned, lastMentioned.precision >= precision { return (lastMentioned, .narrative) }
        return deicticAnchor
    }

    /// True when only opening words ("On", "In", "Then") stand before token `first` in its sentence.
    func opensSentence(_ first: Int) -> Bool {
        let sentence = grammar.tokens[first].sentence
        var k = first - 1
        var words = 0
        while k >= 0, grammar.tokens[k].sentence == sentence {
            guard TemporalLexicon.openers.contains(grammar.term(k)), words < 3 else { return false }
            words += 1
            k -= 1
        }
        return true
    }

    mutating func resolve(_ match: TemporalMatch) {
        let tokens = grammar.tokens
        let lower = match.start ?? tokens[match.first].range.lowerBound
        let upper = match.end ?? tokens[match.last].range.upperBound
        let text = String(decoding: UnsafeBufferPointer(rebasing: grammar.bytes[lower..<upper]), as: UTF8.self)
        let sentence = tokens[match.first].sentence
        let editorial = (match.first...match.last).allSatisfy { tokens[$0].isEditorial }
        var expression = TemporalExpression(range: lower..<upper, text: text, sentence: sentence, kind: .date, value: "",
                                            date: nil, resolution: .explicit, isEditorial: editorial)
        let previousFirst = lastFirst
        lastEnd = match.last + 1
        lastFirst = match.first
        var setsNarration = false
        expression.printed = match.printed

        switch match.meaning {
        case let .invalid(error):
            tagging.rejected.append(RejectedDate(range: lower..<upper, text: text, sentence: sentence, reason: error.description))
            return

        case let .calendar(year, month, day, editorialYear, modifier):
            expression.modifier = modifier
            if let year {
                expression.date = Self.date(year: year, month: month, day: day)
                expression.resolution = editorialYear ? .editorial : .explicit
            } else if let month {
                let (anchor, resolution) = deicticAnchor
                expression.anchor = anchor
                expression.resolution = resolution
                if let anchor {
                    let completed = complete(month: month, day: day, from: anchor, at: match, resolution: resolution)
                    expression.date = Self.date(year: completed, month: month, day: day)
                } else {
                    expression.value = "XXXX-" + Self.pad(month) + (day.map { "-" + Self.pad($0) } ?? "")
                }
            }
            setsNarration = day != nil

        case let .relativeMonth(month, direction):
            let (anchor, resolution) = deicticAnchor
            expression.anchor = anchor
            expression.resolution = resolution
            if let anchor {
                var year = anchor.year
                if let anchorMonth = anchor.month {
                    // "last June": the latest June before the reference's month; "next June": the first after it.
                    if direction < 0, month >= anchorMonth { year -= 1 }
                    if direction > 0, month <= anchorMonth { year += 1 }
                } else {
                    year += direction
                }
                expression.date = Self.date(year: year, month: month, day: nil)
            } else {
                expression.value = "XXXX-" + Self.pad(month)
            }

        case let .decade(decade, modifier):
            expression.date = try? HistoricalDate(decade: decade)
            expression.modifier = modifier

        case let .deictic(unit, offset, partOfDay):
            let (anchor, resolution) = deicticAnchor
            expression.resolution = resolution
            expression.anchor = anchor
            place(&expression, anchor: anchor, unit: unit, offset: offset, partOfDay: partOfDay)

        case let .anaphoric(unit, offset, partOfDay):
            let needed: DatePrecision = switch unit {
            case .minute, .hour, .day, .week: .day
            case .month: .month
            case .year: .year
            case .decade: .decade
            }
            let (anchor, resolution) = anaphoricAnchor(needed)
            expression.resolution = resolution
            expression.anchor = anchor
            place(&expression, anchor: anchor, unit: unit, offset: offset, partOfDay: partOfDay)
            setsNarration = unit == .day

        case let .weekday(day, direction, partOfDay):
            let (anchor, resolution) = deicticAnchor
            expression.resolution = resolution
            expression.anchor = anchor
            if let anchor, anchor.precision == .day {
                let today = anchor.isoWeekday
                var delta: Int
                let forward = direction.map { $0 > 0 } ?? (grammar.tense(ofSentenceAt: match.first) == .future)
                if direction == 0 {
                    delta = day - today
                } else if forward {
                    delta = (day - today + 7) % 7
                    if delta == 0 { delta = 7 }
                } else {
                    delta = -((today - day + 7) % 7)
                    if delta == 0 { delta = -7 }
                }
                expression.date = anchor.adding(days: delta)
            } else {
                expression.value = "XXXX-WXX-\(day)"
            }
            if let partOfDay, let date = expression.date {
                expression.kind = .time
                expression.value = date.iso + "T" + partOfDay
            }

        case let .season(season, year, relative):
            expression.modifier = season
            if let year {
                expression.date = try? HistoricalDate(year: year)
            } else {
                let (anchor, resolution) = deicticAnchor
                expression.resolution = resolution
                expression.anchor = anchor
                if let anchor {
                    var value = anchor.year + (relative ?? 0)
                    if let relative, let month = anchor.month {
                        value = Self.seasonYear(season, relative: relative, year: anchor.year, month: month)
                    } else if relative == nil {
                        let (first, last) = Self.seasonMonths(season)
                        let month = anchor.month ?? 6
                        switch grammar.tense(ofSentenceAt: match.first) {
                        case .past where first > month && season != .winter: value -= 1
                        case .future where last < month && season != .winter: value += 1
                        default: break
                        }
                    }
                    expression.date = try? HistoricalDate(year: value)
                } else {
                    expression.value = "XXXX-" + season.rawValue
                }
            }
            if let date = expression.date { expression.value = date.iso + "-" + season.rawValue }

        case .vaguePast, .vague:
            var past = true
            if case let .vague(value) = match.meaning { past = value }
            let (anchor, resolution) = deicticAnchor
            expression.resolution = resolution
            expression.anchor = anchor
            expression.date = anchor
            expression.isVague = true
            expression.value = past ? "PAST_REF" : "FUTURE_REF"

        case let .duration(duration, anchored):
            expression.kind = .duration
            expression.duration = duration
            expression.value = duration.iso
            expression.isVague = duration.amount == nil
            if anchored {
                let (anchor, resolution) = deicticAnchor
                expression.resolution = resolution
                expression.anchor = anchor
                expression.date = anchor
                if let anchor, let amount = duration.amount {
                    expression.impliedStart = Self.start(of: amount, duration.unit, before: anchor)
                }
            }

        case let .set(value):
            expression.kind = .set
            expression.value = value

        case let .time(timeOfDay, on):
            expression.kind = .time
            let time = timeOfDay.value
            switch on {
            case .reference:
                let (anchor, resolution) = deicticAnchor
                expression.resolution = resolution
                expression.anchor = anchor
                expression.date = anchor?.precision == .day ? anchor : nil
                expression.value = (expression.date?.iso ?? "XXXX-XX-XX") + "T" + time
            case let .date(year, month, day, editorialYear):
                if let year {
                    expression.date = Self.date(year: year, month: month, day: day)
                    expression.resolution = editorialYear ? .editorial : .explicit
                } else {
                    let (anchor, resolution) = deicticAnchor
                    expression.resolution = resolution
                    expression.anchor = anchor
                    if let anchor { expression.date = Self.date(year: complete(month: month, day: day, from: anchor, at: match, resolution: resolution), month: month, day: day) }
                }
                expression.value = (expression.date?.iso ?? "XXXX-" + Self.pad(month) + "-" + Self.pad(day)) + "T" + time
                setsNarration = true
            }

        case let .events(groups, modifier):
            let reference = deicticAnchor.0 ?? documentDate
            let chosen = groups.map { Self.pick($0, for: reference) }
            let earliest = chosen.min { $0.date < $1.date }
            expression.resolution = .event
            expression.events = chosen.map(\.name)
            expression.date = earliest?.date
            expression.modifier = modifier
            // "After the Korean War" lies after the war's end, not after its first month: with AFTER the
            // expression takes the latest known end of the events named.
            if modifier == .after, let end = chosen.compactMap({ $0.end ?? $0.start }).max() {
                expression.date = end
            }
        }

        if expression.value.isEmpty { expression.value = expression.date?.iso ?? "" }
        // The end of a range: "1961 to 1965", "between 3 March and 9 April", "1961–1963". The start links to it.
        var rangeStart: HistoricalDate?
        if let previous = tagging.expressions.indices.last, tagging.expressions[previous].sentence == sentence,
           tagging.expressions[previous].rangeEnd == nil, tagging.expressions[previous].kind == expression.kind,
           previousFirst >= 0, joinsRange(tagging.expressions[previous].range, expression.range, startToken: previousFirst) {
            rangeStart = tagging.expressions[previous].date
            // A year-less end does not run before its start: "April-May" in April 1961 ends in May 1961.
            if let start = rangeStart, let end = expression.date, end < start, expression.kind == .date,
               expression.resolution == .relative || expression.resolution == .narrative, end.precision >= .month {
                expression.date = end.adding(years: 1)
                expression.value = expression.date?.iso ?? expression.value
            }
            tagging.expressions[previous].rangeEnd = TemporalRangeEnd(range: expression.range, value: expression.value, date: expression.date)
        }
        if let date = expression.date, !expression.isVague, expression.kind == .date || expression.kind == .time, mentionsCalendar(match.meaning) {
            // After a range the anaphora count from its start ("June 3-4 ... the next morning" is the 4th).
            lastMentioned = rangeStart ?? date
            if setsNarration, date.precision == .day, !editorial, opensSentence(match.first) {
                narrated = date
                expression.opensNarration = true
            }
        }
        tagging.expressions.append(expression)
    }

    /// Calendar and anaphoric dates become the reference for anaphora; deictic ones ("yesterday" in reported speech) do not.
    private func mentionsCalendar(_ meaning: TemporalMeaning) -> Bool {
        switch meaning {
        case .calendar, .decade, .anaphoric, .time, .relativeMonth: true
        default: false
        }
    }

    /// Sets the date and value of an expression `offset` units from `anchor`.
    private func place(_ expression: inout TemporalExpression, anchor: HistoricalDate?, unit: TemporalUnit, offset: Int, partOfDay: String?) {
        guard let anchor else {
            expression.value = unit == .week ? "XXXX-WXX" : "XXXX-XX-XX"
            return
        }
        switch unit {
        case .minute, .hour, .day:
            let days = unit == .day ? offset : 0
            if anchor.precision == .day {
                expression.date = anchor.adding(days: days)
            } else {
                expression.date = anchor
                expression.isVague = true
            }
            if unit != .day { expression.kind = .time }
        case .week:
            if anchor.precision == .day {
                let day = anchor.adding(days: 7 * offset)
                expression.date = day.monthOfWeek
                expression.value = day.isoWeekText
            } else {
                expression.date = anchor
                expression.isVague = true
            }
        case .month:
            expression.date = anchor.precision >= .month ? anchor.truncated(to: .month).adding(months: offset) : anchor
        case .year:
            expression.date = anchor.truncated(to: .year).adding(years: offset)
        case .decade:
            let year = anchor.year - anchor.year % 10 + 10 * offset
            expression.date = try? HistoricalDate(decade: year)
        }
        if let partOfDay, let date = expression.date {
            expression.kind = .time
            expression.value = date.iso + "T" + partOfDay
        }
    }

    /// True when the text between two expressions of a sentence makes them the ends of one range: a dash, "to",
    /// "through", "until", "till", or "and" after a "between" before the start.
    private func joinsRange(_ start: Range<Int>, _ end: Range<Int>, startToken: Int) -> Bool {
        guard start.upperBound <= end.lowerBound, end.lowerBound - start.upperBound <= 12 else { return false }
        let between = String(decoding: UnsafeBufferPointer(rebasing: grammar.bytes[start.upperBound..<end.lowerBound]), as: UTF8.self)
        let words = between.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count == 1 else { return false }
        switch words[0].lowercased() {
        case "-", "–", "—", "to", "through", "until", "till", "thru": return true
        case "and": return grammar.term(startToken - 1) == "between" && grammar.together(startToken - 1, startToken)
        default: return false
        }
    }

    /// The year for a year-less month (and day), from the anchor and the direction the text gives.
    ///
    /// The rule (Documentation/TemporalAnnotation.md, section 5, rule 2): when the text looks back — a cue just
    /// before the date ("since", "last", "dated", "of" after a memorandum, letter or telegram) or, failing one, a
    /// past-tense word nearest to it in its sentence ("visited", "said", "was") — the date is the latest such date on
    /// or before the reference; when it looks forward ("next", or a future word nearest to it: "will", "plans",
    /// "scheduled") the next one on or after it; with no cue, the one nearest the reference (within six months).
    /// `TemporalGrammar.direction(ofDateAt:last:)` reads the cues. A narrated date is not the writer's now (an
    /// editorial note narrating 5 September cites "a memorandum of September 6"), so from it a date of the same
    /// year up to a month on the wrong side still counts as looking back (or forward).
    private func complete(month: Int, day: Int?, from anchor: HistoricalDate, at match: TemporalMatch, resolution: TemporalResolution) -> Int {
        guard anchor.precision >= .month else { return anchor.year }
        let sameYear = (try? HistoricalDate(year: anchor.year, month: month)) ?? anchor
        let anchorMonth = anchor.truncated(to: .month)
        let direction = grammar.direction(ofDateAt: match.first, last: match.last)
        if resolution == .narrative, direction != .unknown, anchor.precision == .day,
           let candidate = try? HistoricalDate(year: anchor.year, month: month, day: min(day ?? 1, HistoricalDate.daysIn(month: month, year: anchor.year))),
           abs(anchor.days(to: candidate)) <= 31 {
            return anchor.year
        }
        switch direction {
        case .past:
            if sameYear > anchorMonth { return anchor.year - 1 }
            if sameYear == anchorMonth, let day, let anchorDay = anchor.day, day > anchorDay { return anchor.year - 1 }
            return anchor.year
        case .future:
            if sameYear < anchorMonth { return anchor.year + 1 }
            if sameYear == anchorMonth, let day, let anchorDay = anchor.day, day < anchorDay { return anchor.year + 1 }
            return anchor.year
        case .unknown:
            return YearCompletion.nearest(month: month, day: day, to: anchor)
        }
    }

    /// The event of a list that a mention read on `reference` most likely means: the latest begun by then, else the earliest.
    static func pick(_ candidates: [NamedEvent], for reference: HistoricalDate?) -> NamedEvent {
        let sorted = candidates.sorted { ($0.start ?? $0.date) < ($1.start ?? $1.date) }
        guard let reference else { return sorted[0] }
        return sorted.last { ($0.start ?? $0.date).firstDay <= reference.lastDay } ?? sorted[0]
    }

    static func date(year: Int, month: Int?, day: Int?) -> HistoricalDate? {
        if let month, let day { return try? HistoricalDate(year: year, month: month, day: day) }
        if let month { return try? HistoricalDate(year: year, month: month) }
        return try? HistoricalDate(year: year)
    }

    /// Where a duration of `amount` units ending at `end` began, at the precision the unit allows.
    static func start(of amount: Int, _ unit: TemporalUnit, before end: HistoricalDate) -> HistoricalDate {
        switch unit {
        case .minute, .hour: return end
        case .day: return end.precision == .day ? end.adding(days: -amount) : end
        case .week: return end.precision == .day ? end.adding(days: -7 * amount) : end
        case .month: return end.truncated(to: .month).adding(months: -amount)
        case .year: return end.truncated(to: .year).adding(years: -amount)
        case .decade: return end.truncated(to: .year).adding(years: -10 * amount)
        }
    }

    /// The year that names the season `relative` seasons from the reference month: "last spring" (-1) is the latest
    /// spring that ended before the reference month, so 1958-SP in September 1958 and 1957-SP in April 1958; "next
    /// spring" (+1) the first that begins after it; "this spring" (0) the reference year's, and "this winter" in
    /// January or February the winter that began the December before. A winter is named by the year it begins in.
    static func seasonYear(_ season: DateModifier, relative: Int, year: Int, month: Int) -> Int {
        let (first, last) = seasonMonths(season)
        let reference = year * 12 + month
        // Months counted from year 0: a season named by `y` runs from y*12+first to end(y).
        func start(_ y: Int) -> Int { y * 12 + first }
        func end(_ y: Int) -> Int { season == .winter ? (y + 1) * 12 + last : y * 12 + last }
        let candidates = (year - 2)...(year + 2)
        if relative < 0 { return candidates.last { end($0) < reference } ?? year - 1 }
        if relative > 0 { return candidates.first { start($0) > reference } ?? year + 1 }
        if season == .winter, month <= last { return year - 1 }
        return year
    }

    /// First and last month of a season (northern hemisphere, meteorological).
    static func seasonMonths(_ season: DateModifier) -> (Int, Int) {
        switch season {
        case .spring: (3, 5)
        case .summer: (6, 8)
        case .autumn: (9, 11)
        default: (12, 2)
        }
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
