import ChanceryCorpus

/// Words counted from a reference date: "yesterday", "last week", "two days ago", weekdays, seasons, tense.
extension TemporalGrammar {
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

    /// Which way a year-less date between tokens `first` and `last` looks from the reference date
    /// (`ReferenceTime.complete(month:day:from:at:resolution:)` states the rule).
    ///
    /// A cue just before the date decides: "since", "last", "dated", and "of" after a written thing ("my memorandum
    /// of January 24", "the letter of May 3") look back, "next" forward. Otherwise the tense word nearest the date in
    /// its clause decides (a clause ends at "that", "because", "which", "when", "if", "and", "but", a semicolon, a
    /// colon or a bracket), so "visited Pyongyang in February" looks back even when the sentence goes on to say what "will"
    /// happen. Tense words: the past cues of `TemporalLexicon.pastCues`, the common past verbs of
    /// `TemporalLexicon.pastVerbs` ("visited", "signed") and the perfect "been", unless a "be" makes them a passive
    /// (which takes the tense of its auxiliary: "will be discussed"), and any word in "-ed" after a pronoun or
    /// "has", "have", "had" ("he cabled", "have continued"); the future cues of `TemporalLexicon.futureCues` and "would",
    /// "should". A verb of saying ("said", "stated", "told") dates the saying, not what was said: it looks back only
    /// when the date stands right by it ("On March 3 he said", "said on March 3"); "agreed", "proposed",
    /// "suggested" are about what is to come and count for nothing. At equal distance the word before the date
    /// wins. No tense word within 20 tokens: `.unknown` (the nearest date).
    func direction(ofDateAt first: Int, last: Int) -> Tense {
        if together(first - 1, first) {
            switch term(first - 1) {
            case "since", "last", "dated": return .past
            case "next": return .future
            case "of" where together(first - 2, first) && TemporalLexicon.writtenThings.contains(term(first - 2)): return .past
            default: break
            }
        }
        let sentence = tokens[first].sentence
        var openBefore = true, openAfter = true
        for distance in 1...20 {
            let before = first - distance, after = last + distance
            openBefore = openBefore && before >= 0 && tokens[before].sentence == sentence && !endsClause(after: before)
            openAfter = openAfter && after < count && tokens[after].sentence == sentence && !endsClause(after: after - 1)
            if !openBefore && !openAfter { break }
            if openBefore {
                if TemporalLexicon.clauseWords.contains(term(before)) {
                    openBefore = false
                } else if let tense = tenseCue(before, nextToDate: distance <= 2) {
                    return tense
                }
            }
            if openAfter {
                if TemporalLexicon.clauseWords.contains(term(after)) {
                    openAfter = false
                } else if let tense = tenseCue(after, nextToDate: distance <= 2) {
                    return tense
                }
            }
        }
        return .unknown
    }

    /// True when a semicolon, colon or bracket lies between token i and the next.
    func endsClause(after i: Int) -> Bool {
        guard i >= 0, i + 1 < count else { return true }
        for k in tokens[i].range.upperBound..<tokens[i + 1].range.lowerBound {
            let byte = bytes[k]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { return true }
        }
        return false
    }

    /// The tense token i marks, if any (see `direction(ofDateAt:last:)`); a verb of saying only `nextToDate`.
    func tenseCue(_ i: Int, nextToDate: Bool) -> Tense? {
        let t = term(i)
        if TemporalLexicon.futureCues.contains(t) || t == "would" || t == "should" { return .future }
        if TemporalLexicon.forwardVerbs.contains(t) { return nil }
        if TemporalLexicon.sayingVerbs.contains(t) { return nextToDate ? .past : nil }
        if TemporalLexicon.pastCues.contains(t) || TemporalLexicon.pastVerbs.contains(t) || t == "been" {
            return ["be", "being", "is", "are", "to"].contains(term(i - 1)) ? nil : .past
        }
        // Another word in "-ed" is a past tense only after a pronoun or in the perfect ("have continued"):
        // "related documents", "agreement reached" are not.
        let previous = term(i - 1)
        guard t.count >= 5, t.hasSuffix("ed"), !isCapitalized(i),
              TemporalLexicon.subjectPronouns.contains(previous) || ["has", "have", "had"].contains(previous) else { return nil }
        return .past
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
}
