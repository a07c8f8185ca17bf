import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

/// The invented fixtures in Tests/Fixtures/bad-input: each bad file gets one clear error, the good ones are read.
@Suite struct BadInputTests {
    static let corpus = Result { try Corpus.load(TestData.fixtures.appendingPathComponent("bad-input").path) }

    @Test(arguments: [
        ("empty.txt", "empty.txt: error: empty file"),
        ("binary.txt", "binary.txt: byte 24: error: binary file (NUL byte at byte 24); Chancery reads UTF-8 text and TEI XML"),
        ("latin1.txt", "latin1.txt: byte 17: error: invalid UTF-8 byte 0xE9 (line 1, column 18); if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8"),
        ("impossible-date.txt", "impossible-date.txt:2:3: error: date \"February 31, 1962\" does not exist: February 1962 has 28 days, not 31"),
        ("plain-impossible-date.txt", "plain-impossible-date.txt:3:15: error: date \"February 30, 1961\" does not exist: February 1961 has 28 days, not 30"),
        ("missing-citation.txt", "missing-citation.txt:6:1: error: missing section **Citation:** (the sections start here)"),
        ("truncated-volume.xml", "truncated-volume.xml:15:1: error: XML breaks off: unexpected end of file: <p> opened at line 14 is not closed (the 1 document before it was read)"),
    ])
    func reportsOneClearLine(_ file: String, _ message: String) throws {
        let corpus = try Self.corpus.get()
        let problems = corpus.skipped.filter { $0.file == file }
        #expect(problems.map(\.description) == [message])
    }

    @Test func theGoodFilesAndTheCompleteDocumentsAreStillRead() throws {
        let corpus = try Self.corpus.get()
        #expect(corpus.skipped.count == 7)
        #expect(corpus.documents.map(\.id) == ["good-cable", "good-plain", "fixturevol/d1"])
        let cable = corpus.documents[0]
        #expect(cable.metadata.translator == "Ada Fixture")
        #expect(cable.header == ["Urgent", "Fixture Desk"])
        #expect(cable.closing == ["Ada Fixture"])
        let plain = corpus.documents[1]
        #expect(plain.date?.value.iso == "1961-04-02")
        #expect(plain.metadata.place == "Washington")
        #expect(plain.closing == ["Fixture"])
        let volume = corpus.documents[2]
        #expect(volume.title == "1. Invented Memorandum")
        #expect(volume.metadata.sourceNote == "Source: invented for a test.")
    }

    @Test func inputFilesAreNotModified() throws {
        let folder = TestData.fixtures.appendingPathComponent("bad-input")
        func snapshot() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
        }
        let before = try snapshot()
        _ = try Corpus.load(folder.path)
        #expect(try snapshot() == before)
    }

    @Test func aMissingPathIsAnErrorNamingIt() {
        #expect(throws: InputError.self) { try Corpus.load("/nonexistent/chancery/corpus") }
    }

    @Test func utf16IsNamedAsSuch() {
        let error = DocumentReader.checkText([0xFF, 0xFE, 0x41, 0x00], file: "u16.txt")
        #expect(error?.description.contains("UTF-16") == true)
    }

    @Test(arguments: [
        ([0x41, 0xC3], 1), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0), ([0xF4, 0x90, 0x80, 0x80], 0),
        ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xFF], 8), ([0xC3, 0xA9, 0xE2, 0x80, 0x9C], nil),
    ] as [([UInt8], Int?)])
    func findsTheFirstInvalidUTF8Byte(_ bytes: [UInt8], _ offset: Int?) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidByte) == offset)
    }
}
