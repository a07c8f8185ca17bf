import ChanceryCorpus

/// Named events of the gazetteer and numbered series ("the 22nd Congress").
extension TemporalGrammar {
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
        series.contains { event in (event.identifiers + [event.country].compactMap { $0 }).contains { Tokenizer.terms(in: $0).first == term } }
    }

    /// How many tokens from `j` spell one of `names`, if any.
    private func identifierLength(at j: Int, _ names: [String], limit: Int) -> Int? {
        for name in names {
            let terms = Tokenizer.terms(in: name)
            guard !terms.isEmpty, j + terms.count - 1 <= limit else { continue }
            if terms.enumerated().allSatisfy({ term(j + $0.offset) == $0.element }) { return terms.count }
        }
        return nil
    }
}
