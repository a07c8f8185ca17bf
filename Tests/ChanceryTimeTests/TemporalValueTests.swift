import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryTime
@testable import ChanceryCorpus

/// Values of date expressions that the context completes or corrects (issue 17): coordinated days sharing a year,
/// the direction of a year-less date, the editor's bracket, "last spring" / "last June" / "the first of September",
/// and ranges with both ends. Each rule is checked on invented sentences, then on a fact of the real documents in
/// ../shared (document, offsets, text and value from `Tests/Fixtures/temporal-gold`, or, for the held-out plain
/// FRUS documents, from the issue's own examples).
struct TemporalValueTests {
    static func tag(_ text: String, _ iso: String) throws -> [TemporalExpression] {
        TemporalTagger().tag(text, documentDate: try #require(HistoricalDate(iso: iso))).expressions
    }

    static func value(_ text: String, of expression: String, _ iso: String) throws -> String? {
        try tag(text, iso).first { $0.text == expression }?.value
    }

    // MARK: 1. Coordinated days and months share the trailing year

    @Test func coordinatedDaysTakeTheTrailingYear() throws {
        let found = try Self.tag("The envoys held talks on March 7 and 8, 1959 in the capital.", "1960-05-02")
        #expect(found.map(\.text) == ["March 7", "8, 1959"])
        #expect(found.map(\.value) == ["1959-03-07", "1959-03-08"])
        let months = try Self.tag("He wrote to the minister on May 3 and June 7, 1958.", "1960-05-02")
        #expect(months.map(\.value) == ["1958-05-03", "1958-06-07"])
        let three = try Self.tag("Sessions were held October 9, 10, and 11, 1959 at the palace.", "1960-05-02")
        #expect(three.map(\.text) == ["October 9", "10", "11, 1959"])
        #expect(three.map(\.value) == ["1959-10-09", "1959-10-10", "1959-10-11"])
        let before = try Self.tag("The delegations met 5 and 6 April 1957 in Geneva.", "1960-05-02")
        #expect(before.map(\.text) == ["5", "6 April 1957"])
        #expect(before.map(\.value) == ["1957-04-05", "1957-04-06"])
        // Numbers that only follow a date are left alone.
        #expect(try Self.tag("On April 5, 12 delegates arrived.", "1960-05-02").map(\.text) == ["April 5"])
    }

    // MARK: 2. Year-less dates: the direction the text gives

    @Test func yearlessDatesFollowTheirCues() throws {
        // Cues before the date win over a future word elsewhere in the sentence.
        #expect(try Self.value("I enclose my memorandum of January 24, which we will discuss next week.", of: "January 24", "1959-02-10") == "1959-01-24")
        #expect(try Self.value("Nothing has moved since January 20 and nothing will move soon.", of: "January 20", "1959-03-05") == "1959-01-20")
        // The nearest tense word decides: a past verb before the date, a future one after another clause.
        #expect(try Self.value("The minister visited Hanoi in February; he will go there again.", of: "February", "1955-09-15") == "1955-02")
        #expect(try Self.value("The committee will meet on March 3 to decide.", of: "March 3", "1959-11-01") == "1960-03-03")
        #expect(try Self.value("On March 3 he said the talks were over.", of: "March 3", "1959-11-01") == "1959-03-03")
        // A verb of saying dates the saying only when it stands by the date; "and" opens another clause.
        #expect(try Self.value("He said he had made the offer September 6 and we should answer it.", of: "September 6", "1961-03-07") == "1960-09-06")
        #expect(try Self.value("He stated the meeting stays on the agenda for December 5 and added nothing more.", of: "December 5", "1961-09-02") == "1961-12-05")
        #expect(try Self.value("I agreed on February 6 for the next meeting.", of: "February 6", "1961-11-28") == "1962-02-06")
        // No cue: the nearest date, within six months.
        #expect(try Self.value("The budget for January is ready.", of: "January", "1959-09-10") == "1960-01")
        #expect(try Self.value("The budget for January is ready.", of: "January", "1959-06-10") == "1959-01")
    }

    // MARK: 3. The editor's bracket wins

    @Test func editorialCorrectionsWin() throws {
        let found = try Self.tag("They recalled the exchange of notes of March 2 [9], 1950 on that point.", "1958-10-05")
        let corrected = try #require(found.first { $0.text == "March 2 [9], 1950" })
        #expect(corrected.value == "1950-03-09")
        #expect(corrected.printed == "March 2")
        #expect(corrected.resolution == .editorial)
        #expect(found.count == 1, "no second expression from the bracket's digits: \(found.map(\.text))")
        let year = try #require(try Self.tag("The survey made in 1954 [1958] is cited.", "1961-01-01").first)
        #expect(year.text == "1954 [1958]")
        #expect(year.value == "1958")
        #expect(year.printed == "1954")
    }

    // MARK: 4. "last spring", "last June", "the first of September"

    @Test func lastSeasonsAndMonthsCountFromTheReference() throws {
        #expect(try Self.value("We discussed it last spring.", of: "last spring", "1958-09-08") == "1958-SP")
        #expect(try Self.value("We discussed it last spring.", of: "last spring", "1958-04-10") == "1957-SP")
        #expect(try Self.value("It was cold last winter.", of: "last winter", "1965-09-20") == "1964-WI")
        #expect(try Self.value("We shall try again next spring.", of: "next spring", "1958-04-10") == "1959-SP")
        #expect(try Self.value("We agreed on it last June.", of: "last June", "1961-01-12") == "1960-06")
        #expect(try Self.value("We agreed on it last June.", of: "last June", "1958-06-05") == "1957-06")
        #expect(try Self.value("We agreed on it last June.", of: "last June", "1958-08-05") == "1958-06")
        #expect(try Self.value("They will come next June.", of: "next June", "1958-06-05") == "1959-06")
        let first = try Self.tag("The change should be made before the first of September.", "1958-08-11")
        #expect(first.map(\.text) == ["the first of September"])
        #expect(first.first?.value == "1958-09-01")
    }

    // MARK: 5. Ranges give both ends

    @Test func rangesLinkTheirEnds() throws {
        let years = try Self.tag("The plan covers the years 1961 to 1965 in full.", "1960-05-02")
        #expect(years.map(\.text) == ["1961", "1965"])
        #expect(years.first?.rangeEnd?.value == "1965")
        #expect(years.first?.rangeEnd?.range == years.last?.range)
        #expect(years.last?.rangeEnd == nil)
        let dashed = try Self.tag("The agreement for 1961 – 1965 was signed.", "1960-05-02")
        #expect(dashed.map(\.value) == ["1961", "1965"])
        #expect(dashed.first?.rangeEnd?.value == "1965")
        // One token: "1958-1960", "1953-54"; a file number is no range.
        let token = try Self.tag("See the papers for 1958-1960 and the budget of 1953-54.", "1961-05-20")
        #expect(token.map(\.text) == ["1958", "1960", "1953", "54"])
        #expect(token.map(\.value) == ["1958", "1960", "1953", "1954"])
        #expect(token.first?.rangeEnd?.value == "1960")
        #expect(token.dropFirst(2).first?.rangeEnd?.value == "1954")
        #expect(try Self.tag("See Embtels 1247-1248.", "1961-05-20").isEmpty)
        // Months and days in one token: "August-September 1957", "of April-May", "June 3-4, 1959".
        let months = try Self.tag("The shelling of August-September 1957 stopped.", "1961-05-20")
        #expect(months.map(\.text) == ["August", "September 1957"])
        #expect(months.map(\.value) == ["1957-08", "1957-09"])
        #expect(months.first?.rangeEnd?.value == "1957-09")
        let spring = try Self.tag("Food is short in the weeks of April-May each year.", "1961-04-20")
        #expect(spring.map(\.value).prefix(2) == ["1961-04", "1961-05"])
        // A year-less end does not run before its start.
        let failed = try Self.tag("The harvest failed during the months of April-May.", "1961-04-20")
        #expect(failed.map(\.value) == ["1961-04", "1961-05"])
        #expect(failed.first?.rangeEnd?.value == "1961-05")
        let summit = try Self.tag("The leaders met in Vienna on June 3-4, 1959 for talks.", "1961-05-20")
        #expect(summit.map(\.text) == ["June 3", "4, 1959"])
        #expect(summit.map(\.value) == ["1959-06-03", "1959-06-04"])
        #expect(summit.first?.rangeEnd?.value == "1959-06-04")
        let days = try Self.tag("The fleet sailed between 3 March and 9 April.", "1961-05-20")
        #expect(days.map(\.value) == ["1961-03-03", "1961-04-09"])
        #expect(days.first?.rangeEnd?.value == "1961-04-09")
        // "and" without "between" is a coordination, not a range.
        let both = try Self.tag("They met in 1953 and 1954.", "1960-05-02")
        #expect(both.map(\.value) == ["1953", "1954"])
        #expect(both.first?.rangeEnd == nil)
    }
}

/// The same rules on the real documents in ../shared: facts of the gold set and the issue's examples.
@Suite(needsSharedCorpora) struct TemporalValueSharedTests {
    /// The documents of a source, tokenized, by id.
    static func documents(_ relativePath: String) throws -> [String: TokenizedDocument] {
        let corpus = try Corpus.load(try TestData.shared(relativePath).path)
        return Dictionary(corpus.documents.map { ($0.id, TokenizedDocument($0)) }, uniquingKeysWith: { a, _ in a })
    }

