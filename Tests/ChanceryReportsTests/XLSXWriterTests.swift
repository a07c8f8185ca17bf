import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// The XLSX writer, read back by openpyxl (see ``XLSXReadback``), never by our own code.
@Suite struct XLSXWriterTests {
    // MARK: - A small report-shaped workbook

    static func day(_ year: Int, _ month: Int, _ day: Int) throws -> HistoricalDate {
        try HistoricalDate(year: year, month: month, day: day)
    }

    /// Formula-looking archive text: each must come back as the same string, never a formula.
    static let formulaLike = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-2+3", "\t=1+1", "\r=1+1"]

    static let longText = String(repeating: "The Ambassador called on the Foreign Minister. ", count: 6)

    static func documents() throws -> Table {
        let dates: [Cell] = [
            .date(try day(1962, 12, 8)), .date(try day(1884, 3, 2)), .date(try HistoricalDate(year: 1962, month: 12)),
            .date(try HistoricalDate(year: 1962)), .date(try HistoricalDate(decade: 1960)), .date(try day(1900, 2, 28)),
            .date(try day(1900, 3, 1)), .empty,
        ]
        let urls: [Cell] = [
            .url("https://digitalarchive.wilsoncenter.org/document/116591"), .url("file:///etc/passwd"),
            .url("mailto:archivist@example.org"), .url("javascript:alert(1)"), .url("external:c:\\x.xlsx"),
            .url("https://example.org/" + String(repeating: "a", count: 3_000)), .url("=HYPERLINK(\"http://x\")"), .empty,
        ]
        let titles: [Cell] = formulaLike.map { .text($0) } + [.text(longText), .text("_x0041_ stays literal")]
        var rows: [[Cell]] = []
        for index in 0..<8 {
            rows.append([
                .text("d\(index + 1)"), titles[index], dates[index], .integer(index * 100 + 7),
                index == 3 ? .decimal(.nan) : .decimal(Double(index) + 0.125), urls[index],
            ])
        }
        return Table(name: "documents", title: "Documents", columns: [
            Column("id", .text), Column("title", .text), Column("date", .date), Column("tokens", .integer),
            Column("score", .decimal, decimals: 2), Column("source_url", .url),
        ], rows: rows)
    }

    static let years = Table(name: "years", title: "Years", columns: [Column("year", .integer), Column("documents", .integer)],
                             rows: [[.integer(1961), .integer(3)], [.integer(1962), .integer(5)], [.integer(1963), .integer(2)]])

    /// Long layout, deliberately unsorted: the writer pivots it for the line chart.
    static let topicsByYear = Table(
        name: "topics_by_year", title: "Topics by year",
        columns: [Column("year", .integer), Column("topic", .text), Column("hits", .integer)],
        rows: [
            [.integer(1962), .text("aid"), .integer(3)], [.integer(1961), .text("trade"), .integer(1)],
            [.integer(1961), .text("aid"), .integer(2)], [.integer(1963), .text("self-reliance"), .integer(4)],
            [.integer(1962), .text("trade"), .integer(5)], [.integer(1962), .text("aid"), .integer(1)],
        ])

    /// Thirty terms, one with a control character (libxlsxwriter copies chart labels raw into the chart part).
    static let terms = Table(
        name: "terms", title: "Terms", columns: [Column("term", .text), Column("count", .integer)],
        rows: (0..<30).map { index in [.text(index == 2 ? "ctl\u{1}term" : "term\(index)"), .integer(100 - index)] })

    static let summary = Table(name: "summary", title: "Summary", columns: [Column("measure", .text), Column("value", .text)],
                               rows: [[.text("documents"), .text("8")], [.text("first date"), .text("1884-03-02")],
                                      [.text("odd text"), .text("bell\u{7} and tab\t")]])

    static let charts = [
        ChartSpec(.column, title: "Documents per year", table: "Years", category: "year", values: ["documents"]),
        ChartSpec(.line, title: "Topic hits per year", table: "topics_by_year", category: "year",
                  seriesColumn: "topic", valueColumn: "hits", placement: .onSheet("Summary")),
        ChartSpec(.bar, title: "Top 20 terms", table: "Terms", category: "term", values: ["count"],
                  firstRows: 20, placement: .onSheet("Summary")),
    ]

    static let properties = WorkbookProperties(title: "Chancery report", subject: "Test corpus", comments: "Invented data")

