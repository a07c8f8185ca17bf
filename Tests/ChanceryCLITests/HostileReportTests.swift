import ChanceryTestSupport
import Foundation
import Testing

/// `chancery report` over the bad-input collection (Tests/Fixtures/hostile): the bad files are named and
/// skipped, the rest gives a safe report, nothing of /etc/passwd shows anywhere, and nothing is written
/// outside the output folder.
@Suite(.serialized) struct HostileReportTests {
    static let hostile = TestData.fixtures.appendingPathComponent("hostile")

    /// The collection copied to a temporary input folder; the report goes two folders down in another.
    static func run(_ extra: [String] = []) throws -> (work: URL, input: URL, out: URL, run: ChanceryProcess.Output) {
        let work = try TestData.temporaryFolder("chancery-hostile-report")
        let input = work.appendingPathComponent("input")
        try FileManager.default.copyItem(at: hostile, to: input)
        let out = work.appendingPathComponent("reports/a/report")
        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path] + extra)
        return (work, input, out, run)
    }

    @Test func badFilesAreNamedAndTheRestIsReported() throws {
        let (work, _, out, run) = try Self.run()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1, "\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 7, "\(run.stderr)")
        for file in ["truncated-utf8.txt", "invalid-utf8.txt", "nul-bytes.txt", "nul-in-xml.xml", "deep-nesting.xml", "billion-laughs.xml", "xxe-passwd.xml"] {
            #expect(errors.contains { $0.hasPrefix(file) }, "\(file) is not named on stderr")
        }
        let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
        // The seven errors, then the two files not read on purpose (README.md, a .yml), as notes.
        let rows = skipped.split(separator: "\r\n").dropFirst()
        #expect(rows.filter { $0.hasSuffix(",error") }.count == 7, "\(skipped)")
        #expect(rows.filter { $0.hasSuffix(",note") }.map { $0.prefix { $0 != "," } }.sorted() == ["README.md", "broken-pattern.yml"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path)
        #expect(pages.count == 8)
    }

    @Test func nothingIsWrittenOutsideTheOutputFolder() throws {
        let before = Self.escapes()
        let (work, input, out, run) = try Self.run()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1)
        // Beside the input, only the report's own folders; the input is as it was.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["input", "reports"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("reports/a").path) == ["report"])
        let original = try FileTree.files(under: Self.hostile)
        #expect(try FileTree.files(under: input) == original)
        // Every page sits straight in documents/, named by a slug, whatever its id held.
        let slug = try Regex("^[a-z0-9_-]{1,80}\\.md$")
        for name in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path) {
            #expect(name.wholeMatch(of: slug) != nil, "page \(name)")
        }
        #expect(Self.escapes() == before)
        let documents = try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8)
        #expect(documents.contains("../../../../../tmp/chancery-escape"))
    }

    /// What the ids of ids.xml would name if they were followed as paths.
    static func escapes() -> [String: Bool] {
        let paths = ["/tmp/chancery-escape", "/tmp/chancery-escape.md", "/etc/cron.d/chancery", "/etc/cron.d/chancery.md"]
        return Dictionary(uniqueKeysWithValues: paths.map { ($0, FileManager.default.fileExists(atPath: $0)) })
    }

    @Test func noLineOfEtcPasswdShowsInAnyOutput() throws {
        let (work, _, out, run) = try Self.run(["--formats", "csv,md"])
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1)
        var texts = ["stdout": run.stdout, "stderr": run.stderr]
        for (name, data) in try FileTree.files(under: out) { texts[name] = String(decoding: data, as: UTF8.self) }
        for line in try PasswordFile.lines() {
            for (name, text) in texts where text.contains(line) {
                Issue.record("\(name) holds a line of /etc/passwd: \(line)")
            }
        }
    }

    @Test(needsPython) func theWorkbookHoldsNoFormulaAndNothingOfEtcPasswd() throws {
        let (work, _, out, run) = try Self.run()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1)
        let script = """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
            print(json.dumps(parts))
            """
        let parts = try #require(try JSONSerialization.jsonObject(with: Data(TestPython.run(script, [out.appendingPathComponent("chancery.xlsx").path]).utf8)) as? [String: String])
        #expect(parts.keys.contains { $0.hasPrefix("xl/worksheets/") })
        for (name, xml) in parts where name.hasPrefix("xl/worksheets/") {
            #expect(!xml.contains("<f>") && !xml.contains("<f "), "\(name) holds a formula")
        }
        let strings = parts["xl/sharedStrings.xml"] ?? ""
        #expect(strings.contains("=SUM(A1:A9)"))
        for line in try PasswordFile.lines() {
            for (name, xml) in parts where xml.contains(line) { Issue.record("\(name) holds a line of /etc/passwd") }
        }
    }

    @Test func csvCellsNeverStartAFormula() throws {
        let (work, _, out, run) = try Self.run(["--formats", "csv"])
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1)
        for (name, data) in try FileTree.files(under: out) where name.hasSuffix(".csv") {
            for row in CSV.rows(String(decoding: data, as: UTF8.self)) {
                for cell in row {
                    guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                    // A negative number is a number, not a formula.
                    if Double(cell) == nil { Issue.record("\(name): cell \(cell.debugDescription) would run as a formula") }
                }
            }
        }
        let documents = CSV.rows(try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8))
        let header = try #require(documents.first)
        let row = try #require(documents.first { $0.first == "formula-cells" })
        let cells = Dictionary(uniqueKeysWithValues: zip(header, row))
        #expect(cells["title"] == "'=SUM(A1:A9)*0+HYPERLINK(\"http://example.invalid\",\"x\")")
        #expect(cells["original_language"] == "'-1+1")
        #expect(cells["translator"] == "'+Fixture Translator")
        #expect(cells["summary"] == "'@SUM(1+1) starts this invented summary.")
    }

    @Test func markdownShowsOverridesAsCodes() throws {
        let (work, _, out, run) = try Self.run(["--formats", "md"])
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 1)
        let page = try String(contentsOf: out.appendingPathComponent("documents/rtl-title.md"), encoding: .utf8)
        #expect(page.hasPrefix("# Invented Report on U+202Efdp.exeU+202C Aid"))
        for (name, data) in try FileTree.files(under: out) where name.hasSuffix(".md") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                    "\(name) holds a bidirectional control character")
        }
        let cdata = try String(contentsOf: out.appendingPathComponent("documents/hostilecdata-d1.md"), encoding: .utf8)
        #expect(!cdata.contains("<script>") && !cdata.contains("<b>"))
    }

    @Test func aLexiconWithABrokenPatternIsRefusedBeforeAnythingIsWritten() throws {
        let lexicon = Self.hostile.appendingPathComponent("broken-pattern.yml")
        let (work, _, out, run) = try Self.run(["--lexicon", lexicon.path])
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken-pattern.yml:4:5: error: topic \"aid\": pattern \"aid(s\": the character \"(\" never occurs inside a word"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().path))
    }
}
