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
        ("cut-in-character.xml", "cut-in-character.xml:18:63: error: XML breaks off at byte 917: invalid UTF-8 byte 0xE2: the last character is cut off by the end of the input, which may be truncated (the 2 documents before it were read)"),
    ])
    func reportsOneClearLine(_ file: String, _ message: String) throws {
        let corpus = try Self.corpus.get()
        let problems = corpus.skipped.filter { $0.file == file }
        #expect(problems.map(\.description) == [message])
    }

    @Test func theGoodFilesAndTheCompleteDocumentsAreStillRead() throws {
        let corpus = try Self.corpus.get()
        #expect(corpus.skipped.count == 8)
        #expect(corpus.documents.map(\.id) == ["cutvol/d1", "cutvol/d2", "good-cable", "good-plain", "fixturevol/d1"])
        let byID = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0) })
        let cable = try #require(byID["good-cable"])
        #expect(cable.metadata.translator == "Ada Fixture")
        #expect(cable.header == ["Urgent", "Fixture Desk"])
        #expect(cable.closing == ["Ada Fixture"])
        let plain = try #require(byID["good-plain"])
        #expect(plain.date?.value.iso == "1961-04-02")
        #expect(plain.metadata.place == "Washington")
        #expect(plain.closing == ["Fixture"])
        let volume = try #require(byID["fixturevol/d1"])
        #expect(volume.title == "1. Invented Memorandum")
        #expect(volume.metadata.sourceNote == "Source: invented for a test.")
        #expect(byID["cutvol/d1"]?.body.hasSuffix("its dashes and \u{201C}quotes\u{201D} too.") == true)
    }

    /// A TEI volume cut inside a character (cut-in-character.xml ends with two of the three bytes of a dash) keeps
    /// the documents before the cut, as the same volume cut one or two bytes earlier does (inside the dash, then
    /// before it); the cut inside the character is reported with its line, column and byte.
    @Test(arguments: [0, 1, 2])
    func aVolumeCutInsideACharacterKeepsItsCompleteDocuments(_ earlier: Int) throws {
        let fixture = try [UInt8](Data(contentsOf: TestData.fixtures.appendingPathComponent("bad-input/cut-in-character.xml")))
        #expect(Array(fixture.suffix(2)) == [0xE2, 0x80])
        let bytes = Array(fixture.dropLast(earlier))
        let result = DocumentReader.read(bytes: bytes, name: "cut.xml")
        #expect(result.documents.map(\.id) == ["cutvol/d1", "cutvol/d2"])
        let problem = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        if earlier < 2 {
            // Inside the dash: the break is its first byte, 917, on line 18, column 63.
            #expect(problem.code == .invalidUTF8)
            #expect(problem.location == .line(18, column: 63))
            #expect(problem.message.hasPrefix("XML breaks off at byte 917: invalid UTF-8 byte 0xE2: the last character is cut off"), "\(problem)")
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidByte) == 917)
        } else {
            // Before the dash: valid UTF-8 that ends inside <p>.
            #expect(problem.code == .malformedXML)
            #expect(problem.message.contains("unexpected end of file"), "\(problem)")
        }
    }

    /// A byte that is not UTF-8 in the middle of a volume (Latin-1 é) ends it there, with the iconv hint; the
    /// documents before it are kept.
    @Test func aLatin1ByteInsideAVolumeKeepsTheDocumentsBeforeIt() throws {
        let fixture = try [UInt8](Data(contentsOf: TestData.fixtures.appendingPathComponent("bad-input/truncated-volume.xml")))
        let start = try #require(fixture.firstRange(of: Array("The second invented document".utf8)))
        var bytes = fixture
        bytes.insert(0xE9, at: start.lowerBound)
        let result = DocumentReader.read(bytes: bytes, name: "latin1.xml")
        #expect(result.documents.map(\.id) == ["fixturevol/d1"])
        let problem = try #require(result.problems.first)
        #expect(problem.code == .invalidUTF8)
        #expect(problem.message.hasPrefix("XML breaks off at byte \(start.lowerBound): invalid UTF-8 byte 0xE9"), "\(problem)")
        #expect(problem.message.contains("iconv -f WINDOWS-1252 -t UTF-8"), "\(problem)")
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

    @Test(arguments: [
        ([0x41, 0x00, 0xFF], true, 1, .nul), ([0x41, 0x00, 0xFF], false, 2, .invalidLead),
        ([0x41, 0x80], true, 1, .strayContinuation), ([0xC0, 0xAF], true, 0, .invalidLead), ([0xF5, 0x80], true, 0, .invalidLead),
        ([0x41, 0xE2, 0x80], true, 1, .cutOff), ([0xE2, 0x41, 0x80], true, 0, .badContinuation(next: 0x41)),
        ([0xE0, 0x80, 0x80], true, 0, .badContinuation(next: 0x80)), ([0xED, 0xA0, 0x80], true, 0, .badContinuation(next: 0xA0)),
        ([0xF4, 0x90, 0x80, 0x80], true, 0, .badContinuation(next: 0x90)), ([0xF0, 0x9F, 0x98, 0x41], true, 0, .badContinuation(next: 0x41)),
    ] as [([UInt8], Bool, Int, UTF8Check.Fault)])
    func namesWhyTheFirstInvalidByteIsInvalid(_ bytes: [UInt8], _ rejectingNUL: Bool, _ offset: Int, _ fault: UTF8Check.Fault) {
        let problem = bytes.withUnsafeBufferPointer { UTF8Check.validate($0, rejectingNUL: rejectingNUL).problem }
        #expect(problem == UTF8Check.Problem(offset: offset, fault: fault))
    }

    /// The XML parser validates with UTF8Check (XMLPullParser.begin): its encoding error is where UTF8Check finds the first bad byte.
    @Test func xmlAndTextFilesStopAtTheSameByte() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80], [0x00], [0x80], [0xC0],
                                 [0xE2], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90], [0xFF]]
        var invalid = 0
        for _ in 0..<2000 {
            var text: [UInt8] = []
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let problem = text.withUnsafeBufferPointer { UTF8Check.validate($0, rejectingNUL: true).problem }
            var parser = XMLPullParser(bytes: Array("<a>".utf8) + text + Array("</a>".utf8))
            do throws(XMLParseError) {
                while try parser.next() != nil {}
                #expect(problem == nil, "\(text)")
            } catch {
                invalid += 1
                #expect(error.isEncodingError)
                #expect(error.byteOffset == 3 + (problem?.offset ?? -99), "\(text): \(error)")
            }
        }
        #expect(invalid > 1000)
    }
}