    /// Writes the report-shaped workbook into a new folder, reads it back and removes the folder.
    static func reportWorkbook() throws -> XLSXReadback {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("chancery.xlsx")
        try XLSXWriter.write(tables: [documents(), years, topicsByYear, terms, summary], charts: charts,
                             properties: properties, to: url)
        return try XLSXReadback.read(url)
    }

    // MARK: - Sheets, header, panes, filter, widths

    @Test(needsPython)
    func sheetsAreNamedByTableTitlesPlusChartData() throws {
        let book = try Self.reportWorkbook()
        #expect(book.sheets.map(\.title) == ["Documents", "Years", "Topics by year", "Terms", "Summary", "Chart data"])
    }

    @Test(needsPython)
    func sheetTitlesAreMendedToExcelsRules() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("names.xlsx")
        let titles = ["Terms: 1961/1962 [all]", "Documents", "documents", "Keyword in context, by document and topic"]
        let tables = titles.enumerated().map { index, title in
            Table(name: "t\(index)", title: title, columns: [Column("n", .integer)], rows: [[.integer(index)]])
        }
        try XLSXWriter.write(tables: tables, to: url)
        let book = try XLSXReadback.read(url)
        #expect(book.sheets.map(\.title) == ["Terms_ 1961_1962 _all_", "Documents", "documents (2)", "Keyword in context, by document"])
    }

    @Test(needsPython)
    func headerIsBoldFrozenAndFiltered() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        #expect(sheet.header == ["id", "title", "date", "date_iso", "tokens", "score", "source_url"])
        #expect(sheet.rows[0].map(\.bold) == Array(repeating: true, count: 7))
        #expect(sheet.rows[1].map(\.bold) == Array(repeating: false, count: 7))
        #expect(sheet.freeze == "A2")
        #expect(sheet.filter == "A1:G9")
    }

    @Test(needsPython)
    func columnWidthsFitTheContentUpToTheCap() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let title = try #require(sheet.widths["B"])
        #expect(title > 8.43)  // Excel's default width
        #expect(title <= 61.8)  // capped at 60 characters (+1, and libxlsxwriter's padding)
        let id = try #require(sheet.widths["A"])
        #expect(id < title)
        // "date_iso" and its filter button.
        #expect(try #require(sheet.widths["D"]) >= 11)
    }

    // MARK: - Cell kinds

    @Test(needsPython, arguments: formulaLike.enumerated().map { ($0.offset + 1, $0.element) })
    func formulaLookingTextStaysText(row: Int, text: String) throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let cell = try #require(sheet.cell("title", row: row))
        #expect(cell.type == "s")
        #expect(cell.text == text)
        #expect(sheet.formulas == 0)
    }

    @Test(needsPython)
    func excelEscapeLookalikeTextIsKeptLiterally() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        #expect(sheet.cell("title", row: 8)?.text == "_x0041_ stays literal")
    }

    @Test(needsPython)
    func numbersAreNumbersWithTheColumnsDecimals() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let tokens = try #require(sheet.cell("tokens", row: 2))
        #expect(tokens.type == "n")
        #expect(tokens.value == "107")
        let score = try #require(sheet.cell("score", row: 2))
        #expect(score.type == "n")
        #expect(score.value == "1.125")
        #expect(score.format == "0.00")
        // NaN has no number in a spreadsheet: it is written as its text.
        #expect(sheet.cell("score", row: 4)?.text == "NaN")
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        var row: Int
        var isDate: Bool
        var value: String
        var format: String?
        var testDescription: String { "row \(row): \(value)" }
    }

    @Test(needsPython, arguments: [
        DateCase(row: 1, isDate: true, value: "1962-12-08T00:00:00", format: "yyyy-mm-dd"),
        DateCase(row: 2, isDate: false, value: "1884-03-02", format: nil),
        DateCase(row: 3, isDate: true, value: "1962-12-01T00:00:00", format: "yyyy-mm"),
        DateCase(row: 4, isDate: true, value: "1962-01-01T00:00:00", format: "yyyy"),
        DateCase(row: 5, isDate: false, value: "196X", format: nil),
        DateCase(row: 6, isDate: false, value: "1900-02-28", format: nil),
        DateCase(row: 7, isDate: true, value: "1900-03-01T00:00:00", format: "yyyy-mm-dd"),
    ])
    func datesAreDateCellsFrom1900MarchElseISOText(_ expected: DateCase) throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let cell = try #require(sheet.cell("date", row: expected.row))
        #expect(cell.isDate == expected.isDate)
        #expect(cell.value == expected.value)
        if let format = expected.format {
            #expect(cell.format == format)
        } else {
            #expect(cell.type == "s")
        }
    }

    @Test(needsPython)
    func everyDateColumnHasAnISOTextCompanion() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let iso = (1...8).map { sheet.cell("date_iso", row: $0)?.text }
        #expect(iso == ["1962-12-08", "1884-03-02", "1962-12", "1962", "196X", "1900-02-28", "1900-03-01", nil])
        #expect(sheet.cell("date_iso", row: 1)?.type == "s")
    }

    @Test(needsPython)
    func onlyWebAndMailLinksBecomeHyperlinks() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Documents"))
        let links = (1...7).map { sheet.cell("source_url", row: $0)?.link }
        #expect(links == ["https://digitalarchive.wilsoncenter.org/document/116591", nil, "mailto:archivist@example.org",
                          nil, nil, nil, nil])
        // Refused links are kept as their text.
        #expect(sheet.cell("source_url", row: 2)?.text == "file:///etc/passwd")
        #expect(sheet.cell("source_url", row: 5)?.text == "external:c:\\x.xlsx")
        #expect(sheet.cell("source_url", row: 6)?.text?.utf8.count == 3_020)
        #expect(sheet.cell("source_url", row: 7)?.text == "=HYPERLINK(\"http://x\")")
        // A link shows its whole URL, as the CSV has it.
        #expect(sheet.cell("source_url", row: 1)?.text == "https://digitalarchive.wilsoncenter.org/document/116591")
        #expect(sheet.cell("source_url", row: 3)?.text == "mailto:archivist@example.org")
    }

    @Test(needsPython)
    func linksPastTheSheetsLimitArePlainText() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("links.xlsx")
        let table = Table(name: "links", title: "Links", columns: [Column("url", .url)],
                          rows: (1...5).map { [.url("https://example.org/\($0)")] })
        var limits = XLSXLimits.excel
        limits.maxLinks = 3
        try XLSXWriter.write(tables: [table], charts: [], properties: WorkbookProperties(), to: url, limits: limits)
        let sheet = try #require(try XLSXReadback.read(url).sheet("Links"))
        #expect((1...5).map { sheet.cell("url", row: $0)?.link != nil } == [true, true, true, false, false])
        #expect(sheet.cell("url", row: 5)?.text == "https://example.org/5")
    }

    // MARK: - Charts

    @Test(needsPython)
    func chartsAreNativeAndWhereTheSpecSaysAndWellFormed() throws {
        let book = try Self.reportWorkbook()
        #expect(book.chartXML.count == 3)
        #expect(book.sheet("Years")?.charts == 1)
        #expect(book.sheet("Summary")?.charts == 2)
        #expect(book.sheet("Terms")?.charts == 0)

        let xml = book.chartXML.values.sorted()
        let column = try #require(xml.first { $0.contains("<c:barDir val=\"col\"/>") })
        #expect(column.contains("<c:f>Years!$B$2:$B$4</c:f>"))
        #expect(column.contains("<c:f>Years!$A$2:$A$4</c:f>"))
        let bar = try #require(xml.first { $0.contains("<c:barDir val=\"bar\"/>") })
        #expect(bar.contains("<c:f>Terms!$A$2:$A$21</c:f>"))  // the first 20 rows
        #expect(bar.contains("<c:orientation val=\"maxMin\"/>"))  // first row at the top
        let line = try #require(xml.first { $0.contains("<c:lineChart>") })
        #expect(line.contains("'Chart data'!$B$3:$B$5"))
        #expect(line.components(separatedBy: "<c:ser>").count - 1 == 3)  // aid, trade, self-reliance
    }

    /// libxlsxwriter copies chart labels raw into the chart part, where a control character is invalid XML
    /// (the read-back parses every part): labels a chart uses lose them, other text keeps them.
    @Test(needsPython)
    func controlCharactersAreKeptExceptInChartLabels() throws {
        let book = try Self.reportWorkbook()
        #expect(book.sheet("Terms")?.cell("term", row: 3)?.text == "ctl\u{FFFD}term")
        #expect(book.sheet("Summary")?.cell("value", row: 3)?.text == "bell\u{7} and tab\t")
    }

    @Test(needsPython)
    func longLayoutIsPivotedOntoTheChartDataSheet() throws {
        let sheet = try #require(try Self.reportWorkbook().sheet("Chart data"))
        let grid = sheet.rows.prefix(5).map { $0.prefix(4).map(\.value) }
        #expect(grid[1] == ["year", "aid", "trade", "self-reliance"])
        #expect(grid[2] == ["1961", "2", "1", nil])
        #expect(grid[3] == ["1962", "4", "5", nil])  // 3 + 1: pairs met twice are summed
        #expect(grid[4] == ["1963", nil, nil, "4"])
    }

    @Test func chartNamingAMissingColumnFailsBeforeAnythingIsWritten() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.xlsx")
        let spec = ChartSpec(.column, title: "Per year", table: "Years", category: "year", values: ["letters"])
        let error = #expect(throws: XLSXError.self) {
            try XLSXWriter.write(tables: [Self.years], charts: [spec], to: url)
        }
        #expect(error?.code == .invalidChart)
        #expect(error?.description.contains("no column 'letters'") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func chartOfATextColumnIsRefused() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.xlsx")
        let spec = ChartSpec(.bar, title: "Terms", table: "terms", category: "count", values: ["term"])
        #expect(throws: XLSXError.self) { try XLSXWriter.write(tables: [Self.terms], charts: [spec], to: url) }
    }

    // MARK: - Determinism and properties

    @Test(arguments: [false, true])
    func sameInputGivesTheSameBytes(constantMemory: Bool) throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.xlsx")
        let second = folder.appendingPathComponent("second.xlsx")
        let tables = [try Self.documents(), Self.years, Self.topicsByYear, Self.terms, Self.summary]
        var limits = XLSXLimits.excel
        if constantMemory { limits.constantMemoryAbove = 0 }
        try XLSXWriter.write(tables: tables, charts: Self.charts, properties: Self.properties, to: first, limits: limits)
        Thread.sleep(forTimeInterval: 1.1)  // a clock-dependent timestamp would now differ
        try XLSXWriter.write(tables: tables, charts: Self.charts, properties: Self.properties, to: second, limits: limits)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test(needsPython)
    func propertiesAreStoredWithTheFixedCreationDate() throws {
        let book = try Self.reportWorkbook()
        #expect(book.properties.title == "Chancery report")
        #expect(book.properties.creator == "Chancery")
        #expect(book.properties.created == "2001-01-01T00:00:00")
    }

    @Test(needsPython)
    func oddPropertyAndChartTitlesStayLiteralAndWellFormed() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("titles.xlsx")
        let chart = ChartSpec(.column, title: "=SUM(A1)\u{1}", table: "Years", category: "year", values: ["documents"])
        try XLSXWriter.write(tables: [Self.years], charts: [chart],
                             properties: WorkbookProperties(title: "Report\u{1} _x0041_"), to: url)
        let book = try XLSXReadback.read(url)  // parses every part
        #expect(book.properties.title == "Report\u{FFFD} _x0041_")
        #expect(book.chartXML.values.first?.contains("<a:t> =SUM(A1)\u{FFFD}</a:t>") == true)
    }

    // MARK: - Size: constant memory and Excel's row limit

    @Test(needsPython)
    func aStreamedTableOf150000RowsIsWrittenInConstantMemory() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.xlsx")
        let rows = 150_000
        let table = Table(name: "kwic", title: "KWIC", columns: [Column("n", .integer), Column("line", .text), Column("date", .date)],
                          rowCount: rows) { sink in
            let date = Cell.date(try HistoricalDate(year: 1962, month: 12, day: 8))
            for index in 0..<rows {
                // The widest line comes late: widths are measured over every row, in this mode too.
                let line = index == rows - 10 ? String(repeating: "x", count: 40) : "line \(index)"
                try sink([.integer(index), .text(line), date])
            }
        }
        try XLSXWriter.write(tables: [table], to: url)
        let sheet = try XLSXReadback.streamed(url, sheet: "KWIC")
        #expect(sheet.rows == rows + 1)
        #expect(try #require(sheet.widths["B"]) >= 40)
        #expect(sheet.filter == "A1:D150001")
        #expect(sheet.pane == "A2")
        #expect(sheet.firstRowDates == [false, false, true, false])
        // Constant-memory mode writes strings inline, without a shared-string table.
        #expect(!sheet.sharedStrings)
    }

    struct CutCase: Sendable, CustomTestStringConvertible {
        var rows: Int
        /// Sheet rows read back, header included.
        var sheetRows: Int
        var note: String?
        var testDescription: String { "\(rows) rows" }
    }

    /// With a 10-row sheet: 9 data rows fit; a 10th (or more) is cut, and the last row says how many.
    @Test(needsPython, arguments: [
        CutCase(rows: 8, sheetRows: 9, note: nil),
        CutCase(rows: 9, sheetRows: 10, note: nil),
        CutCase(rows: 10, sheetRows: 10, note: "2 more rows are not shown: an Excel sheet holds at most 10 rows. cut.csv has every row."),
        CutCase(rows: 25, sheetRows: 10, note: "17 more rows are not shown: an Excel sheet holds at most 10 rows. cut.csv has every row."),
    ])
    func aTableLongerThanTheSheetIsCutWithANote(_ expected: CutCase) throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cut.xlsx")
        let table = Table(name: "cut", title: "Cut", columns: [Column("n", .integer)], rowCount: nil) { sink in
            for index in 1...expected.rows { try sink([.integer(index)]) }
        }
        var limits = XLSXLimits.excel
        limits.maxRows = 10
        try XLSXWriter.write(tables: [table], charts: [], properties: WorkbookProperties(), to: url, limits: limits)
        let sheet = try #require(try XLSXReadback.read(url).sheet("Cut"))
        #expect(sheet.maxRow == expected.sheetRows)
        let last = sheet.rows[expected.sheetRows - 1][0]
        if let note = expected.note {
            #expect(last.text == note)
            #expect(sheet.filter == "A1:A9")
            #expect(sheet.rows[expected.sheetRows - 2][0].value == "8")
        } else {
            #expect(last.value == String(expected.rows))
        }
    }

    // MARK: - Errors

    @Test func unwritablePathsGiveAClearError() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        let destinations = [
            (URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/chancery.xlsx"), "there is no folder /nonexistent-"),
            (folder, "a folder has that name"),
            (file.appendingPathComponent("chancery.xlsx"), "there is no folder \(file.path)"),
        ]
        for (url, reason) in destinations {
            let error = #expect(throws: XLSXError.self) {
                try XLSXWriter.write(tables: [Self.years], to: url)
            }
            #expect(error?.code == .creatingFile)
            #expect(error?.path == url.path)
            #expect(error?.description.hasPrefix(url.path + ": error: cannot create the workbook: " + reason) == true)
            // lxw_strerror's own text for LXW_ERROR_CREATING_XLSX_FILE.
            #expect(error?.description.contains("Error creating output xlsx file") == true)
        }
    }

    /// A folder that looks writable but is not (/proc, even for root): libxlsxwriter's own failure at close is mapped.
    ///
    /// Run in a child process (an exit test) whose stderr is kept: libxlsxwriter prints the failure itself
    /// ("[ERROR] workbook_close(): Error creating …", LXW_PRINTF in xlsxwriter/common.h), and in the test log
    /// that expected line would read as a failure. The child exits 0 when the error is the expected one.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self"), "needs /proc"))
    func aFailureAtCloseCarriesLibxlsxwritersMessage() async throws {
        let result = try await #require(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let url = URL(fileURLWithPath: "/proc/chancery-\(UUID().uuidString).xlsx")
            do {
                try XLSXWriter.write(tables: [XLSXWriterTests.years], to: url)
            } catch let error as XLSXError {
                let expected = error.code == .creatingFile && error.description.hasPrefix(url.path + ": error: ")
                    && error.description.contains("Error creating output xlsx file")
                exit(expected ? 0 : 1)
            } catch {
                exit(3)
            }
            exit(2)
        }
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("workbook_close(): Error creating '/proc/chancery-"), "\(stderr)")
    }

    @Test func aRowWithTheWrongNumberOfCellsIsAnError() throws {
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("shape.xlsx")
        let table = Table(name: "bad", title: "Bad", columns: [Column("a", .text), Column("b", .text)],
                          rows: [[.text("1"), .text("2")], [.text("3")]])
        let error = #expect(throws: XLSXError.self) { try XLSXWriter.write(tables: [table], to: url) }
        #expect(error?.code == .invalidTable)
        #expect(error?.sheet == "Bad")
        #expect(error?.row == 3)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func aTableWhoseRowsFailGivesItsReason() throws {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "cables/1962-12-08.txt: unreadable" }
        }
        let folder = try TestData.temporaryFolder("xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.xlsx")
        let table = Table(name: "broken", title: "Broken", columns: [Column("a", .integer)]) { sink in
            try sink([.integer(1)])
            throw Broken()
        }
        let error = #expect(throws: XLSXError.self) { try XLSXWriter.write(tables: [table], to: url) }
        #expect(error?.code == .rowsFailed)
        #expect(error?.description.contains("cables/1962-12-08.txt: unreadable") == true)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
