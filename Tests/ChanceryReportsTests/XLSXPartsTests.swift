import ChanceryCorpus
import Testing

@testable import ChanceryReports

/// The writer's pure-Swift parts: sheet names, cell text, display widths, link policy, pivots.
@Suite struct XLSXPartsTests {
    @Test func sheetNamesFollowExcelsRules() {
        let titles = ["Documents", "Terms: 1961/1962 [all]", "A title much longer than thirty-one characters",
                      "documents", "History", "'Quoted'", "", "Why? *", "DOCUMENTS"]
        #expect(SheetNames.assign(titles) == [
            "Documents", "Terms_ 1961_1962 _all_", "A title much longer than thirty", "documents (2)", "History_",
            "Quoted", "Sheet", "Why_ _", "DOCUMENTS (3)",
        ])
    }

    @Test func aRepeatedLongTitleStaysWithin31Characters() {
        let title = String(repeating: "Telegram ", count: 5)
        let names = SheetNames.assign([title, title])
        #expect(names[1] == "Telegram Telegram Telegram (2)")
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(Set(names).count == 2)
    }

    @Test(arguments: [
        ("plain text", "plain text", false),
        ("=1+1", "=1+1", false),
        ("_x0041_ and _x00", "_x005F_x0041_ and _x00", false),
        ("nul\u{0}here", "nul\u{FFFD}here", false),
        ("non\u{FFFE}char", "non\u{FFFD}char", false),
        ("ctl\u{1}x\ttab", "ctl\u{1}x\ttab", false),
        ("ctl\u{1}x\ttab", "ctl\u{FFFD}x\ttab", true),
    ])
    func cellTextIsMadeSafeForXML(input: String, expected: String, forChart: Bool) {
        #expect(CellText.prepared(input, forChart: forChart) == expected)
    }

    @Test func textOutsideCellsLosesControlsButNotEscapeLookalikes() {
        #expect(CellText.xmlSafe("Report\u{1} _x0041_") == "Report\u{FFFD} _x0041_")
        #expect(CellText.xmlSafe("Plain title") == "Plain title")
    }

    @Test func textPastExcelsCellLimitIsCutAndSaysSo() {
        let text = String(repeating: "é", count: 40_000)
        let cut = CellText.prepared(text)
        #expect(cut.utf16.count <= CellText.maxLength)
        #expect(cut.hasSuffix("the full text has 40000]"))
        #expect(cut.hasPrefix("éééé"))
    }

    @Test(arguments: [
        ("Pyongyang", 9), ("", 0), ("金日成", 6), ("조선", 4), ("e\u{301}tude", 5), ("short\na longer line", 13),
    ])
    func displayWidthCountsWideAndCombiningCharacters(text: String, width: Int) {
        #expect(CellText.displayWidth(text) == width)
        #expect(CellText.displayWidth(text) <= text.utf8.count)
    }

    @Test(arguments: [
        ("https://history.state.gov/historicaldocuments/frus1961-63v10/d1", true),
        ("HTTP://EXAMPLE.ORG", true),
        ("mailto:archivist@example.org", true),
        ("http://", false),
        ("file:///etc/passwd", false),
        ("external:c:\\x.xlsx", false),
        ("internal:Sheet1!A1", false),
        ("javascript:alert(1)", false),
        ("ftp://example.org/x", false),
        ("https://example.org/a b", false),
        ("https://example.org/\u{7}", false),
    ])
    func onlyWebAndMailURLsAreLinkable(url: String, linkable: Bool) {
        #expect(LinkPolicy.isLinkable(url) == linkable)
    }

    @Test func dateColumnsGetAnISOCompanionUnlessTheTableHasOne() {
        let layout = SheetLayout([Column("date", .date), Column("n", .integer), Column("seen", .date), Column("seen_iso", .text)])
        #expect(layout.headers == ["date", "date_iso", "n", "seen", "seen_iso"])
        #expect(layout.sheetColumn == [0, 2, 3, 4])
        #expect(layout.isoColumn == [1, nil, nil, nil])
    }

    @Test func pivotSumsRepeatedPairsAndSortsNumericCategories() {
        var pivot = ChartPivot(category: 0, series: 1, value: 2)
        for row: [Cell] in [
            [.integer(1963), .text("aid"), .integer(1)], [.integer(1961), .text("trade"), .decimal(0.5)],
            [.integer(1961), .text("trade"), .integer(2)], [.integer(1962), .text("aid"), .empty],
        ] {
            pivot.add(row)
        }
        #expect(pivot.seriesNames == ["aid", "trade"])
        #expect(pivot.orderedCategories.map { pivot.categories[$0] } == [.integer(1961), .integer(1962), .integer(1963)])
        #expect(pivot.value(category: 1, series: 1) == 2.5)  // 1961 is the second category met
        #expect(pivot.value(category: 2, series: 0) == nil)  // 1962/aid: no number
    }

    @Test func pivotKeepsTextCategoriesInFirstSeenOrderAndAtMost255Series() throws {
        var pivot = ChartPivot(category: 0, series: 1, value: 2, maxSeries: 2)
        for (category, series) in [("zeta", "a"), ("alpha", "b"), ("zeta", "c"), ("mid", "d")] {
            pivot.add([.text(category), .text(series), .integer(1)])
        }
        #expect(pivot.orderedCategories.map { pivot.categories[$0] } == [.text("zeta"), .text("alpha")])
        #expect(pivot.seriesNames == ["a", "b"])
        #expect(pivot.leftOutSeries == 2)
    }

    @Test func pivotSortsDateCategoriesChronologically() throws {
        var pivot = ChartPivot(category: 0, series: 1, value: 2)
        for date in [try HistoricalDate(year: 1962, month: 12), try HistoricalDate(year: 1962), try HistoricalDate(year: 1884, month: 3, day: 2)] {
            pivot.add([.date(date), .text("s"), .integer(1)])
        }
        #expect(pivot.orderedCategories.map { pivot.categories[$0].plainText } == ["1884-03-02", "1962", "1962-12"])
    }

    @Test func creationTimeIsNeverLibxlsxwritersNow() {
        #expect(WorkbookProperties().createdUnixTime == 978_307_200)
        #expect(WorkbookProperties(created: .init(timeIntervalSince1970: 0)).createdUnixTime == 1)
    }
}
