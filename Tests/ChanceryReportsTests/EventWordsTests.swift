import ChanceryCorpus
import ChanceryTestSupport
import ChanceryTime
import Foundation
import Testing

@testable import ChanceryPipeline
@testable import ChanceryReports

/// A document page's dated events say what the bare date leaves out (issue 16): a bound ("before 1962-10"), a vague
/// reference ("Recently" placed at the date it is counted from), a length of time ("fifty days") with the dates it
/// runs between, a part of a period or a time of day.
@Suite struct EventWordsTests {
    static func event(_ date: String, _ expression: String, kind: TemporalKind = .date, value: String? = nil,
                      modifier: DateModifier? = nil, vague: Bool = false, duration: TemporalDuration? = nil,
                      start: String? = nil) -> TemporalEvent {
        TemporalEvent(date: HistoricalDate(iso: date)!, documentID: "d", documentDate: HistoricalDate(iso: "1962-12-08"),
                      expression: expression, resolution: .relative, kind: kind, value: value, modifier: modifier, isVague: vague,
                      duration: duration, impliedStart: start.flatMap { HistoricalDate(iso: $0) }, sentence: "s",
                      sentenceIndex: 0, characterStart: 0)
    }

    /// Invented events, one of each qualifier.
    @Test func eachQualifierIsSaidInWords() {
        #expect(DocumentMarkdown.when(Self.event("1962-10", "before the crisis", modifier: .before)) == "before 1962-10")
        #expect(DocumentMarkdown.when(Self.event("1953-07-27", "since the armistice", modifier: .after)) == "after 1953-07-27")
        #expect(DocumentMarkdown.when(Self.event("1962-12", "early December", modifier: .start)) == "early 1962-12")
        #expect(DocumentMarkdown.when(Self.event("1950", "the late 1950s", modifier: .end)).hasPrefix("late 19"))
        #expect(DocumentMarkdown.when(Self.event("1961", "the spring of 1961", value: "1961-SP", modifier: .spring)) == "spring 1961")
        #expect(DocumentMarkdown.when(Self.event("1962-12-07", "Lately", value: "PAST_REF", vague: true))
            == "before 1962-12-07 (vague: “Lately”)")
        #expect(DocumentMarkdown.when(Self.event("1962-12-07", "soon", value: "FUTURE_REF", vague: true))
            == "after 1962-12-07 (vague: “soon”)")
        #expect(DocumentMarkdown.when(Self.event("1962-12-07", "thirty days", kind: .duration, value: "P30D",
                                                 duration: TemporalDuration(amount: 30, unit: .day), start: "1962-11-07"))
            == "duration: 30 days, 1962-11-07 to 1962-12-07")
        #expect(DocumentMarkdown.when(Self.event("1961-07-10", "several *months*", kind: .duration, value: "PXM", vague: true,
                                                 duration: TemporalDuration(amount: nil, unit: .month)))
            == "duration: some months (vague: “several \\*months\\*”), up to 1961-07-10")
        #expect(DocumentMarkdown.when(Self.event("1961-02-25", "this morning", kind: .time, value: "1961-02-25TMO")) == "1961-02-25 morning")
        #expect(DocumentMarkdown.when(Self.event("1961-02-25", "5 p.m.", kind: .time, value: "1961-02-25T17:00")) == "1961-02-25 17:00")
        #expect(DocumentMarkdown.when(Self.event("1962-12-07", "7 December")) == "1962-12-07")
    }

    static func page(_ path: String, document id: String) throws -> String {
        let analysis = CorpusAnalysis(try InputFiles.list(path), root: path, options: AnalysisOptions(parts: .all))
        let index = try #require(analysis.documents.firstIndex { $0.document.id.hasPrefix(id) })
        return DocumentMarkdown.render(analysis.documents[index], topTerms: analysis.topTerms(of: index),
                                       keywords: analysis.keywords(of: index), events: analysis.events(of: index))
    }

    /// The demo's instruction on trade talks: "forty days" is a duration ending at the document's date, and "the
    /// Korean War" is a bound ("since"), not a date.
    @Test func theDemoPagesSayDurationsAndBounds() throws {
        let page = try Self.page(TestData.demoCorpus.path, document: "07_trade-talks-instruction")
        #expect(page.contains("| duration: 40 days, 1961-09-23 to 1961-11-02 |"))
        #expect(page.contains("| after 1953-07-27 |"))
        #expect(page.contains("| spring 1961 |"))
        #expect(!page.contains("| 1953-07-27 |"))
    }

    /// The seed cable: "the Cuba issue" is a bound ("prior to"), "fifty days" a duration, "Recently" vague.
    @Test(needsSharedCorpora) func theSeedCablesPageKeepsItsQualifiers() throws {
        let page = try Self.page(try TestData.shared("seed").path, document: "")
        #expect(page.contains("| before 1962-10 |"))
        #expect(page.contains("| duration: 50 days, 1962-10-18 to 1962-12-07 |"))
        #expect(page.contains("| before 1962-12-07 (vague: “Recently”) |"))
        #expect(!page.contains("| 1962-10 |"))
        // The document's own date and its explicit dates stay bare.
        #expect(page.contains("| 1962-12-08 |") && page.contains("| 1962-12-07 |"))
    }
}
