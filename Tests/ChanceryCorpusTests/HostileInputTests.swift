import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

/// The invented bad-input collection in Tests/Fixtures/hostile (its README lists what each file tries):
/// each file is refused with one clear error, or read into a safe document; nothing is fetched.
@Suite struct HostileInputTests {
    static let folder = TestData.fixtures.appendingPathComponent("hostile")
    static let corpus = Result { try Corpus.load(folder.path) }

    @Test(arguments: [
        ("truncated-utf8.txt", "truncated-utf8.txt: byte 86: error: invalid UTF-8 byte 0xE2 (line 3, column 61): the last character is cut off by the end of the file, which may be truncated"),
        ("invalid-utf8.txt", "invalid-utf8.txt: byte 42: error: invalid UTF-8 byte 0xC0 (line 3, column 19); if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8"),
        ("nul-bytes.txt", "nul-bytes.txt: byte 34: error: binary file (NUL byte at byte 34); Chancery reads UTF-8 text and TEI XML"),
        ("nul-in-xml.xml", "nul-in-xml.xml: byte 325: error: binary file (NUL byte at byte 325); Chancery reads UTF-8 text and TEI XML"),
        ("deep-nesting.xml", "deep-nesting.xml:5:1590: error: XML breaks off: element <p> is nested deeper than 512 levels (XMLLimits.maxDepth)"),
        ("billion-laughs.xml", "billion-laughs.xml:20:12: error: XML breaks off: expanding entity &lol9; goes past the limit of 1000000 bytes of entity text (XMLLimits.maxEntityExpansionBytes); the document may be an entity-expansion (\"billion laughs\") attack"),
        ("xxe-passwd.xml", "xxe-passwd.xml:9:27: error: XML breaks off: entity &xxe; refers to an external resource, which Chancery never loads"),
    ])
    func refusedWithOneClearError(_ file: String, _ message: String) throws {
        let corpus = try Self.corpus.get()
        #expect(corpus.skipped.filter { $0.file == file }.map(\.description) == [message])
        #expect(!corpus.documents.contains { $0.file == file })
    }

    @Test func theOthersAreReadAndKeptAsWritten() throws {
        let corpus = try Self.corpus.get()
        #expect(corpus.skipped.count == 7)
        #expect(corpus.ignored.map(\.file) == ["README.md", "broken-pattern.yml"])
        let byFile = Dictionary(grouping: corpus.documents, by: \.file)
        // A DOCTYPE naming an external DTD, and a parameter entity naming a file: neither is loaded, the document is read.
        #expect(byFile["external-dtd.xml"]?.map(\.title) == ["1. Invented External DTD"])
        #expect(byFile["xxe-parameter.xml"]?.map(\.title) == ["1. Invented Parameter Entity"])
        // CDATA is text: markup inside it stays characters, "]]" inside it stays.
        let cdata = try #require(byFile["cdata.xml"]?.first)
        #expect(cdata.title == "1. Invented <b>Bold</b> & \"Quoted\" Title")
        #expect(cdata.body == "Before <script>alert(1)</script> & ]] text after, in invented text.")
        // Ids are data: kept as the file gives them; the writers make them safe as file names.
        #expect(byFile["ids.xml"]?.map(\.id) == ["../../../../../tmp/chancery-escape", "../..//etc/cron.d/chancery"])
        #expect(byFile["nested/dir/slash-id.txt"]?.map(\.id) == ["nested/dir/slash-id"])
        // Bidirectional overrides are archive text: kept, shown as codes by the Markdown writer.
        #expect(byFile["rtl-title.txt"]?.first?.title == "Invented Report on \u{202E}fdp.exe\u{202C} Aid")
        let formula = try #require(byFile["formula-cells.txt"]?.first)
        #expect(formula.title.hasPrefix("=SUM(A1:A9)"))
        #expect(formula.metadata.translator == "+Fixture Translator")
    }

    @Test func nothingOfEtcPasswdIsRead() throws {
        let corpus = try Self.corpus.get()
        let read = String(decoding: try JSONEncoder().encode(corpus.documents), as: UTF8.self)
            + corpus.skipped.map(\.description).joined(separator: "\n")
        for line in try PasswordFile.lines() {
            #expect(!read.contains(line), "a line of /etc/passwd was read: \(line)")
        }
        #expect(!read.contains("root:x:0:0"))
    }

    /// A 100 MB file of one line, made at run time: read whole, as a document whose title is that line.
    ///
    /// It asserts no time (a clock fails on a loaded machine); a reader that went quadratic on one line would
    /// not finish it.
    @Test func aHundredMegabyteSingleLine() throws {
        let folder = try TestData.temporaryFolder("chancery-hostile-long-line")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("one-line.txt")
        let line = String(repeating: "invented ", count: (100 << 20) / 9)
        try Data(line.utf8).write(to: url)

        let result = DocumentReader.read(InputFile(path: url.path, relativePath: "one-line.txt"))
        #expect(result.problems.isEmpty)
        let document = try #require(result.documents.first)
        #expect(document.title.utf8.count == line.utf8.count - 1)
        #expect(document.body.isEmpty)
    }

    /// The same line as the body of a document, tokenized: every token maps back to its text.
    @Test func aLongSingleLineBodyIsTokenized() throws {
        let line = String(repeating: "invented-word ", count: 200_000)
        let document = Document(id: "long", file: "long.txt", format: .plainText, title: "Long", date: nil, body: line)
        let tokenized = TokenizedDocument(document)
        #expect(tokenized.tokens.count == 200_000)
        #expect(tokenized.surface(tokenized.tokens[199_999]) == "invented-word")
    }
}

/// The lines of /etc/passwd worth looking for in outputs (none of it may ever show).
enum PasswordFile {
    static func lines() throws -> [String] {
        guard let text = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) else { return ["root:x:0:0:"] }
        return text.split(separator: "\n").map(String.init).filter { $0.count >= 12 }
    }
}
