import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryCorpus

/// One line of the gold file beside the FRUS dev volume.
struct GoldDocument: Decodable {
    var id: String
    var n: String
    var title: String
    var date: String?
    var place: String?
    var persons: [String]

    static func load() throws -> [GoldDocument] {
        let url = try TestData.shared("frus-dev/frus1961-63v22-part1.gold.jsonl")
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try decoder.decode(GoldDocument.self, from: Data($0.utf8))
        }
    }
}

@Suite(needsSharedCorpora) struct FRUSTests {
    /// Share of gold documents for which `matches` holds, with the ids that failed.
    func agreement(_ documents: [Document], _ gold: [GoldDocument], idOf: (Document) -> String,
                   _ matches: (Document, GoldDocument) -> Bool) -> (Double, [String]) {
        let byID = Dictionary(uniqueKeysWithValues: documents.map { (idOf($0), $0) })
        var failed: [String] = []
        for entry in gold {
            guard let document = byID[entry.id], matches(document, entry) else {
                failed.append(entry.id)
                continue
            }
        }
        return (Double(gold.count - failed.count) / Double(gold.count), failed)
    }

    @Test func teiVolumeParsesEveryDocumentWithGoldDatesTitlesAndPersons() throws {
        let gold = try GoldDocument.load()
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.ignored.map(\.file) == ["frus1961-63v22-part1.gold.jsonl"])
        #expect(corpus.documents.count == gold.count)
        let localID = { (document: Document) in String(document.id.split(separator: "/").last ?? "") }

