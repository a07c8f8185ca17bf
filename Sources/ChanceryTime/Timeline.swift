import ChanceryCorpus
import Foundation

/// The dated events of a corpus merged into one ordered sequence.
///
/// ## Order
///
/// Events are ordered by date, then by document date, then by document id,
/// then by position in the document (a document's own event first).
///
/// Dates of different precision are placed by the first day they cover,
/// narrowed by their modifier, and at the same day the coarser date comes
/// first. So "December 1962" sorts before every day of December 1962, and
/// "1962" before "January 1962" (`HistoricalDate`'s own order). A modifier
/// narrows where a date sorts without changing its value: `START` ("early
/// December") sorts from the 1st, `MID` from the 11th, `END` ("late
/// December") from the 21st; for a year, `START` from January, `MID` from
/// May, `END` from September; seasons from their first month (spring March,
/// summer June, autumn September; winter stays at its year's first day, since
/// it straddles two years); `BEFORE` sorts at the first day, `AFTER` after the
/// last day. A week ("last week", `1962-W48`) is filed under the month of its
/// Thursday, as ISO 8601 files weeks under years.
public struct Timeline: Sendable {
    public private(set) var events: [TemporalEvent]

    /// Sorts `events` into timeline order (events that tie keep the order they were given in).
    public init(events: [TemporalEvent]) {
        self.events = Self.order(of: events).map { events[$0] }
    }

    /// The timeline order of `events`: `order[k]` is the position in `events` of the event that comes k-th
    /// (ties keep the order they were given in).
    public static func order(of events: [TemporalEvent]) -> [Int] {
        order(of: events.map(SortKey.init)) { events[$0].documentID }
    }

    /// The timeline order of events given by their keys, `documentID(k)` naming the document of the k-th:
    /// for a caller that keeps the events themselves elsewhere. Ties keep the order the keys were given in.
    public static func order(of keys: [SortKey], documentID: (Int) -> String) -> [Int] {
        keys.indices.sorted { a, b in
            let (first, second) = (documentID(a), documentID(b))
            if precedes(keys[a], first, keys[b], second) { return true }
            if precedes(keys[b], second, keys[a], first) { return false }
            return a < b
        }
    }

    /// Tags every document of a corpus and merges the events, using both cores.
    public init(_ corpus: Corpus, builder: EventBuilder = EventBuilder()) {
        let documents = corpus.documents
        let perDocument = documents.concurrentMap { builder.events(TokenizedDocument($0)) }
        self.init(events: perDocument.flatMap { $0 })
    }

    /// The events that match every given filter (`matches(_:topic:actor:from:to:)`).
    public func filtered(topic: TopicKey? = nil, actor: String? = nil, from: HistoricalDate? = nil, to: HistoricalDate? = nil) -> Timeline {
        var copy = self
        copy.events = events.filter { Self.matches($0, topic: topic, actor: actor, from: from, to: to) }
        return copy
    }

    /// Whether `event` matches every given filter, for a caller that reads events one at a time.
    ///
    /// - Parameters:
    ///   - event: the event to test.
    ///   - topic: the topic and the topics nested under it (`economy` matches `economy.aid`), any case (`TopicKey`).
    ///   - actor: whole words of an actor's name, in order, any case and accents (`Pak` and `pak geum` match
    ///     "Pak Geum-cheol", `Pak` does not match "Pakistan"; `namesActor(_:_:)`).
    ///   - from: keeps events whose date lies wholly on or after the first day of `from`.
    ///   - to: keeps events whose date lies wholly on or before the last day of `to`.
    public static func matches(_ event: TemporalEvent, topic: TopicKey? = nil, actor: String? = nil, from: HistoricalDate? = nil,
                               to: HistoricalDate? = nil) -> Bool {
        if let topic {
            guard event.topics.contains(where: topic.matches) else { return false }
        }
        if let actor {
            let query = nameWords(actor)
            guard event.actors.contains(where: { namesActor(query, $0) }) else { return false }
        }
        if let from, event.date.firstDay < from.firstDay { return false }
        if let to, event.date.lastDay > to.lastDay { return false }
        return true
    }

