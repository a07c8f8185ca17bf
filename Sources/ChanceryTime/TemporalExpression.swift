import ChanceryCorpus

/// What a temporal expression denotes, in TimeML's TIMEX3 types.
public enum TemporalKind: String, Sendable, Codable, CaseIterable {
    /// A calendar date at some precision: "8 December 1962", "last week", "the 1950s".
    case date
    /// A time of day, with or without its date: "this morning", "8:40 p.m.".
    case time
    /// A length of time: "fifty days", "for three months".
    case duration
    /// A recurring time: "every week", "daily".
    case set
}

/// How an expression's date was fixed; the `resolution` column of `timeline.csv` (Documentation/Architecture.md,
/// "The output contract").
public enum TemporalResolution: String, Sendable, Codable, CaseIterable {
    /// The text gives the date whole: "8 December 1962", "1962".
    case explicit
    /// The document's own date.
    case document
    /// Counted from the document's date: "yesterday" in a cable of 8 December.
    case relative
    /// Counted from the date the text last narrated: "yesterday" after "On 7 December ...".
    case narrative
    /// Completed by an editor's bracket: "7 December [1962]".
    case editorial
    /// A named event from the gazetteer: "the Cuban Missile Crisis".
    case event
}

/// A qualifier on a date that is not a day: a part of the period, a season, or a bound.
///
/// The date keeps its month or year precision; the modifier says which part
/// of it is meant, as TIMEX3's `mod` attribute and season codes do, so no day
/// is invented: "early December 1962" is `1962-12` with `START`, "the spring
/// of 1961" is `1961` with `SP` (value `1961-SP`).
public enum DateModifier: String, Sendable, Codable, CaseIterable {
    case start = "START", mid = "MID", end = "END", approximate = "APPROX"
    case before = "BEFORE", after = "AFTER"
    case spring = "SP", summer = "SU", autumn = "FA", winter = "WI"

    /// True for the seasons, which TIMEX3 writes into the value (`1961-SP`) rather than a `mod`.
    public var isSeason: Bool {
        switch self {
        case .spring, .summer, .autumn, .winter: true
        default: false
        }
    }
}

/// A unit of a duration or of a relative offset.
public enum TemporalUnit: String, Sendable, Codable, CaseIterable {
    case minute, hour, day, week, month, year, decade

    /// The ISO 8601 duration designator ("D" in `P50D`); minutes and hours follow a `T`.
    var designator: String {
        switch self {
        case .minute: "M"
        case .hour: "H"
        case .day: "D"
        case .week: "W"
        case .month: "M"
        case .year: "Y"
        case .decade: "DE"
        }
    }
}

/// A length of time, as ISO 8601 writes it: `P50D`, `P2W`, `PT3H`; `PXW` when the amount is vague ("several weeks").
public struct TemporalDuration: Hashable, Sendable, Codable {
    /// Nil when the text gives no number ("several weeks", "some months").
    public var amount: Int?
    public var unit: TemporalUnit

