import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryPipeline
@testable import ChanceryReports

/// The summary's charts and the KWIC sheet as a reader sees them (issue 16): topic hits per 1,000 tokens of each
/// year as columns without the undated documents, every bar of the top-20 chart named, and the KWIC sheet's left
/// context against the right edge of its cells so that the keywords line up.
@Suite struct ChartLayoutTests {
    /// Invented: a long-layout table with an "undated" period and a per-1k column; a ranking of thirty terms; a
    /// KWIC-shaped table.
    @Test(needsPython) func periodsAreColumnsWithoutUndatedAndRankingsNameEveryBar() throws {
        let topicYears = Table(name: "topics_by_year", title: "Topics by year", columns: [
            Column("year", .integer), Column("topic", .text), Column("hits", .integer), Column("per_1k", .decimal, decimals: 2),
        ], rows: [
            [.integer(1887), .text("aid"), .integer(4), .decimal(8.0)], [.integer(1962), .text("aid"), .integer(40), .decimal(0.5)],
            [.text("undated"), .text("aid"), .integer(7), .decimal(3.5)], [.integer(1956), .text("aid"), .integer(9), .decimal(1.25)],
        ])
        let terms = Table(name: "terms", title: "Terms", columns: [Column("term", .text), Column("count", .integer)],
                          rows: (0..<30).map { [.text("term\($0)"), .integer(100 - $0)] })
        let kwic = Table(name: "kwic", title: "KWIC", columns: [
            Column("left", .text, alignRight: true), Column("match", .text), Column("right", .text),
        ], rows: [[.text("the talks on"), .text("aid"), .text("went on")], [.text("long"), .text("trade"), .text("resumed")]])
        let folder = try TestData.temporaryFolder("chart-layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        try XLSXWriter.write(tables: [topicYears, terms, kwic], charts: [
            ChartSpec(.column, title: "Topic hits per 1,000 tokens, by year", table: "Topics by year", category: "year",
                      seriesColumn: "topic", valueColumn: "per_1k", numericCategoriesOnly: true),
            ChartSpec(.bar, title: "Top 20 terms", table: "Terms", category: "term", values: ["count"], firstRows: 20),
        ], to: url)
        let book = try XLSXReadback.read(url)
        let xml = book.chartXML.values.sorted()
        let years = try #require(xml.first { $0.contains("Topic hits per 1,000 tokens") })
        #expect(years.contains("<c:barChart>") && years.contains("<c:barDir val=\"col\"/>") && !years.contains("<c:lineChart>"))
        // Three years (1887, 1956, 1962) in order, "undated" left out; the values are the per-1k figures.
        #expect(years.contains("<c:f>'Chart data'!$A$3:$A$5</c:f>") && years.contains("<c:f>'Chart data'!$B$3:$B$5</c:f>"))
        let data = try #require(book.sheet("Chart data"))
        #expect(data.rows.dropFirst(2).prefix(3).map { $0[0].value } == ["1887", "1956", "1962"])
        #expect(data.rows.dropFirst(2).prefix(3).map { Double($0[1].value ?? "") } == [8.0, 1.25, 0.5])
        #expect(!data.rows.flatMap { $0.map(\.value) }.contains("undated"))
        let bar = try #require(xml.first { $0.contains("<c:barDir val=\"bar\"/>") })
        #expect(bar.contains("<c:tickLblSkip val=\"1\"/>"))
        let sheet = try #require(book.sheet("KWIC"))
        #expect(sheet.rows.dropFirst().allSatisfy { $0[0].horizontal == "right" && $0[1].horizontal == nil && $0[2].horizontal == nil })
        #expect(sheet.rows[0][0].horizontal == nil)  // the header keeps its place
    }

    /// The report of the demo corpus: the topic chart is columns of per-1k figures, the top-20 chart names every
    /// bar, and the KWIC sheet's left context is right-aligned.
    @Test(needsPython) func theDemoWorkbookChartsAndKWIC() throws {
        let out = try TestData.temporaryFolder("chart-layout-report").appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let run = try ChanceryProcess.run(["report", TestData.demoCorpus.path, "--out", out.path, "--formats", "xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        let book = try XLSXReadback.read(out.appendingPathComponent("chancery.xlsx"))
        let xml = book.chartXML.values.sorted()
        #expect(!xml.contains { $0.contains("<c:lineChart>") })
        let topics = try #require(xml.first { $0.contains("Topic hits per 1,000 tokens, by year") })
        #expect(topics.contains("<c:barDir val=\"col\"/>"))
        let bar = try #require(xml.first { $0.contains("<c:barDir val=\"bar\"/>") })
        #expect(bar.contains("<c:tickLblSkip val=\"1\"/>"))
        // The pivoted values are the sheet's per_1k figures, not hit counts.
        let sheet = try #require(book.sheet("Topics by year"))
        let header = sheet.header
        let year = try #require(header.firstIndex(of: "year")), topic = try #require(header.firstIndex(of: "topic"))
        let per1k = try #require(header.firstIndex(of: "per_1k"))
        let data = try #require(book.sheet("Chart data"))
        let names = data.rows[1].map(\.value)
        for row in sheet.rows.dropFirst() where row[year].value != "undated" {
            guard let column = names.firstIndex(of: row[topic].value),
                  let line = data.rows.first(where: { $0.first?.value == row[year].value }) else {
                Issue.record("no chart data for \(row[year].value ?? "?") \(row[topic].value ?? "?")"); continue
            }
            #expect(Double(line[column].value ?? "") == Double(row[per1k].value ?? "-"))
        }
        let kwic = try #require(book.sheet("KWIC"))
        let left = try #require(kwic.header.firstIndex(of: "left"))
        #expect(kwic.rows.count > 10 && kwic.rows.dropFirst().allSatisfy { $0[left].value == nil || $0[left].horizontal == "right" })
    }
}
