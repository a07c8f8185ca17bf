import ChanceryTestSupport
import Foundation
import Testing

/// Runs that fail say why on stderr (issue 14, "Smaller").
@Suite struct CLIMessageTests {
    /// A folder holding the given files (name → bytes).
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try TestData.temporaryFolder("chancery-messages")
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test(arguments: ["stats", "documents", "terms", "topics", "kwic", "timeline"])
    func aFolderWithOnlyAPDFSaysWhyNothingWasRead(_ command: String) throws {
        let folder = try Self.folder(["scan.pdf": Array("%PDF-1.4\n".utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChanceryProcess.run([command, folder.path] + (command == "kwic" ? ["aid"] : []))
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: no document could be read from \(folder.path): 1 file ignored (.pdf 1); Chancery reads .txt, .text, .md, .markdown, .xml, .tei or no extension"), "\(run.stderr)")
        #expect(run.stderr.contains("pdftotext"), "\(run.stderr)")
    }

    @Test func theMessageCountsSkippedAndIgnoredFiles() throws {
        let folder = try Self.folder([
            "a.pdf": Array("%PDF-1.4\n".utf8), "b.docx": [0x50, 0x4B, 0x03, 0x04], "README.md": Array("read me\n".utf8),
            "c.txt": [0xFF, 0xFE, 0x41, 0x00],
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChanceryProcess.run(["stats", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no document could be read from \(folder.path): 1 file or document could not be read (named above); 3 files ignored (.docx 1, .pdf 1, README.md 1)"), "\(run.stderr)")
        #expect(run.stderr.contains("pandoc"), "\(run.stderr)")

        let out = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-report")
        let report = try ChanceryProcess.run(["report", folder.path, "--out", out.path])
        #expect(report.status == 2)
        #expect(report.stderr.contains("no report written: no document could be read from \(folder.path): 1 file or document"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anEmptyFolderSaysSo() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChanceryProcess.run(["documents", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no document could be read from \(folder.path): it holds no file of a type Chancery reads"), "\(run.stderr)")
    }
}

/// A mistyped subcommand is named, with the nearest one (issue 14, "Smaller").
@Suite struct UnknownSubcommandTests {
    @Test(arguments: [("topcs", "topics"), ("Stats", "stats"), ("kwik", "kwic"), ("doc", "documents"), ("timelines", "timeline")])
    func aNearNameIsSuggested(_ typed: String, _ meant: String) throws {
        let run = try ChanceryProcess.run([typed, TestData.demoCorpus.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Error: unknown command '\(typed)'. Did you mean '\(meant)'?"), "\(run.stderr)")
        #expect(run.stderr.contains("Commands: stats, documents, terms, topics, kwic, timeline, report."))
        #expect(run.stdout.isEmpty)
    }

    @Test func aFarNameGetsTheListOnly() throws {
        let run = try ChanceryProcess.run(["xyzzy"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: unknown command 'xyzzy'.\nCommands: "), "\(run.stderr)")
    }

    @Test func realSubcommandsAndHelpAreUntouched() throws {
        #expect(try ChanceryProcess.run(["help"]).status == 0)
        #expect(try ChanceryProcess.run(["--version"]).stdout == "0.1.0\n")
        #expect(try ChanceryProcess.run(["stats", TestData.demoCorpus.path]).status == 0)
    }
}
