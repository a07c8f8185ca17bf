import ChanceryCorpus

/// The words the temporal tagger reacts to and reads around, lower case.
///
/// Written for Chancery from the forms diplomatic English uses; no rule or
/// word list was copied from another tagger.
enum TemporalLexicon {
    /// What a trigger word is; the tagger looks around a token only when its word is one of these.
    enum Word: Hashable, Sendable {
        case month(Int, abbreviated: Bool)
        case weekday(Int)
        /// today (0), yesterday (-1), tomorrow (+1), tonight (0, night).
        case deictic(days: Int, partOfDay: String?)
        case unit(TemporalUnit, plural: Bool)
        case partOfDay(String)
        case season(DateModifier)
        case vaguePast
        /// daily, weekly, monthly, annually: a set with its period.
        case frequency(String)
        case clockSuffix(pm: Bool)
        case clockWord(hour: Int)
        case congress
    }

    static let words: [String: Word] = {
        var table: [String: Word] = [:]
        for (index, name) in MonthNames.english.enumerated() {
            table[name.lowercased()] = .month(index + 1, abbreviated: false)
            let short = String(name.lowercased().prefix(3))
            if short != name.lowercased() { table[short] = .month(index + 1, abbreviated: true) }
        }
        table["sept"] = .month(9, abbreviated: true)
        for (index, name) in weekdays.enumerated() { table[name] = .weekday(index + 1) }
        table["today"] = .deictic(days: 0, partOfDay: nil)
        table["yesterday"] = .deictic(days: -1, partOfDay: nil)
        table["tomorrow"] = .deictic(days: 1, partOfDay: nil)
        table["tonight"] = .deictic(days: 0, partOfDay: "NI")
        let units: [(String, String, TemporalUnit)] = [
            ("minute", "minutes", .minute), ("hour", "hours", .hour), ("day", "days", .day),
            ("week", "weeks", .week), ("month", "months", .month), ("year", "years", .year),
            ("decade", "decades", .decade),
        ]
        for (singular, plural, unit) in units {
            table[singular] = .unit(unit, plural: false)
            table[plural] = .unit(unit, plural: true)
        }
        table["fortnight"] = .unit(.week, plural: false)
        for (word, code) in partsOfDay { table[word] = .partOfDay(code) }
        table["spring"] = .season(.spring)
        table["summer"] = .season(.summer)
        table["autumn"] = .season(.autumn)
        table["fall"] = .season(.autumn)
        table["winter"] = .season(.winter)
        table["recently"] = .vaguePast
        table["lately"] = .vaguePast
        table["daily"] = .frequency("P1D")
        table["weekly"] = .frequency("P1W")
        table["monthly"] = .frequency("P1M")
        table["annually"] = .frequency("P1Y")
        table["yearly"] = .frequency("P1Y")
        table["a.m."] = .clockSuffix(pm: false)
        table["p.m."] = .clockSuffix(pm: true)
        table["noon"] = .clockWord(hour: 12)
        table["midnight"] = .clockWord(hour: 0)
        table["congress"] = .congress
        table["congresses"] = .congress
        return table
    }()

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let partsOfDay: [String: String] = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"]

    /// Cardinal numbers written as words, for durations and offsets ("fifty days", "two weeks ago").
    static func cardinal(_ word: String) -> Int? {
        if let value = smallNumbers[word] { return value }
        // "twenty-five", "forty-eight".
        let parts = word.split(separator: "-")
        if parts.count == 2, let tens = tensNumbers[String(parts[0])], let ones = smallNumbers[String(parts[1])], ones < 10 {
            return tens + ones
        }
        return tensNumbers[word]
    }