    static func frus(_ id: String) throws -> TokenizedDocument {
        try #require(try documents("frus-dev/frus1961-63v22-part1.xml")["frus1961-63v22/\(id)"])
    }

    /// The expression that starts at UTF-8 offset `start` of the document's body.
    static func expression(_ document: TokenizedDocument, at start: Int) throws -> TemporalExpression {
        let tagging = TemporalTagger().tag(document)
        return try #require(tagging.expressions.first { $0.range.lowerBound == start }, "no expression at \(start) in \(document.document.id)")
    }

    /// A held-out plain FRUS document and its expression with the given text.
    static func plain(_ file: String, _ text: String) throws -> TemporalExpression {
        let document = try #require(try documents("frus-holdout-plain/\(file)").values.first)
        let tagging = TemporalTagger().tag(document)
        return try #require(tagging.expressions.first { $0.text == text }, "no \"\(text)\" in \(file): \(tagging.expressions.map(\.text))")
    }

    @Test func goldFacts() throws {
        // Coordination: frus-dev d28, "April 5" and "6, 1961".
        let d28 = try Self.frus("d28")
        let april5 = try Self.expression(d28, at: 1257)
        #expect(april5.text == "April 5")
        #expect(april5.value == "1961-04-05")
        let april6 = try Self.expression(d28, at: 1269)
        #expect(april6.text == "6, 1961")
        #expect(april6.value == "1961-04-06")
        // Direction: "January 24" after "memorandum of" (d4), "January 20" after "since" (d10, d61).
        #expect(try Self.expression(try Self.frus("d4"), at: 20).value == "1961-01-24")
        #expect(try Self.expression(try Self.frus("d10"), at: 593).value == "1961-01-20")
        #expect(try Self.expression(try Self.frus("d61"), at: 1504).value == "1961-01-20")
        // The editor's year: d19 "1954 [1958]".
        let d19 = try Self.expression(try Self.frus("d19"), at: 2921)
        #expect(d19.text == "1954 [1958]")
        #expect(d19.value == "1958")
        // "last June" in January 1961 (d1), "last spring" in November 1961 (d79).
        let june = try Self.expression(try Self.frus("d1"), at: 554)
        #expect(june.text == "last June")
        #expect(june.value == "1960-06")
        #expect(try Self.expression(try Self.frus("d79"), at: 1652).value == "1961-SP")
        // A range: d53 "August 28" to "September 2" (651..<662).
        let august = try Self.expression(try Self.frus("d53"), at: 637)
        #expect(august.value == "1961-08-28")
        #expect(august.rangeEnd?.range == 651..<662)
        #expect(august.rangeEnd?.value == "1961-09-02")
        // d29 "June 3" to "4, 1961" (124..<131); d4 "August" to "September 1958" (3921..<3935).
        let vienna = try Self.expression(try Self.frus("d29"), at: 117)
        #expect(vienna.text == "June 3")
        #expect(vienna.value == "1961-06-03")
        #expect(vienna.rangeEnd?.range == 124..<131)
        #expect(vienna.rangeEnd?.value == "1961-06-04")
        // Anaphora after a range count from its start: "the next morning" (6362) is the 4th.
        #expect(try Self.expression(try Self.frus("d29"), at: 6362).value == "1961-06-04TMO")
        let shelling = try Self.expression(try Self.frus("d4"), at: 3914)
        #expect(shelling.value == "1958-08")
        #expect(shelling.rangeEnd?.range == 3921..<3935)
        #expect(shelling.rangeEnd?.value == "1958-09")
        // A range of years in one token, in a citation: d29 "1961" to "1963" (6921..<6925).
        let volume = try Self.expression(try Self.frus("d29"), at: 6916)
        #expect(volume.text == "1961")
        #expect(volume.rangeEnd?.range == 6921..<6925)
        #expect(volume.rangeEnd?.value == "1963")
    }

    @Test func demoFebruaryIsThePastOne() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.appendingPathComponent("13_self-reliance-assessment.txt").path)
        let document = TokenizedDocument(try #require(corpus.documents.first))
        let february = try Self.expression(document, at: 581)
        #expect(february.text == "February")
        #expect(february.value == "1965-02")
    }

    @Test func heldOutExamplesOfTheIssue() throws {
        // "September 1 [8], 1951" in a cable of October 1958: the editor's day wins.
        let corrected = try Self.plain("d31.txt", "September 1 [8], 1951")
        #expect(corrected.value == "1951-09-08")
        #expect(corrected.printed == "September 1")
        // "last spring" in a memorandum of 8 September 1958.
        #expect(try Self.plain("d23.txt", "last spring").value == "1958-SP")
        // "the first of September" in a memorandum of 11 August 1958.
        #expect(try Self.plain("d21.txt", "the first of September").value == "1958-09-01")
        // "last June" in a telegram of 5 June 1958 and a letter of 18 February 1958.
        #expect(try Self.plain("d15.txt", "last June").value == "1957-06")
        #expect(try Self.plain("d4.txt", "last June").value == "1957-06")
    }
}