    /// The words of a name for matching: split at spaces, hyphens and other marks that are not letters, digits or an
    /// apostrophe inside a word; folded to lower case without accents; a possessive "'s" cut.
    public static func nameWords(_ name: String) -> [String] {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map { word in
                let trimmed = word.trimmingCharacters(in: ["'"])
                return trimmed.hasSuffix("'s") ? String(trimmed.dropLast(2)) : trimmed
            }
            .filter { !$0.isEmpty }
    }

    /// Whether `query` (words from `nameWords`) occurs in the actor's name as whole words, one after another.
    public static func namesActor(_ query: [String], _ actor: String) -> Bool {
        let words = nameWords(actor)
        guard !query.isEmpty, query.count <= words.count else { return false }
        return (0...(words.count - query.count)).contains { start in words[start..<(start + query.count)].elementsEqual(query) }
    }

    /// Timeline order: date (see the type's documentation), document date, document id, position.
    public static func precedes(_ a: TemporalEvent, _ b: TemporalEvent) -> Bool {
        precedes(SortKey(a), a.documentID, SortKey(b), b.documentID)
    }

    /// What the timeline order looks at in an event besides its document's id: small enough to keep
    /// for millions of events whose text is kept elsewhere (on disk, for a large corpus).
    public struct SortKey: Sendable {
        public var day: Int
        public var precision: DatePrecision
        public var documentDate: HistoricalDate?
        public var characterStart: Int?

        public init(_ event: TemporalEvent) {
            day = Timeline.sortDay(event)
            precision = event.date.precision
            documentDate = event.documentDate
            characterStart = event.characterStart
        }
    }

    /// Timeline order of two events given by their keys and their documents' ids.
    public static func precedes(_ a: SortKey, _ aDocument: String, _ b: SortKey, _ bDocument: String) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.precision != b.precision { return a.precision < b.precision }
        switch (a.documentDate, b.documentDate) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if aDocument != bDocument { return aDocument < bDocument }
        return (a.characterStart ?? -1) < (b.characterStart ?? -1)
    }

    /// The day (days since 1970) an event sorts at: its first day, moved by its modifier.
    public static func sortDay(_ event: TemporalEvent) -> Int {
        let date = event.date
        let first = date.firstDay
        guard let modifier = event.modifier else { return first.daysSinceEpoch }
        func day(_ month: Int, _ day: Int) -> Int {
            ((try? HistoricalDate(year: date.year, month: month, day: day)) ?? first).daysSinceEpoch
        }
        switch (modifier, date.precision) {
        case (.mid, .month): return day(date.month ?? 1, 11)
        case (.end, .month): return day(date.month ?? 1, 21)
        case (.mid, .year): return day(5, 1)
        case (.end, .year): return day(9, 1)
        case (.mid, .decade): return first.adding(years: 4).daysSinceEpoch
        case (.end, .decade): return first.adding(years: 7).daysSinceEpoch
        case (.spring, _): return day(3, 1)
        case (.summer, _): return day(6, 1)
        case (.autumn, _): return day(9, 1)
        case (.after, _): return date.lastDay.daysSinceEpoch + 1
        default: return first.daysSinceEpoch
        }
    }
}

extension TemporalTagger {
    /// The date of a printed dateline ("Washington, January 12, 1961, 8:40 p.m."), read by the tagger's grammar.
    ///
    /// A dateline without a year ("Washington, October 16, 9:09 p.m.") takes the
    /// year that puts it nearest to `previous`, the date of the document before
    /// it in the volume (FRUS prints documents in date order).
    public func datelineDate(_ dateline: String, previous: HistoricalDate?) -> HistoricalDate? {
        let tagging = tag(dateline, documentDate: previous)
        return tagging.expressions.first { expression in
            guard let date = expression.date, date.precision >= .month, !expression.isVague else { return false }
            return expression.resolution == .explicit || expression.resolution == .editorial
                || (expression.resolution == .relative && !expression.value.contains("W") && expression.anchor != nil
                    && expression.text.contains(where: \.isNumber))
        }?.date
    }
}
