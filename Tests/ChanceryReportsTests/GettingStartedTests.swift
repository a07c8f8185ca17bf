import ChanceryAnalytics
import ChanceryCorpus
import ChanceryPipeline
import ChanceryReports
import ChanceryTestSupport
import Foundation
import Testing

/// The calls of Sources/ChanceryReports/ChanceryReports.docc/GettingStarted.md, as the article writes them (files
/// go to a temporary folder instead of /tmp), with plain imports (public API only), and what the article says
/// they print or write. DocC does not compile an article's code; this test does, so an article that no longer
/// builds or says the wrong thing fails here.
@Suite struct ReportsGettingStartedTests {
    @Test func aTableOfYourOwn() throws {
        let table = Table(name: "meetings", title: "Meetings", columns: [
            Column("date", .date), Column("who", .text), Column("minutes", .integer),
        ], rows: [
            [.date(try HistoricalDate(year: 1962, month: 10, day: 22)), .text("the ambassador"), .integer(40)],
            [.date(try HistoricalDate(year: 1962, month: 11)), .text("=1+1"), .empty],
        ])
        #expect(try CSVWriter().string(table) == "date,who,minutes\r\n1962-10-22,the ambassador,40\r\n1962-11,'=1+1,\r\n")
        #expect(try TableJSON.string(table) == """
            [
              {"date": "1962-10-22", "who": "the ambassador", "minutes": 40},
              {"date": "1962-11", "who": "=1+1", "minutes": null}
            ]

            """)
    }

    @Test(needsPython) func anAnalysisAsAWorkbookAndItsDigest() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        var counter = TermCounter()
        for document in corpus.tokenizedDocuments() { counter.add(document) }
        let terms = AnalysisTables.terms(TermFrequencies(counter), top: 20)

        let workbook = folder.appendingPathComponent("terms.xlsx")
        try XLSXWriter.write(
            tables: [terms],
            charts: [ChartSpec(.bar, title: "Top 20 terms", table: "Terms", category: "term", values: ["count"])],
            to: workbook)
        let sheet = try #require(try XLSXReadback.read(workbook).sheet("Terms"))
        #expect(sheet.header.first == "term" && sheet.maxRow == 21 && sheet.charts == 1 && sheet.formulas == 0)

        let csv = folder.appendingPathComponent("terms.csv")
        let digest = try CSVWriter().write(terms, to: csv)
        #expect(digest == SHA256.hexOfFile(csv.path))
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