/// Each file's bytes are checked for UTF-8 once on their way in (UTF8Check.tally counts every check): a TEI file by
/// the XML parser alone (DocumentReader.checkText leaves XML to it), a text file by DocumentReader.checkText.
@Suite struct ValidationCountTests {
    /// The checks and bytes UTF8Check.validate saw while `file` was read.
    static func tally(reading file: URL) -> (calls: Int, bytes: Int, size: Int, documents: Int) {
        let tally = UTF8Check.Tally()
        let result = UTF8Check.$tally.withValue(tally) {
            DocumentReader.read(InputFile(path: file.path, relativePath: file.lastPathComponent))
        }
        let size = (try? Data(contentsOf: file).count) ?? -1
        return (tally.calls, tally.bytes, size, result.documents.count)
    }

    /// Invented files of each kind, and a TEI file with a byte order mark (the parser checks the bytes after it).
    @Test func everyFileIsValidatedOnce() throws {
        let folder = try TestData.temporaryFolder("validation-count")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><div type=\"document\" xml:id=\"d1\"><head>Héad</head>"
            + "<p>Text “in” quotes.</p></div></body></text></TEI>\n"
        let files: [(name: String, bytes: [UInt8], skipped: Int)] = [
            ("volume.xml", Array(tei.utf8), 0),
            ("bom.xml", [0xEF, 0xBB, 0xBF] + Array(tei.utf8), 3),
            ("note.txt", Array("A note from Pyongyang, 8 December 1962.\n\nIt says “self-reliance”.\n".utf8), 0),
        ]
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.bytes).write(to: url)
            let counted = Self.tally(reading: url)
            #expect(counted.documents == 1, "\(file.name)")
            #expect(counted.calls == 1, "\(file.name): validated \(counted.calls) times")
            #expect(counted.bytes == counted.size - file.skipped, "\(file.name): \(counted.bytes) bytes of \(counted.size) checked")
        }
    }

    /// The real FRUS volume (../shared): its bytes are checked once, all of them.
    @Test(needsSharedCorpora) func theFRUSVolumeIsValidatedOnce() throws {
        let counted = Self.tally(reading: try TestData.shared("frus-dev/frus1961-63v22-part1.xml"))
        #expect(counted.documents == 79)
        #expect(counted.calls == 1)
        #expect(counted.bytes == counted.size)
    }
}