    private static let smallNumbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "hundred": 100,
    ]

    private static let tensNumbers: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Quantities with no number: a duration or offset with one of these is vague.
    static let vagueQuantities: Set<String> = ["several", "few", "some", "many", "couple", "recent", "coming", "past"]

    /// Ordinals as words, Arabic ("22nd") or Roman ("XXII") numerals, for party congresses and days.
    static func ordinal(_ word: String) -> Int? {
        if let value = ordinalWords[word] { return value }
        let parts = word.split(separator: "-")
        if parts.count == 2, let tens = tensNumbers[String(parts[0])], let ones = ordinalWords[String(parts[1])], ones < 10 {
            return tens + ones
        }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            let digits = word.dropLast(2)
            if !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(digits) }
        }
        return roman(word)
    }

    private static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "thirtieth": 30,
    ]

    /// A Roman numeral of up to 39 ("viii", "xxii"), lower case.
    static func roman(_ word: String) -> Int? {
        guard !word.isEmpty, word.count <= 7, word.allSatisfy({ "ivx".contains($0) }) else { return nil }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        var total = 0
        let digits = word.map { values[$0] ?? 0 }
        for (index, value) in digits.enumerated() {
            if index + 1 < digits.count, value < digits[index + 1] { total -= value } else { total += value }
        }
        return total > 0 ? total : nil
    }

    /// Words before a bare month, year or season that show it is a date: "in March", "since 1958".
    static let dateCues: Set<String> = [
        "in", "of", "since", "until", "till", "by", "from", "to", "during", "before", "after", "early", "late",
        "between", "through", "throughout", "circa", "ca", "around", "about", "last", "next", "this", "that",
        "for", "on", "end", "beginning", "middle", "spring", "summer", "autumn", "fall", "winter", "year", "and", "or",
        "the", "mid", "within",
    ]

    /// Words that mark a sentence as speaking of the future: year-less dates then look forward.
    static let futureCues: Set<String> = [
        "will", "shall", "'ll", "going", "plan", "plans", "planned", "intend", "intends", "expect", "expects",
        "next", "tomorrow", "upcoming", "forthcoming", "scheduled",
    ]

    /// Words that mark a sentence as speaking of the past: year-less dates then look back.
    static let pastCues: Set<String> = [
        "was", "were", "had", "did", "said", "told", "ago", "last", "yesterday", "already", "previously",
        "earlier", "received", "met", "came", "went", "gave", "took", "began", "held", "arrived", "left",
    ]

    /// Written things whose date is in the past: "my memorandum of January 24", "the letter of May 3".
    static let writtenThings: Set<String> = [
        "memorandum", "memoranda", "memo", "letter", "letters", "telegram", "telegrams", "cable", "cables", "note",
        "notes", "message", "messages", "despatch", "dispatch", "report", "statement", "speech", "reply", "answer",
        "conversation", "conversations", "talk", "talks", "discussion", "discussions", "communication", "aide-memoire",
        "editorial", "article", "broadcast", "interview", "exchange", "record", "minutes",
    ]

    /// Verbs of saying: they date the saying, not what was said (`TemporalGrammar.direction(ofDateAt:last:)`).
    static let sayingVerbs: Set<String> = [
        "said", "stated", "told", "added", "expressed", "informed", "replied", "noted", "emphasized", "concluded",
        "indicated", "explained", "asked", "remarked", "reported", "observed", "declared", "mentioned", "assured",
        "commented", "answered", "announced", "stressed", "repeated",
    ]

    /// Past verbs about what is still to come ("agreed on February 6 for next meeting"): no direction of their own.
    static let forwardVerbs: Set<String> = [
        "agreed", "proposed", "suggested", "urged", "insisted", "decided", "requested", "arranged", "invited", "offered",
        "promised", "recommended", "hoped", "wanted", "wished", "intended", "planned", "expected", "scheduled",
    ]

    /// Words that open a new clause (or join one): the tense of a year-less date is read within its own clause.
    static let clauseWords: Set<String> = [
        "that", "because", "which", "when", "while", "if", "whether", "although", "though", "who", "and", "but", "or",
    ]

    /// Common past tenses of events, read as looking back ("visited Pyongyang in February"); a word in "-ed" not
    /// listed here is a past tense only after a pronoun (many are participles: "related documents").
    static let pastVerbs: Set<String> = [
        "visited", "discussed", "signed", "approved", "returned", "called", "talked", "conferred", "sent", "wrote",
        "delivered", "handed", "presented", "raised", "issued", "published", "accepted", "rejected", "refused",
        "launched", "attacked", "occurred", "happened", "opened", "closed", "started", "ended", "established",
        "completed", "appointed", "elected", "won", "lost", "fell", "became", "saw", "heard", "learned", "cabled",
        "telegraphed", "negotiated", "failed", "ratified", "adopted", "passed", "spent", "stayed",
    ]

    /// Pronouns that make a following word in "-ed" a verb ("he cabled").
    static let subjectPronouns: Set<String> = ["i", "he", "she", "we", "they", "it", "who", "you"]

    /// Words allowed before a date at the opening of a sentence that still lets it set the scene ("On 7 December ...").
    static let openers: Set<String> = ["on", "in", "at", "during", "then", "and", "but", "so", "also", "early", "late", "the", "of"]
}