    public init(amount: Int?, unit: TemporalUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// ISO 8601 text; a decade is written in years (`P10Y`), as ISO has no decade designator.
    public var iso: String {
        let number = amount.map(String.init) ?? "X"
        switch unit {
        case .minute, .hour: return "PT\(number)\(unit.designator)"
        case .decade: return "P\(amount.map { String($0 * 10) } ?? "X")Y"
        default: return "P\(number)\(unit.designator)"
        }
    }
}

/// One temporal expression found in a document body, normalized.
///
/// `range` is in UTF-8 offsets of the body, like `Token.range`, so
/// `document.text(at: range)` is the expression as written.
public struct TemporalExpression: Hashable, Sendable, Codable {
    /// UTF-8 offsets of the expression in the body, editorial brackets that complete it included.
    public var range: Range<Int>
    /// The expression as written.
    public var text: String
    /// Index of the sentence (in `TokenizedDocument.sentences`) that holds it.
    public var sentence: Int
    public var kind: TemporalKind
    /// The normalized value, TIMEX3 style: `1962-12-07`, `1962-12`, `196X`, `1961-SP`,
    /// `1962-W48`, `1962-12-07TMO`, `1961-01-12T20:40`, `P50D`, `PAST_REF`, `XXXX-WXX-1`;
    /// `X` stands for what the text leaves unknown (`XXXX-12-07` in an undated document).
    public var value: String
    /// The calendar date the expression places on a timeline, at its precision; nil for sets,
    /// for durations that run up to no known date, and where no reference date is known.
    public var date: HistoricalDate?
    public var modifier: DateModifier?
    public var resolution: TemporalResolution
    /// The reference date a relative, narrative or year-less expression was counted from.
    public var anchor: HistoricalDate?
    /// True for expressions with no definite extent ("recently", "several weeks").
    public var isVague: Bool
    /// The length of a duration.
    public var duration: TemporalDuration?
    /// Where a duration that runs up to a known date began ("have gone on for fifty days").
    public var impliedStart: HistoricalDate?
    /// The gazetteer events an `event` expression names.
    public var events: [String]
    /// True when the expression lies inside an editorial bracket ("[trans. note—the Cuban Missile Crisis]").
    public var isEditorial: Bool
    /// True when the expression opens its sentence and so sets the narrative reference time.
    public var opensNarration: Bool
    /// The other end when the expression starts a range ("1961" in "1961 to 1965", "3 March" in "between 3 March
    /// and 9 April"): the end is an expression of its own, and this links the start to it, as `range_end` does in
    /// Documentation/TemporalAnnotation.md (section 7). Nil for the end and for expressions outside a range.
    public var rangeEnd: TemporalRangeEnd?
    /// What the text printed where an editor's bracket corrects it: "September 1" in "September 1 [8], 1951",
    /// whose value (1951-09-08) is the editor's. Nil when nothing was corrected.
    public var printed: String?

    public init(
        range: Range<Int>, text: String, sentence: Int, kind: TemporalKind, value: String,
        date: HistoricalDate?, modifier: DateModifier? = nil, resolution: TemporalResolution,
        anchor: HistoricalDate? = nil, isVague: Bool = false, duration: TemporalDuration? = nil,
        impliedStart: HistoricalDate? = nil, events: [String] = [], isEditorial: Bool = false,
        opensNarration: Bool = false, rangeEnd: TemporalRangeEnd? = nil, printed: String? = nil
    ) {
        self.range = range
        self.text = text
        self.sentence = sentence
        self.kind = kind
        self.value = value
        self.date = date
        self.modifier = modifier
        self.resolution = resolution
        self.anchor = anchor
        self.isVague = isVague
        self.duration = duration
        self.impliedStart = impliedStart
        self.events = events
        self.isEditorial = isEditorial
        self.opensNarration = opensNarration
        self.rangeEnd = rangeEnd
        self.printed = printed
    }
}

/// The end of a range whose start is a `TemporalExpression`: where the end's own expression lies and its value.
public struct TemporalRangeEnd: Hashable, Sendable, Codable {
    /// UTF-8 offsets of the end's expression in the body.
    public var range: Range<Int>
    /// The end's TIMEX3 value ("1965", "1961-04-09").
    public var value: String
    /// The end's calendar date, when it has one.
    public var date: HistoricalDate?

    public init(range: Range<Int>, value: String, date: HistoricalDate?) {
        self.range = range
        self.value = value
        self.date = date
    }
}

/// A written date that does not exist ("31 February 1962"): found, reported, never rolled over.
public struct RejectedDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// UTF-8 offsets of the written date in the body.
    public var range: Range<Int>
    public var text: String
    public var sentence: Int
    /// Why the date does not exist, e.g. "February 1962 has 28 days, not 31".
    public var reason: String

    public init(range: Range<Int>, text: String, sentence: Int, reason: String) {
        self.range = range
        self.text = text
        self.sentence = sentence
        self.reason = reason
    }

    public var description: String { "date \"\(text)\" does not exist: \(reason)" }
}

/// The temporal expressions of one document body, and the written dates that do not exist.
public struct TemporalTagging: Sendable, Hashable {
    public var expressions: [TemporalExpression]
    public var rejected: [RejectedDate]

    public init(expressions: [TemporalExpression] = [], rejected: [RejectedDate] = []) {
        self.expressions = expressions
        self.rejected = rejected
    }
}