        let (dates, badDates) = agreement(corpus.documents, gold, idOf: localID) { $0.date?.value.iso == $1.date }
        #expect(dates >= 0.99, "dates wrong for \(badDates)")
        let (titles, badTitles) = agreement(corpus.documents, gold, idOf: localID) { $0.title == $1.title }
        #expect(titles >= 0.99, "titles wrong for \(badTitles)")
        let (persons, badPersons) = agreement(corpus.documents, gold, idOf: localID) {
            Set($0.persons.compactMap(\.reference)).sorted() == $1.persons
        }
        #expect(persons >= 0.99, "persons wrong for \(badPersons)")
        // The first placeName is the gold place; a second one ("Hyannis Port, Massachusetts") is kept after a comma.
        let (places, badPlaces) = agreement(corpus.documents, gold, idOf: localID) { document, entry in
            guard let place = entry.place else { return document.metadata.place == nil }
            return document.metadata.place == place || document.metadata.place?.hasPrefix(place + ", ") == true
        }
        #expect(places == 1, "places wrong for \(badPlaces)")
    }

    @Test func teiDocumentsKeepNotesApartFromTheBody() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        let first = try #require(corpus.documents.first)
        #expect(first.id == "frus1961-63v22/d1")
        #expect(first.metadata.number == "1")
        #expect(first.metadata.collection == "frus1961-63v22")
        #expect(first.metadata.sourceURL == "https://history.state.gov/historicaldocuments/frus1961-63v22/d1")
        #expect(first.metadata.sourceNote?.hasPrefix("Source: Department of State") == true)
        #expect(first.date?.provenance == .metadata)
        #expect(first.metadata.dateline?.hasPrefix("Washington, January 12, 1961") == true)
        #expect(!first.body.contains("Source: Department of State"))
        #expect(first.notes.map(\.number) == ["1", "2", "3"])
        #expect(!first.body.contains("  "))
        // Editorial notes have no dateline and so no date.
        let notes = corpus.documents.filter { $0.title.hasSuffix("Editorial Note") }
        #expect(notes.count == 10)
        #expect(notes.allSatisfy { $0.date == nil })
        // FRUS marks what is still withheld; the volume's opening has such passages.
        #expect(corpus.documents.map(\.redactionCount).reduce(0, +) > 0)
    }

    @Test func wilsonRenderingsOfTheSameDocumentsParseWithTheSameDates() throws {
        let gold = try GoldDocument.load().filter { $0.date != nil }
        let corpus = try Corpus.load(try TestData.shared("frus-dev-wilsonfmt").path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.documents.count == gold.count)
        #expect(corpus.documents.allSatisfy { $0.format == .wilsonExport })
        #expect(corpus.documents.allSatisfy { $0.metadata.summary != nil || $0.metadata.citation != nil })
        let (dates, bad) = agreement(corpus.documents, gold, idOf: \.id) { $0.date?.value.iso == $1.date }
        #expect(dates >= 0.99, "dates wrong for \(bad)")
        let (titles, badTitles) = agreement(corpus.documents, gold, idOf: \.id) { $0.title == $1.title }
        #expect(titles >= 0.99, "titles wrong for \(badTitles)")
        let first = try #require(corpus.documents.first { $0.id == "d1" })
        #expect(first.metadata.archiveReference?.hasSuffix("Document 1") == true)
        #expect(first.metadata.sourceURL == "https://history.state.gov/historicaldocuments/frus1961-63v22/d1")
    }

    @Test func plainTextHoldoutGetsItsDatesFromThePrintedDatelines() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-holdout-plain").path)
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.documents.count > 50)
        #expect(corpus.documents.allSatisfy { $0.format == .plainText })
        // The volume covers 1958–1960, and every document has a printed dateline.
        for document in corpus.documents {
            let date = try #require(document.date, "\(document.id) has no date")
            #expect((1958...1960).contains(date.value.year), "\(document.id): \(date.value)")
            #expect(date.provenance == .dateline)
            #expect(document.metadata.place != nil, "\(document.id) has no place")
            // The title is the numbered heading, e.g. "12. Memorandum From ...".
            let number = document.id.dropFirst()
            #expect(document.title.hasPrefix("\(number). "), "\(document.id): \(document.title)")
        }
    }

    @Test func aTruncatedVolumeKeepsTheDocumentsBeforeTheBreakAndSaysWhere() throws {
        let source = try TestData.shared("frus-dev/frus1961-63v22-part1.xml")
        let bytes = try Data(contentsOf: source)
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cut = folder.appendingPathComponent("cut.xml")
        try bytes.prefix(bytes.count / 2).write(to: cut)

        let corpus = try Corpus.load(folder.path)
        let problem = try #require(corpus.skipped.first)
        #expect(corpus.skipped.count == 1)
        #expect(problem.code == .malformedXML)
        #expect(problem.description.hasPrefix("cut.xml:"))
        #expect(problem.message.contains("unexpected end of file"))
        guard case let .line(line, _) = problem.location else {
            Issue.record("expected a line: \(problem)")
            return
        }
        let lines = bytes.prefix(bytes.count / 2).count(where: { $0 == 0x0A }) + 1
        #expect(line == lines)
        #expect(corpus.documents.count > 10)
        #expect(corpus.documents.count < 79)
    }

    /// The volume cut inside a typographic character (a dash or a quote: its first byte, then its first two)
    /// somewhere in the 30th document keeps the 29 documents before it, as the cut just before that character
    /// does; the cut inside the character is reported with its line, column and byte.
    @Test func aVolumeCutInsideACharacterKeepsTheDocumentsBeforeTheCut() throws {
        let source = try TestData.shared("frus-dev/frus1961-63v22-part1.xml")
        let bytes = try [UInt8](Data(contentsOf: source))
        let whole = DocumentReader.read(bytes: bytes, name: "volume.xml")
        #expect(whole.problems.isEmpty)
        // The first three-byte character (U+0800 and up: dashes, quotes) after the 30th document starts.
        let marker = Array("type=\"document\"".utf8)
        var starts: [Int] = []
        var from = 0
        while let found = bytes[from...].firstRange(of: marker) {
            starts.append(found.lowerBound)
            from = found.upperBound
        }
        #expect(starts.count == whole.documents.count)
        try #require(starts.count > 30)
        let lead = try #require(bytes[starts[29]...].firstIndex { $0 >= 0xE0 && $0 < 0xF0 })
        try #require(lead < starts[30], "no three-byte character in the 30th document")
        let (line, column) = bytes.withUnsafeBufferPointer { UTF8Check.lineAndColumn(of: lead, in: $0) }
        let kept = whole.documents.prefix(29).map(\.id)

        for cut in [lead, lead + 1, lead + 2] {
            let result = DocumentReader.read(bytes: Array(bytes[..<cut]), name: "volume.xml")
            #expect(result.documents.map(\.id) == kept, "cut at byte \(cut)")
            // Compared as a Bool: a failure must not print the archive's text.
            let sameBodies = result.documents.map(\.body) == whole.documents.prefix(29).map(\.body)
            #expect(sameBodies, "cut at byte \(cut)")
            let problem = try #require(result.problems.first)
            #expect(result.problems.count == 1)
            #expect(problem.message.hasSuffix("(the 29 documents before it were read)"), "\(problem)")
            if cut == lead {
                #expect(problem.code == .malformedXML, "\(problem)")
                #expect(problem.message.contains("unexpected end of file"), "\(problem)")
            } else {
                #expect(problem.code == .invalidUTF8, "\(problem)")
                #expect(problem.location == .line(line, column: column), "\(problem)")
                #expect(problem.message.hasPrefix("XML breaks off at byte \(lead): invalid UTF-8 byte 0x"), "\(problem)")
                #expect(problem.message.contains("the last character is cut off by the end of the input"), "\(problem)")
            }
        }
    }
}
