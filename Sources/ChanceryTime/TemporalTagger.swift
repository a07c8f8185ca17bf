import ChanceryCorpus

/// Finds and normalizes the temporal expressions of document bodies.
///
/// The tagger does not run a pattern over every position. It walks the token
/// stream of a `TokenizedDocument`, dismisses almost every token with a table
/// lookup on its first three letters and its length (`TriggerIndex`), and reads
/// around the few that can belong to a date: month names, numbers, words such
/// as "yesterday", "week", "ago", "spring", "congress", and the first words of
/// the gazetteer's named events.
///
/// ## Reference time and narration
///
/// Relative expressions are counted from a reference date:
///
/// - **Deictic** words — "today", "yesterday", "tomorrow", "this morning",
///   "last week", "next month", "two days ago", "on Monday", "recently" — count
///   from the *narrated date* when the text is narrating one, else from the
///   document's date (resolution `narrative` or `relative`).
/// - A **narration starts** at a sentence that opens with a calendar date at day
///   precision: "On 7 December [1962] I had Zhao Yimin give ...", "On the
///   morning of 5 March ...", or an anaphoric day such as "The next day" or
///   "Two days later". Opening means that only words such as "On", "In",
///   "During", "Then", "And", "But" stand before the date in its sentence. A
///   date inside a sentence ("he said the letter of 3 December ...") does not
///   start a narration, nor do deictic words ("Yesterday I met ..."), which are
///   already tied to the writer's now, nor a month or a year ("In 1956 ..."),
///   which set background rather than a scene.
/// - A **narration lasts** until the next sentence that opens with another such
///   date, or to the end of the body. Paragraph breaks do not end it: a cable
///   typically reports one conversation over several paragraphs, and the
///   speakers' "today" and "yesterday" are the days of that conversation.
/// - **Anaphoric** expressions — "the next day", "that year", "two days later",
///   "the following month" — count from the last calendar or anaphoric date
///   mentioned anywhere before them at the needed precision (a day for "the
///   next day"), else from the narrated date, else from the document's date.
///   Deictic dates do not count as mentions: in "On 6 December Pak said he
///   had cabled yesterday. That evening ...", the evening is the 6th's.
/// - **Year-less** dates ("7 December", "in March", "early December") first take
///   the year of a date they are coordinated with ("April 5 and 6, 1961",
///   "5 and 6 April 1961"). Otherwise they are counted from the narrated date or
///   the document's date in the direction the text gives: back to the latest
///   such date on or before it after "since", "last", "dated", "of" after a
///   memorandum or letter, or when the tense word nearest the date is past
///   ("visited", "said", "was"); forward to the next one after "next" or when
///   the nearest is future ("will", "plans", "scheduled"); with no cue, the
///   nearest one, within six months (`ReferenceTime.complete(month:day:from:at:)`).
///   "last June" is the latest June before the reference month, "last spring"
///   the latest spring that ended before it.
/// - **Editorial corrections** win: "September 1 [8], 1951" is 1951-09-08 and
///   "1954 [1958]" is 1958; the printed form is kept in `printed`.
/// - **Ranges** ("1961 to 1965", "between 3 March and 9 April", "1961–1963")
///   are two expressions; the start's `rangeEnd` links it to the end.
///
/// Durations that run up to the reference time — in the perfect ("have gone on
/// for fifty days") or with "the past"/"the last" — get an implied start
/// ("fifty days" before 7 December 1962 is 18 October 1962).
///
/// References: TimeML's TIMEX3 values and modifiers (ISO 24617-1:2012);
/// the narrative/news distinction follows Strötgen & Gertz, "Multilingual and
/// cross-domain temporal tagging", Language Resources and Evaluation 47 (2013).
public struct TemporalTagger: Sendable {
    public let gazetteer: EventGazetteer
    let index: TriggerIndex

    public init(gazetteer: EventGazetteer = .builtIn) {
        self.gazetteer = gazetteer
        self.index = TriggerIndex(gazetteer: gazetteer)
    }

    /// The temporal expressions of a document's body, counted from the document's date.
    public func tag(_ document: TokenizedDocument) -> TemporalTagging {
        tag(document, documentDate: document.document.date?.value)
    }

    /// The temporal expressions of a document's body, counted from `documentDate`.
    public func tag(_ document: TokenizedDocument, documentDate: HistoricalDate?) -> TemporalTagging {
        var expressions: [TemporalExpression] = []
        let rejected = tag(document, documentDate: documentDate) { _, sentence in expressions += sentence }
        return TemporalTagging(expressions: expressions, rejected: rejected)
    }

    /// The temporal expressions of a document's body, counted from `documentDate`, handed to `each` a sentence at
    /// a time as they are found (the sentence's index, its expressions in text order, sentences in text order,
    /// only those with expressions); returns the dates rejected. A caller that makes something of each sentence
    /// (an event) need not hold a large document's expressions all at once.
    ///
    /// The expressions come in text order: each match starts after the one before it ended (`lastEnd`,
    /// `nextFree`), so a sentence's expressions are together, and once one of a later sentence is found the
    /// earlier sentence is complete.
    public func tag(_ document: TokenizedDocument, documentDate: HistoricalDate?,
                    bySentence each: (_ sentence: Int, _ expressions: [TemporalExpression]) -> Void) -> [RejectedDate] {
        var body = document.document.body
        return body.withUTF8 { bytes in
            document.tokens.withUnsafeBufferPointer { tokens in
                var grammar = TemporalGrammar(bytes: bytes, tokens: tokens, index: index, gazetteer: gazetteer)
                grammar.plausibleBareYears = TemporalGrammar.plausibleYears(around: documentDate)
                var resolver = ReferenceTime(grammar: grammar, documentDate: documentDate)
                // Hands over the expressions of sentences before `sentence`, a sentence at a time.
                func handOver(before sentence: Int) {
                    let found = resolver.tagging.expressions
                    var start = 0
                    while start < found.count, found[start].sentence < sentence {
                        var end = start + 1
                        while end < found.count, found[end].sentence == found[start].sentence { end += 1 }
                        each(found[start].sentence, Array(found[start..<end]))
                        start = end
                    }
                    if start > 0 { resolver.tagging.expressions.removeFirst(start) }
                }
                var nextFree = 0
                for i in 0..<tokens.count where i >= nextFree {
                    guard let match = grammar.match(at: i), match.first >= nextFree || match.first >= resolver.lastEnd else { continue }
                    resolver.resolve(match)
                    for piece in match.tail { resolver.resolve(piece) }
                    nextFree = match.last + 1
                    if let last = resolver.tagging.expressions.last, resolver.tagging.expressions[0].sentence < last.sentence {
                        handOver(before: last.sentence)
                    }
                }
                handOver(before: Int.max)
                return resolver.tagging.rejected
            }
        }
    }

    /// Tags a piece of text as the body of a document dated `documentDate`: for tests, datelines and quick looks.
    public func tag(_ text: String, documentDate: HistoricalDate?) -> TemporalTagging {
        let date = documentDate.map { DocumentDate(value: $0, text: $0.iso, provenance: .metadata) }
        let document = Document(id: "text", file: "", format: .plainText, title: "", date: date, body: text)
        return tag(TokenizedDocument(document), documentDate: documentDate)
    }
}
