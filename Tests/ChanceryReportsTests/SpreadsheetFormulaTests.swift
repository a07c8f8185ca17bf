import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryReports

/// Which cell beginnings a spreadsheet runs as a formula, and that ours run none (issue 14, item 12).
///
/// The rule (CSVWriter.neutralize) is checked on its own; where LibreOffice is installed, it is also
/// asked: a CSV and a workbook of ours are converted to flat ODS and no cell may come back a formula,
/// while the same values written raw must (so the check can fail).
@Suite struct SpreadsheetFormulaTests {
    /// Beginnings that run in LibreOffice (`=`, and `=` after spaces when the import trims them) or in
    /// Excel (`+`, `-`, `@`, tab, carriage return): prefixed with an apostrophe.
    static let prefixed = [
        "=1+1", "+1+1", "-1+1", "@SUM(1;1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://example.org\";\"x\")",
        " =1+1", "   =1+1", " +1+1", " -1+1", " @SUM(1;1)",
    ]

    /// Beginnings that no spreadsheet tried runs: left as they are.
    static let leftAlone = [
        "\u{FF1D}1+1", "\u{FF0B}1+1", "\u{FF0D}1+1", "\u{FF20}SUM(1;1)", "\u{FF1D}\u{FF11}\u{FF0B}\u{FF11}", "\u{FE66}1+1",
        "\u{FF1D}HYPERLINK(\"http://example.org\";\"x\")",
        "\u{200B}=1+1", "\u{200C}=1+1", "\u{200D}=1+1", "\u{2060}=1+1", "\u{FEFF}=1+1", "\u{00AD}=1+1", "\u{200E}=1+1",
        "\u{00A0}=1+1", "\u{3000}=1+1", "\u{200B}+1+1", "\u{200B}-1+1", "\u{200B}@SUM(1;1)",
        "-5", " -5", "+3.25", "a=1+1", "",
    ]

    @Test func theRule() {
        for text in Self.prefixed {
            #expect(CSVWriter.neutralize(text) == "'" + text, "\(text.debugDescription)")
        }
        for text in Self.leftAlone {
            #expect(CSVWriter.neutralize(text) == text, "\(text.debugDescription)")
        }
    }

    static let values = prefixed + leftAlone

    /// Rows "r0", "r1", … with one value each.
    static func table(_ values: [String]) -> Table {
        Table(name: "cells", title: "Cells", columns: [Column("name", .text), Column("value", .text)],
              rows: values.enumerated().map { [.text("r\($0.offset)"), .text($0.element)] })
    }

    /// LibreOffice's CSV import: comma, double quote, UTF-8, from line 1, formulas evaluated; with or
    /// without "Trim spaces" (token 11).
    static func csvFilter(trimSpaces: Bool) -> String {
        "CSV:44,34,76,1,,0,false,true,false,false,\(trimSpaces),false,true"
    }

    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui"))
    func libreOfficeRunsNoCellOfOurCSV() throws {
        let folder = try TestData.temporaryFolder("chancery-formulas")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ours = folder.appendingPathComponent("ours.csv")
        try CSVWriter().write(Self.table(Self.values), to: ours)
        // The same values without the apostrophes, as a writer that did not neutralize would write them.
        let raw = folder.appendingPathComponent("raw.csv")
        let rawRows = ["name,value"] + Self.values.enumerated().map { "r\($0.offset),\"\($0.element.replacingOccurrences(of: "\"", with: "\"\""))\"" }
        try Data(rawRows.joined(separator: "\r\n").utf8).write(to: raw)

        for trim in [false, true] {
            let formulas = try LibreOffice.formulaRows(of: ours, filter: Self.csvFilter(trimSpaces: trim), in: folder)
            #expect(formulas.isEmpty, "trim \(trim): \(formulas.map { Self.values[$0].debugDescription })")
            let rawFormulas = try LibreOffice.formulaRows(of: raw, filter: Self.csvFilter(trimSpaces: trim), in: folder)
            // Unquoted, ` =1+1` would run with trimming too; quoted (as here) it does not. `=1+1` always runs.
            #expect(rawFormulas.contains(Self.values.firstIndex(of: "=1+1")!), "trim \(trim): \(rawFormulas)")
            // Nothing left alone runs, raw or not.
            let leftAloneRows = Set(Self.prefixed.count..<Self.values.count)
            #expect(rawFormulas.allSatisfy { !leftAloneRows.contains($0) }, "trim \(trim): \(rawFormulas.map { Self.values[$0].debugDescription })")
        }

        // Leading spaces: unquoted, with trimming on, the raw value runs; ours does not.
        let spaced = folder.appendingPathComponent("spaced.csv")
        try Data("name,value\r\nr0, =1+1\r\n".utf8).write(to: spaced)
        #expect(try LibreOffice.formulaRows(of: spaced, filter: Self.csvFilter(trimSpaces: true), in: folder) == [0])
        let spacedOurs = folder.appendingPathComponent("spaced-ours.csv")
        try CSVWriter().write(Self.table([" =1+1"]), to: spacedOurs)
        #expect(try LibreOffice.formulaRows(of: spacedOurs, filter: Self.csvFilter(trimSpaces: true), in: folder).isEmpty)
    }

    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui"))
    func libreOfficeReadsOurWorkbookCellsAsText() throws {
        let folder = try TestData.temporaryFolder("chancery-formulas")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("ours.xlsx")
        try XLSXWriter.write(tables: [Self.table(Self.values)], to: workbook)
        let formulas = try LibreOffice.formulaRows(of: workbook, filter: nil, in: folder)
        #expect(formulas.isEmpty, "\(formulas.map { Self.values[$0].debugDescription })")
        let flat = try String(contentsOf: folder.appendingPathComponent("ours.fods"), encoding: .utf8)
        #expect(flat.contains("<text:p>=1+1</text:p>"))
        #expect(flat.contains("<text:p>\u{FF1D}1+1</text:p>"))
    }
}

/// LibreOffice headless, when installed: converts a file to flat ODS and says which rows hold formulas.
enum LibreOffice {
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("soffice") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The data rows (0 for the row after the header) whose value cell LibreOffice read as a formula.
    /// Rows are found by their name cell, "r0", "r1", ….
    static func formulaRows(of file: URL, filter: String?, in folder: URL) throws -> [Int] {
        let soffice = try #require(executable)
        let out = folder.appendingPathComponent("converted-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = soffice
        // A profile of its own, so that the test neither reads nor changes the user's.
        process.arguments = ["-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)", "--headless"]
            + (filter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", "fods", "--outdir", out.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let converted = out.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".fods")
        let flat = try String(contentsOf: converted, encoding: .utf8)
        try? FileManager.default.copyItem(at: converted, to: folder.appendingPathComponent(converted.lastPathComponent))
        var rows: [Int] = []
        for row in flat.components(separatedBy: "<table:table-row").dropFirst() {
            let cells = row.components(separatedBy: "<table:table-cell").dropFirst()
            guard let name = cells.first, let open = name.range(of: "<text:p>r"), let value = cells.dropFirst().first else { continue }
            let number = Int(name[open.upperBound...].prefix { $0.isNumber })
            if let number, value.prefix(while: { $0 != ">" }).contains("table:formula=") { rows.append(number) }
        }
        return rows
    }
}
