import ChanceryTime
import ChanceryPipeline
import ChanceryReports
import ChanceryTestSupport
import Foundation
import Testing


/// `chancery report` end to end: the files, their contents read back independently, determinism and safety.
@Suite(.serialized) struct ReportTests {
    /// The demo corpus plus the invented formula fixture, in a temporary folder.
    static func corpusFolder() throws -> URL {
        let folder = try TestData.temporaryFolder("chancery-report-input")
        for source in [TestData.demoCorpus, TestData.fixtures.appendingPathComponent("report")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        return folder
    }

    static func report(_ input: URL, _ extra: [String] = []) throws -> (URL, ChanceryProcess.Output) {
        let out = try TestData.temporaryFolder("chancery-report-out").appendingPathComponent("report")
        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path] + extra)
        return (out, run)
    }

    @Test func writesEveryFileOfTheContract() throws {
        let input = try Self.corpusFolder()
        let (out, run) = try Self.report(input)
        #expect(run.status == 0, "\(run.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(names.isSuperset(of: ["documents.csv", "terms.csv", "document_terms.csv", "keyness.csv", "topics.csv", "kwic.csv",
                                      "timeline.csv", "persons.csv", "skipped.csv", "chancery.xlsx", "summary.md", "documents", "manifest.json"]))
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path)
        #expect(pages.count == 15)
        // Nothing is left beside the report: no temporary folder.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings == ["report"])
        #expect(!FileManager.default.fileExists(atPath: input.appendingPathComponent("report").path))
    }

    @Test(needsPython) func csvFilesReadBackWithPythonAndFormulasAreNeutralized() throws {
        let (out, run) = try Self.report(try Self.corpusFolder())
        #expect(run.status == 0)
        let script = """
            import csv, json, sys, os
            result = {}
            for name in sorted(os.listdir(sys.argv[1])):
                if name.endswith(".csv"):
                    with open(os.path.join(sys.argv[1], name), newline="", encoding="utf-8") as handle:
                        result[name] = list(csv.reader(handle))
            print(json.dumps(result))
            """
        let files = try #require(try JSONSerialization.jsonObject(with: Data(TestPython.run(script, [out.path]).utf8)) as? [String: [[String]]])
        let documents = try #require(files["documents.csv"])
        #expect(Array(documents[0].prefix(13)) == ["id", "title", "date", "date_precision", "place", "original_language", "translator",
                                                  "archive_reference", "source_url", "format", "tokens", "types", "file"])
        #expect(documents.count == 16)
        let formula = try #require(documents.first { $0[0] == "formula-cable" })
        #expect(formula[1] == "'=cmd|' /C calc'!A0")
        #expect(formula[2] == "1884-03-02")
        #expect(formula[6] == "'@Fixture Translator")
        // No cell of any file starts a formula.
        for (name, rows) in files {
            for row in rows {
                for cell in row where cell.hasPrefix("=") || cell.hasPrefix("@") || cell.hasPrefix("+") || (cell.hasPrefix("-") && Double(cell) == nil) {
                    Issue.record("\(name): \(cell)")
                }
            }
        }
        #expect(files["terms.csv"]?.first == ["term", "n", "count", "per_10k", "doc_freq", "tfidf_max", "dispersion_d"])
        #expect(files["keyness.csv"]?.first == ["group", "term", "n", "count_target", "count_reference", "g2", "log_ratio", "p_value",
                                                "target_documents", "target_tokens", "reference_documents", "reference_tokens"])
        #expect(files["topics.csv"]?.first.map { Array($0.prefix(4)) } == ["document_id", "date", "date_precision", "topic"])
        #expect(files["kwic.csv"]?.first == ["document_id", "date", "date_precision", "topic", "left", "match", "right", "sentence_index"])
        #expect(files["timeline.csv"]?.first.map { Array($0.prefix(9)) } == ["date", "date_precision", "document_id", "document_date", "expression", "resolution", "sentence", "actors", "topics"])
        #expect(files["skipped.csv"] == [["file", "location", "reason", "code", "severity"]])
    }

    /// The summary says which Williams rule the keyness used (issue 16).
    @Test func theSummaryNamesTheCorrection() throws {
        for (option, words) in [("williams", "as quanteda applies it"), ("williams-textbook", "on every term (Williams 1976)"),
                                ("none", "without correction")] {
            let (out, run) = try Self.report(try Self.corpusFolder(), ["--correction", option])
            #expect(run.status == 0, "\(run.stderr)")
            let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
            #expect(summary.contains(words), "\(option)")
        }
    }

    @Test(needsPython) func theWorkbookReadsBackWithOpenpyxl() throws {
        let (out, run) = try Self.report(try Self.corpusFolder())
        #expect(run.status == 0)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames, "charts": sum(len(ws._charts) for ws in wb.worksheets)}
            docs = wb["Documents"]
            header = [c.value for c in docs[1]]
            out["header"] = header
            out["bold"] = docs["A1"].font.bold
            out["freeze"] = docs.freeze_panes
            rows = {r[0].value: r for r in docs.iter_rows(min_row=2)}
            date = header.index("date")
            url = header.index("source_url")
            cable = rows["08_cuban-events-military-aid"]
            out["date_1962"] = [str(cable[date].value), cable[date].is_date, cable[date].number_format]
            old = rows["01_chemulpo-consular-dispatch"]
            out["date_1887"] = [old[date].value, old[date].data_type]
            out["link"] = cable[url].hyperlink.target if cable[url].hyperlink else None
            formula = rows["formula-cable"]
            out["formula"] = [formula[1].value, formula[1].data_type]
            out["tokens_type"] = cable[header.index("tokens")].data_type
            timeline = wb["Timeline"]
            theader = [c.value for c in timeline[1]]
            out["vague_types"] = sorted({r[theader.index("vague")].data_type for r in timeline.iter_rows(min_row=2)})
            years = wb["Topics by year"]
            keys = wb["Keyness"]
            kheader = [c.value for c in keys[1]]
            out["p_formats"] = sorted({r[kheader.index("p_value")].number_format for r in keys.iter_rows(min_row=2)})
            out["year_cells"] = sorted({"number" if isinstance(r[0].value, (int, float)) else str(r[0].value) for r in years.iter_rows(min_row=2)})
            print(json.dumps(out))
            """
        let result = try #require(try JSONSerialization.jsonObject(with: Data(TestPython.run(script, [out.appendingPathComponent("chancery.xlsx").path]).utf8)) as? [String: Any])
        let sheets = try #require(result["sheets"] as? [String])
        #expect(Array(sheets.prefix(8)) == ["Summary", "Documents", "Terms", "Keyness", "Topics", "Topics by year", "KWIC", "Timeline"])
        #expect(sheets.contains("Skipped"))
        #expect(result["charts"] as? Int == 3)
        let header = try #require(result["header"] as? [String])
        #expect(header.prefix(4) == ["id", "title", "date", "date_iso"])
        #expect(result["bold"] as? Bool == true)
        #expect(result["freeze"] as? String == "A2")
        let date1962 = try #require(result["date_1962"] as? [Any])
        #expect(date1962[0] as? String == "1962-11-19 00:00:00")
        #expect(date1962[1] as? Bool == true)
        #expect(date1962[2] as? String == "yyyy-mm-dd")
        #expect(result["date_1887"] as? [String] == ["1887-11-14", "s"])
        #expect(result["link"] as? String == "https://example.org/chancery-demo/document/900108")
        #expect(result["formula"] as? [String] == ["=cmd|' /C calc'!A0", "s"])
        // Booleans and years are typed cells (issue 16): TRUE/FALSE, numbers; only "undated" stays text.
        #expect(result["vague_types"] as? [String] == ["b"])
        // p-values in one notation however small (issue 16).
        #expect(result["p_formats"] as? [String] == ["0.00E+00"])
        let yearCells = try #require(result["year_cells"] as? [String])
        #expect(yearCells.contains("number") && yearCells.allSatisfy { $0 == "number" || $0 == "undated" })
        #expect(result["tokens_type"] as? String == "n")
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let input = try Self.corpusFolder()
        let out = try TestData.temporaryFolder("chancery-report-twice").appendingPathComponent("report")
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: out.path)
            while let name = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isDirectory)
                if !isDirectory.boolValue { files[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
            }
            return files
        }
        #expect(try ChanceryProcess.run(["report", input.path, "--out", out.path]).status == 0)
        let first = try snapshot()
        #expect(try ChanceryProcess.run(["report", input.path, "--out", out.path]).status == 0)
        let second = try snapshot()
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, data) in first { #expect(second[name] == data, "\(name) differs between runs") }
        #expect(first["chancery.xlsx"] != nil)
    }

    @Test func markdownCannotBeInjected() throws {
        let (out, run) = try Self.report(try Self.corpusFolder())
        #expect(run.status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("documents/formula-cable.md"), encoding: .utf8)
        #expect(!page.contains("<b>"))
        // The bracket that would close a link text is escaped wherever the text shows.
        #expect(page.contains("link\\](javascript:"))
        #expect(!page.replacingOccurrences(of: "\\]", with: "").contains("](javascript:"))
        #expect(page.hasPrefix("# =cmd\\|"))
    }

    @Test func refusesAnOutputFolderInsideTheInputOrAroundIt() throws {
        let input = try Self.corpusFolder()
        let inside = try ChanceryProcess.run(["report", input.path, "--out", input.appendingPathComponent("out").path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("inside the input"))
        let around = try ChanceryProcess.run(["report", input.path, "--out", input.deletingLastPathComponent().path])
        #expect(around.status == 2)
        #expect(!FileManager.default.fileExists(atPath: input.appendingPathComponent("out").path))
    }

    @Test func refusesToReplaceAFolderThatIsNotAReport() throws {
        let input = try Self.corpusFolder()
        let out = try TestData.temporaryFolder("chancery-not-a-report")
        try "keep me".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a Chancery report"))
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func skippedFilesAreListedAndTheRunExitsOne() throws {
        let input = try Self.corpusFolder()
        try Data([0x41, 0x00, 0x42]).write(to: input.appendingPathComponent("broken.txt"))
        let (out, run) = try Self.report(input, ["--formats", "csv,md"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.txt: byte 1: error: binary file"))
        let skipped = try String(contentsOf: out.appendingPathComponent("skipped.csv"), encoding: .utf8)
        #expect(skipped.contains("broken.txt,byte 1,"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("chancery.xlsx").path))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("## Skipped"))
    }

    @Test(needsSharedCorpora) func theSeedsDocumentPage() throws {
        let (out, run) = try Self.report(try TestData.shared("seed"))
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("documents/000_194599ba3e5187bf.md"), encoding: .utf8)
        #expect(page.hasPrefix("# Cable from Hao Deqing, 'On The Talks between Pak Geum-cheol and Ambassador Hao'"))
        #expect(page.contains("| Date | 1962-12-08 (day"))
        #expect(page.contains("[(source)](https://wilson-center-digital-archive.dvincitest.com/document/119031)"))
        #expect(page.contains("| Translator | Charles Kraus |"))
        #expect(page.contains("PRC FMA 106-00645-04, 118-119"))
        #expect(page.contains("### self-reliance"))
        #expect(page.contains("**Self-reliance**"))
        #expect(page.contains("### aid"))
        #expect(page.contains("**gratis assistance**"))
        #expect(page.contains("## Dated events"))
        #expect(page.contains("| 1962-12-07 | 7 December \\[1962\\] | editorial |"))
        #expect(page.contains("| 1962-12-06 | yesterday | narrative |"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let seedBytes = try Data(contentsOf: try TestData.shared("seed/000_194599ba3e5187bf.txt"))
        #expect(inputs.first?["sha256"] as? String == SHA256.hex([UInt8](seedBytes)))
        #expect(manifest["documents_read"] as? Int == 1)
    }

    @Test(needsSharedCorpora) func oneReportOverTheWholeFRUSVolume() throws {
        let (out, run) = try Self.report(try TestData.shared("frus-dev"))
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path)
        #expect(pages.count == 79)
        #expect(pages.contains("frus1961-63v22-d1.md"))
        let documents = try String(contentsOf: out.appendingPathComponent("documents.csv"), encoding: .utf8)
        #expect(documents.split(separator: "\r\n").count == 80)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.contains("| Documents | 79 |"))
        #expect(summary.contains("Passages still withheld"))
    }
}
