import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

@Suite struct CSVWriterTests {
    static let table = Table(name: "t", title: "T", columns: [Column("text", .text), Column("number", .decimal), Column("date", .date), Column("count", .integer)], rows: [
        [.text("=cmd|' /C calc'!A0"), .decimal(-2.5), .date(try! HistoricalDate(year: 1884, month: 3, day: 2)), .integer(-3)],
        [.text("+1+1"), .decimal(0.1), .date(try! HistoricalDate(year: 1962, month: 12)), .integer(7)],
        [.text("@SUM(A1)"), .decimal(1e-20), .empty, .integer(0)],
        [.text("-2+3"), .decimal(3), .date(try! HistoricalDate(decade: 1950)), .integer(1)],
        [.text("\tTabbed"), .decimal(1), .empty, .integer(1)],
        [.text("a, \"quoted\"\nline"), .decimal(1), .empty, .integer(1)],
        [.text("-5"), .decimal(1), .empty, .integer(1)],
    ])

    @Test func neutralizesFormulasButKeepsNumbers() throws {
        let csv = try CSVWriter().string(Self.table)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "text,number,date,count")
        #expect(lines[1] == "'=cmd|' /C calc'!A0,-2.5,1884-03-02,-3")
        #expect(lines[2] == "'+1+1,0.1,1962-12,7")
        #expect(lines[3] == "'@SUM(A1),1e-20,,0")
        #expect(lines[4] == "'-2+3,3.0,195X,1")
        #expect(lines[5] == "'\tTabbed,1.0,,1")
        #expect(lines[6] == "\"a, \"\"quoted\"\"\nline\",1.0,,1")
        #expect(csv.contains("\n-5,1.0,,1\r\n"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func excelBOMIsOptional() throws {
        #expect(try CSVWriter(excelBOM: true).string(Self.table).hasPrefix("\u{FEFF}text"))
        #expect(try CSVWriter().string(Self.table).hasPrefix("text"))
    }

    @Test(needsPython) func pythonsCSVModuleReadsBackTheTable() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv")
        try CSVWriter().write(Self.table, to: file)
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as handle:
                print(json.dumps(list(csv.reader(handle))))
            """
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(TestPython.run(script, [file.path]).utf8)) as? [[String]])
        #expect(rows.count == 8)
        #expect(rows[6][0] == "a, \"quoted\"\nline")
        #expect(rows[1][0] == "'=cmd|' /C calc'!A0")
        #expect(Double(rows[1][1]) == -2.5)
        #expect(rows.dropFirst().allSatisfy { Double($0[1]) != nil })
        #expect(rows.dropFirst().allSatisfy { !$0[0].hasPrefix("=") && !$0[0].hasPrefix("+") && !$0[0].hasPrefix("@") })
    }

    @Test func sameTableSameBytes() throws {
        #expect(try CSVWriter().string(Self.table) == CSVWriter().string(Self.table))
    }
}
