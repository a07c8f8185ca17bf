import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

@Suite struct CorpusLoadingTests {
    @Test func readsFoldersRecursivelyInSortedOrderSkippingHiddenAndIgnoringOtherTypes() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "b/2.txt": "Second Title\n\nBody two.", "a.txt": "First Title\n\nBody one.", "b/1.md": "# Third Title\n\nBody three.",
            ".hidden.txt": "Hidden\n\nNo.", ".git/x.txt": "Hidden\n\nNo.", "README.md": "About this folder",
            "gold.jsonl": "{}", "B/0.txt": "Capital Folder\n\nBody.",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let corpus = try Corpus.load(folder.path)
        #expect(corpus.documents.map(\.id) == ["B/0", "a", "b/1", "b/2"])
        #expect(corpus.documents.map(\.title) == ["Capital Folder", "First Title", "Third Title", "Second Title"])
        #expect(corpus.ignored.map(\.file) == ["README.md", "gold.jsonl"])
        #expect(corpus.skipped.isEmpty)
    }

    @Test func theSameVolumeTwiceGetsDistinctIDs() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let volume = """
            <TEI xml:id="v"><text><body><div type="document" xml:id="d1" n="1"><head>1. A</head><p>Text.</p></div></body></text></TEI>
            """
        try volume.write(to: folder.appendingPathComponent("one.xml"), atomically: true, encoding: .utf8)
        try volume.write(to: folder.appendingPathComponent("two.xml"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder.path)
        #expect(corpus.documents.map(\.id) == ["v/d1", "v/d1~2"])
    }

    /// A TEI `<gap/>` is the bracket a printed edition shows: a redaction when its reason says the text is withheld,
    /// an elision otherwise; counted as a bracket, its words never counted (issue 16). Notes stay out of the body.
    @Test func teiGapsBecomeRedactionsOrElisions() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let volume = """
            <TEI xml:id="v"><text><body><div type="document" xml:id="d1" n="1"><head>1. A</head>
            <p>The Minister<note n="1">Source: a declassified file.</note> said <gap reason="not declassified" extent="2 lines"/>
            that <gap/> the talks would go on.</p></div></body></text></TEI>
            """
        try volume.write(to: folder.appendingPathComponent("gaps.xml"), atomically: true, encoding: .utf8)
        let document = try #require(try Corpus.load(folder.path).documents.first)
        #expect(document.body == "The Minister said [not declassified] that [...] the talks would go on.")
        #expect(document.editorialSpans.map(\.kind) == [.redaction, .elision])
        #expect(document.redactionCount == 1)
        #expect(!TokenizedDocument(document).terms.contains("source"))
    }

    /// A renamed repeat cannot take an id that a later document has of its own.
    @Test func repeatedIDsStayUniqueWhenAnIDAlreadyEndsInANumber() {
        var ids = DocumentIDs()
        #expect(["a", "a", "a~2", "a", "b", "a~2"].map { ids.unique($0) } == ["a", "a~2", "a~2~2", "a~3", "b", "a~2~3"])
    }

    @Test func xmlThatIsNotTEIIsReported() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<html><body>x</body></html>".write(to: folder.appendingPathComponent("page.xml"), atomically: true, encoding: .utf8)
        let corpus = try Corpus.load(folder.path)
        #expect(corpus.skipped.map(\.code) == [.notTEI])
    }

    @Test func theDemoCorpusIsReadWhole() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.documents.count >= 10)
        #expect(corpus.documents.allSatisfy { $0.format == .wilsonExport && $0.date != nil && $0.metadata.sourceURL?.hasPrefix("https://example.org/") == true })
        #expect(corpus.documents.contains { ($0.date?.value.year ?? 2000) < 1900 })
        #expect(Set(corpus.documents.compactMap(\.metadata.originalLanguage)).count >= 4)
        #expect(corpus.documents.contains { $0.metadata.summary == nil })
    }

    /// The byte-level paragraph count used by reports agrees with splitting the characters, blank runs and ends included.
    @Test func paragraphCountAgreesWithTheParagraphs() throws {
        let bodies = ["", "\n", "\n\n", "a", "a\n", "a\n\nb", "a\n\n\nb", "\n\na\n\n\n\nb\n\n", "é\u{301}\n\n\u{301}x", "a\nb\n\n c"]
        for body in bodies {
            let document = Document(id: "t", file: "t", format: .plainText, title: "", date: nil, body: body)
            #expect(document.paragraphCount == document.paragraphs.count, "\(body.debugDescription)")
        }
        for document in try Corpus.load(TestData.demoCorpus.path).documents {
            #expect(document.paragraphCount == document.paragraphs.count, "\(document.id)")
        }
    }

    /// The bytes Chancery reads are the file's, whole, for every size around the read's extra byte; a missing
    /// file is an error naming it.
    @Test func aFileIsReadWhole() throws {
        let folder = try TestData.temporaryFolder("chancery-read-whole")
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 4097, 300_000] {
            let url = folder.appendingPathComponent("f\(size).txt")
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: url)
            #expect(try InputFile(path: url.path, relativePath: "f\(size).txt").bytes() == bytes)
        }
        for file in try InputFiles.list(TestData.demoCorpus.path).files {
            #expect(try file.bytes() == [UInt8](try Data(contentsOf: file.url)))
        }
        #expect {
            try InputFile(path: folder.appendingPathComponent("gone.txt").path, relativePath: "gone.txt").bytes()
        } throws: { "\($0)" == "gone.txt: error: cannot read the file: No such file or directory" }
    }
}
