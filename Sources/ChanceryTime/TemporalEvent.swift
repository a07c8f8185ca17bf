import ChanceryCorpus

/// One dated event: a sentence that carries a temporal expression, or a document's own date.
///
/// The fields are the columns of `timeline.csv` (Documentation/Architecture.md, "The output contract"),
/// plus the expression's kind, value, modifier, vagueness, duration and position.
public struct TemporalEvent: Hashable, Sendable, Codable {
    public var date: HistoricalDate
    public var documentID: String
    public var documentDate: HistoricalDate?
    /// The expression as written (for a document's own event, its date as printed).
    public var expression: String
    public var resolution: TemporalResolution
    public var kind: TemporalKind
    /// The TIMEX3-style value (`1962-12-07`, `1962-W48`, `1961-SP`, `PAST_REF`).
    public var value: String
    public var modifier: DateModifier?
    public var isVague: Bool
    public var duration: TemporalDuration?
    public var impliedStart: HistoricalDate?
    /// Named events the expression refers to.
    public var namedEvents: [String]
    /// The sentence (for a document's own event, the document's title).
    public var sentence: String
    /// Index of the sentence in the body; nil for a document's own event.
    public var sentenceIndex: Int?
    /// UTF-8 offset of the expression in the body; nil for a document's own event.
    public var characterStart: Int?
    /// People and organizations named in the sentence, in order of appearance.
    public var actors: [String]
    /// Topic keys the sentence touches, as the topic assignment gave them.
    public var topics: [String]
    /// Every temporal expression of the sentence (the event's own first), for readers who want them all.
    public var expressions: [TemporalExpression]

    public init(
        date: HistoricalDate, documentID: String, documentDate: HistoricalDate?, expression: String,
        resolution: TemporalResolution, kind: TemporalKind = .date, value: String? = nil, modifier: DateModifier? = nil,
        isVague: Bool = false, duration: TemporalDuration? = nil, impliedStart: HistoricalDate? = nil,
        namedEvents: [String] = [], sentence: String, sentenceIndex: Int?, characterStart: Int?,
        actors: [String] = [], topics: [String] = [], expressions: [TemporalExpression] = []
    ) {
        self.date = date
        self.documentID = documentID
        self.documentDate = documentDate
        self.expression = expression
        self.resolution = resolution
        self.kind = kind
        self.value = value ?? date.iso
        self.modifier = modifier
        self.isVague = isVague
        self.duration = duration
        self.impliedStart = impliedStart
        self.namedEvents = namedEvents
        self.sentence = sentence
        self.sentenceIndex = sentenceIndex
        self.characterStart = characterStart
        self.actors = actors
        self.topics = topics
        self.expressions = expressions
    }
}

/// Assigns topic keys to a sentence of a document; the topic lexicon's matches fit here.
///
/// `ChanceryAnalytics/Topics` provides the lexicon (quanteda YAML dictionaries) and its `TopicMatcher`. Match
/// the document once and look its sentences up, with one builder per document, as `chancery timeline`
/// (Sources/ChanceryCLI/TimelineCommand.swift) and the report do:
/// `let topics = matcher.sentenceTopicIndex(matcher.matches(in: document), in: document)`, then
/// `EventBuilder(tagger: tagger) { _, sentence in topics.topics(of: sentence) }`.
public typealias TopicAssignment = @Sendable (TokenizedDocument, _ sentence: Int) -> [String]

/// Builds a document's events from its temporal expressions.
public struct EventBuilder: Sendable {
    public var tagger: TemporalTagger
    /// The topics of a sentence; by default none.
    public var topics: TopicAssignment

    /// - Parameters:
    ///   - tagger: finds the temporal expressions.
    ///   - topics: the topic keys of a sentence (default: none). The report passes the topic lexicon's matcher.
    public init(tagger: TemporalTagger = TemporalTagger(), topics: @escaping TopicAssignment = { _, _ in [] }) {
        self.tagger = tagger
        self.topics = topics
    }

