import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCLI

/// `chancery timeline` fits its table to the terminal (issue 16: it was 360–450 characters wide whatever the
/// terminal), and `--wide` shows every column at full width.
@Suite struct TimelineWidthTests {
    /// The widest line of `text`, in characters.
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    /// `chancery timeline` with `COLUMNS` set to `columns` (nil: unset, stdout a pipe).
    static func timeline(_ path: String, columns: Int?, _ extra: [String] = []) throws -> ChanceryProcess.Output {
        let environment = columns.map { ["/usr/bin/env", "COLUMNS=\($0)"] } ?? ["/usr/bin/env", "-u", "COLUMNS"]
        return try ChanceryProcess.run(["timeline"] + extra + [path], under: environment)
    }

    /// Invented rows: the sentence is cut first, then the other long columns; dates never.
    @Test func aTableIsFittedSentenceFirst() {
        let rows = [["date", "document_id", "sentence"],
                    ["1962-12-07", "a-very-long-document-identifier", String(repeating: "word ", count: 30)]]
        let fitted = TextTable.fitted(rows, width: 60, preferred: [.max, 20], minimums: [.max, 10, 20])
        #expect(Self.widest(fitted) == 60)
        #expect(fitted.contains("1962-12-07  a-very-long-documen…  word word"))
        #expect(fitted.hasSuffix("…\n"))
        let narrow = TextTable.fitted(rows, width: 30, preferred: [.max, 20], minimums: [.max, 10, 20])
        #expect(narrow.contains("1962-12-07  a-very-lo…  "))  // as narrow as the minimums allow: 10 + 2 + 10 + 2 + 20
        #expect(Self.widest(narrow) == 44)
        // A table that fits is the table of `render`.
        #expect(TextTable.fitted([["a", "b"]], width: 80, minimums: [1, 1]) == TextTable.render([["a", "b"]]))
    }

    @Test func theDemoTimelineFitsTheTerminalAndWideShowsAll() throws {
        let path = TestData.demoCorpus.path
        for columns in [100, 80] {
            let run = try Self.timeline(path, columns: columns)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.widest(run.stdout) <= columns, "COLUMNS=\(columns)")
            #expect(run.stdout.hasPrefix("date") && run.stdout.contains("sentence") && run.stdout.contains("…"))
        }
        // Not a terminal and no COLUMNS: 100.
        let piped = try Self.timeline(path, columns: nil)
        #expect(piped.status == 0 && Self.widest(piped.stdout) <= 100)
        let wide = try Self.timeline(path, columns: 80, ["--wide"])
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(Self.widest(wide.stdout) > 300 && wide.stdout.contains("implied_start"))
    }

    /// The FRUS volume's timeline, whose ids and sentences are long, in an 80-column terminal.
    @Test(needsSharedCorpora) func theFRUSTimelineFitsEightyColumns() throws {
        let run = try Self.timeline(try TestData.shared("frus-dev").path, columns: 80, ["--top", "200"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count > 100)
        #expect(Self.widest(run.stdout) <= 80)
    }
}
