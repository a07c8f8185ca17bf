@testable import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What a folder of documents may hold besides documents: links out of it and back into it, loops, pipes,
/// devices, names that are not UTF-8, files of other types. Nothing outside the folder is read, nothing is
/// read twice, nothing hangs, and everything passed by is named with its reason.
@Suite struct InputWalkTests {
    /// A folder with one invented cable in it, and a secret file beside the folder (outside it).
    struct Scene {
        let work: URL
        let input: URL
        let secret: URL

        init() throws {
            work = try TestData.temporaryFolder("chancery-walk")
            input = work.appendingPathComponent("input")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try Data("Invented cable\n\nWashington, May 3, 1961\n\nThe aid was discussed at length.\n".utf8)
                .write(to: input.appendingPathComponent("cable.txt"))
            secret = work.appendingPathComponent("secret.txt")
            try Data("Secret title\n\nSECRET-MARKER-7731 should never be read.\n".utf8).write(to: secret)
        }

        func link(_ name: String, to target: String) throws {
            let url = input.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        func remove() { try? FileManager.default.removeItem(at: work) }
    }

    @Test func aLinkOutOfTheInputFolderIsNotFollowed() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try scene.link("notes.txt", to: scene.secret.path)
        try scene.link("sub/up.txt", to: "../../secret.txt")
        try scene.link("etc", to: "/etc")
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.documents.map(\.id) == ["cable"])
        #expect(!corpus.documents.contains { $0.body.contains("SECRET-MARKER") || $0.title.contains("Secret") })
        #expect(corpus.skipped.map(\.file) == ["etc", "notes.txt", "sub/up.txt"])
        #expect(corpus.skipped.allSatisfy { $0.code == .outsideInput && $0.severity == .error })
        #expect(corpus.skipped.first { $0.file == "notes.txt" }?.message.contains(scene.secret.path) == true)
    }

    @Test func aLinkGivenAsThePathIsFollowed() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let link = scene.work.appendingPathComponent("corpus-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: scene.input.path)
        #expect(try Corpus.load(link.path).documents.map(\.id) == ["cable"])
        let fileLink = scene.work.appendingPathComponent("one.txt")
        try FileManager.default.createSymbolicLink(atPath: fileLink.path, withDestinationPath: scene.secret.path)
        #expect(try Corpus.load(fileLink.path).documents.map(\.title) == ["Secret title"])
    }

    /// `self -> .` counted one file as 41 documents; two such links hung the walk.
    @Test func linkLoopsVisitEachFolderOnce() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try scene.link("self", to: ".")
        try scene.link("again", to: ".")
        try scene.link("sub/up", to: "..")
        try scene.link("sub/deeper/top", to: "../..")
        let listing = try InputFiles.list(scene.input.path)
        #expect(listing.files.map(\.relativePath) == ["cable.txt"])
        #expect(listing.skipped.isEmpty)
        #expect(Set(listing.ignored.map(\.file)) == ["again", "self", "sub/up", "sub/deeper/top"])
        #expect(listing.ignored.allSatisfy { $0.code == .repeatedFolder && $0.severity == .note })
        #expect(try Corpus.load(scene.input.path).documents.count == 1)
    }

    /// A loop of two links, each pointing at the other, given as the path.
    @Test func aLoopOfLinksAsThePathSaysSo() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let a = scene.work.appendingPathComponent("a"), b = scene.work.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        let error = try #require(throws: InputError.self) { try Corpus.load(a.path) }
        #expect(error.message.contains("loop of symbolic links"), "\(error)")
    }

    @Test func linksInsideTheFolderAreReadOnceAndHiddenTargetsAreReached() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try scene.link("latest.txt", to: "cable.txt")
        let hidden = scene.input.appendingPathComponent(".drafts")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        try Data("Draft memo\n\nA draft kept in a hidden folder.\n".utf8).write(to: hidden.appendingPathComponent("memo.txt"))
        try scene.link("memo.txt", to: ".drafts/memo.txt")
        try scene.link("broken.txt", to: "nowhere.txt")
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.documents.map(\.id) == ["cable", "memo"])
        #expect(corpus.ignored.map(\.file) == ["latest.txt"])
        #expect(corpus.ignored.first?.code == .repeatedFile)
        #expect(corpus.skipped.map(\.file) == ["broken.txt"])
        #expect(corpus.skipped.first?.message.contains("broken symbolic link") == true)
    }

    /// A file name that is not UTF-8 was reported as "No such file or directory": it is read, and shown escaped.
    @Test func aFileNameThatIsNotUTF8IsRead() throws {
        let scene = try Scene()
        defer { scene.remove() }
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let path = Array(scene.input.path.utf8) + [0x2F] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        let text = Array("Latin name\n\nA file whose name is Latin-1.\n".utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.skipped.isEmpty, "\(corpus.skipped)")
        #expect(corpus.documents.map(\.title) == ["Invented cable", "Latin name"])
        #expect(corpus.documents.last?.file == "caf\\xE9.txt")
        #expect(corpus.documents.last?.body.contains("Latin-1") == true)
    }

    /// A named pipe in the folder would block the reader for ever; /dev/zero as the path would never end.
    @Test func pipesAndDevicesAreNotRead() throws {
        let scene = try Scene()
        defer { scene.remove() }
        #expect(mkfifo(scene.input.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try scene.link("zero.txt", to: "/dev/zero")
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.documents.map(\.id) == ["cable"])
        #expect(corpus.ignored.map(\.file) == ["pipe.txt"])
        #expect(corpus.ignored.first?.code == .notRegular)
        #expect(corpus.skipped.map(\.file) == ["zero.txt"])
        let error = try #require(throws: InputError.self) { try Corpus.load("/dev/zero") }
        #expect(error.message.contains("character device"))
        // A pipe slipped in where a file was listed is refused when opened, without waiting for a writer.
        let file = InputFile(path: scene.input.appendingPathComponent("pipe.txt").path, relativePath: "pipe.txt")
        let read = try #require(throws: InputError.self) { try file.bytes() }
        #expect(read.message.contains("named pipe"))
    }

    @Test func filesOfOtherTypesAreNamedWithAHint() throws {
        let scene = try Scene()
        defer { scene.remove() }
        for name in ["scan.pdf", "letter.docx", "gold.jsonl", "README.md"] {
            try Data("x".utf8).write(to: scene.input.appendingPathComponent(name))
        }
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.ignored.map(\.file) == ["README.md", "gold.jsonl", "letter.docx", "scan.pdf"])
        #expect(corpus.ignored.allSatisfy { $0.severity == .note })
        #expect(corpus.ignored.first { $0.file == "scan.pdf" }?.message.contains("pdftotext") == true)
        #expect(corpus.ignored.first { $0.file == "letter.docx" }?.message.contains("pandoc") == true)
        #expect(corpus.ignored.first { $0.file == "README.md" }?.code == .ignoredName)
        // Named on its own, a PDF is refused with the same hint, not read as plain text.
        let error = try #require(throws: InputError.self) { try Corpus.load(scene.input.appendingPathComponent("scan.pdf").path) }
        #expect(error.code == .ignoredType && error.message.contains("pdftotext"))
    }

    /// A dateline whose year Chancery does not read left the document undated without a word.
    @Test(arguments: ["May 3, 99999", "3 May 0", "May 3, -44"])
    func aDatelineYearOutOfRangeIsAWarning(_ date: String) throws {
        let result = DocumentReader.read(bytes: Array("Invented cable\n\nWashington, \(date)\n\nThe aid was discussed.\n".utf8), name: "c.txt")
        let document = try #require(result.documents.first)
        #expect(document.date == nil)
        #expect(result.problems.isEmpty)
        #expect(result.warnings.map(\.code) == [.unusableDate])
        #expect(result.warnings.first?.description.hasPrefix("c.txt:3:13: warning: ") == true, "\(result.warnings)")
        #expect(result.warnings.first?.message.contains(date) == true)
    }

    @Test func aRepeatedDocumentIDIsAWarning() throws {
        let scene = try Scene()
        defer { scene.remove() }
        try FileManager.default.createDirectory(at: scene.input.appendingPathComponent("a"), withIntermediateDirectories: true)
        let tei = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
            <div type="document" xml:id="d1"><head>One</head><p>First invented text.</p></div>
            <div type="document" xml:id="d1"><head>Two</head><p>Second invented text.</p></div>
            </body></text></TEI>
            """
        try Data(tei.utf8).write(to: scene.input.appendingPathComponent("vol.xml"))
        let corpus = try Corpus.load(scene.input.path)
        #expect(corpus.documents.map(\.id) == ["cable", "vol/d1", "vol/d1~2"])
        #expect(corpus.warnings.map(\.code) == [.repeatedID])
        #expect(corpus.warnings.first?.message.contains("\"vol/d1~2\"") == true)
    }

    /// UTF-32 was called UTF-16; text in either without a byte order mark was called binary.
    @Test(arguments: [("UTF-32LE", true), ("UTF-32BE", true), ("UTF-16LE", true), ("UTF-16BE", true),
                      ("UTF-32LE", false), ("UTF-32BE", false), ("UTF-16LE", false), ("UTF-16BE", false)])
    func wideEncodingsAreNamed(_ encoding: String, _ withMark: Bool) throws {
        let text = "Invented memo\n\nThe talks on aid went on.\n"
        let big = encoding.hasSuffix("BE")
        let width = encoding.hasPrefix("UTF-32") ? 4 : 2
        var bytes: [UInt8] = []
        for scalar in ((withMark ? "\u{FEFF}" : "") + text).unicodeScalars {
            var unit = Array(withUnsafeBytes(of: scalar.value.littleEndian) { Array($0) }.prefix(width))
            if big { unit.reverse() }
            bytes += unit
        }
        let result = DocumentReader.read(bytes: bytes, name: "memo.txt")
        #expect(result.documents.isEmpty)
        #expect(result.problems.map(\.message) == ["\(encoding) text; Chancery reads UTF-8 (convert with: iconv -f \(encoding) -t UTF-8)"])
    }
}