    /// One event for the document's own date (when it has one), then one per sentence that carries a dated expression.
    ///
    /// A sentence with several expressions takes the most telling one as its
    /// date: a date or time before a duration, a definite one before a vague
    /// one, the body's own words before an editor's note, the finer precision
    /// first, then the first in the text. Sentences whose only expressions
    /// carry no date (a set such as "every week", a duration that runs up to
    /// no known date) make no event; their expressions are still in the
    /// tagger's output.
    public func events(_ document: TokenizedDocument) -> [TemporalEvent] {
        events(document, tagging: tagger.tag(document))
    }

    /// Events from a tagging already made.
    public func events(_ document: TokenizedDocument, tagging: TemporalTagging) -> [TemporalEvent] {
        var result: [TemporalEvent] = []
        if let event = documentEvent(document) { result.append(event) }
        let actors = ActorFinder(document)
        var bySentence: [Int: [TemporalExpression]] = [:]
        for expression in tagging.expressions { bySentence[expression.sentence, default: []].append(expression) }
        for sentence in bySentence.keys.sorted() {
            if let event = event(document, sentence: sentence, bySentence[sentence] ?? [], actors: actors) { result.append(event) }
        }
        return result
    }

    /// The events of `events(_:)` handed to `each` one by one, in the same order, each made as the tagger finishes
    /// its sentence (`TemporalTagger.tag(_:documentDate:bySentence:)`); returns the dates the tagger rejected.
    /// Without `keepingExpressions`, each event's `expressions` is left empty. A large document's expressions
    /// and events are never all held at once: a 100 MB one's were a few hundred megabytes.
    public func forEachEvent(_ document: TokenizedDocument, keepingExpressions: Bool = true,
                             _ each: (TemporalEvent) -> Void) -> [RejectedDate] {
        if let event = documentEvent(document) { each(event) }
        let actors = ActorFinder(document)
        return tagger.tag(document, documentDate: document.document.date?.value) { sentence, expressions in
            guard var event = event(document, sentence: sentence, expressions, actors: actors) else { return }
            if !keepingExpressions { event.expressions = [] }
            each(event)
        }
    }

    /// The event of the document's own date, when it has one.
    private func documentEvent(_ document: TokenizedDocument) -> TemporalEvent? {
        let source = document.document
        guard let date = source.date else { return nil }
        return TemporalEvent(
            date: date.value, documentID: source.id, documentDate: date.value, expression: date.text,
            resolution: .document, sentence: source.title, sentenceIndex: nil, characterStart: nil
        )
    }

    /// The event of sentence `sentence`, from its expressions in text order; nil when none carries a date.
    private func event(_ document: TokenizedDocument, sentence: Int, _ expressions: [TemporalExpression], actors: ActorFinder) -> TemporalEvent? {
        let source = document.document
        guard let primary = expressions.filter({ $0.date != nil }).min(by: Self.moreTelling), let date = primary.date else { return nil }
        let others = expressions.filter { $0 != primary }
        return TemporalEvent(
            date: date, documentID: source.id, documentDate: source.date?.value, expression: primary.text,
            resolution: primary.resolution, kind: primary.kind, value: primary.value, modifier: primary.modifier,
            isVague: primary.isVague, duration: primary.duration, impliedStart: primary.impliedStart,
            namedEvents: primary.events, sentence: String(document.sentenceText(sentence)), sentenceIndex: sentence,
            characterStart: primary.range.lowerBound,
            actors: actors.actors(inSentence: sentence, excluding: expressions.map(\.range)),
            topics: topics(document, sentence), expressions: [primary] + others
        )
    }

    /// True when `a` makes a better event date than `b`.
    static func moreTelling(_ a: TemporalExpression, _ b: TemporalExpression) -> Bool {
        func rank(_ e: TemporalExpression) -> (Int, Int, Int, Int, Int) {
            (e.kind == .duration ? 1 : 0, e.isVague ? 1 : 0, e.isEditorial ? 1 : 0,
             -(e.date.map { precisionRank($0.precision) } ?? 0), e.range.lowerBound)
        }
        return rank(a) < rank(b)
    }

    static func precisionRank(_ precision: DatePrecision) -> Int {
        switch precision {
        case .decade: 0
        case .year: 1
        case .month: 2
        case .day: 3
        }
    }
}
