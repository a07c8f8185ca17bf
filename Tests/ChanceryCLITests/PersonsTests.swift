import ChanceryTestSupport
import Foundation
import Testing

/// The people a report names (issue 16, "Persons and actors"): each page's "People and organizations named",
/// `persons.csv`, and `chancery timeline --actor`, on invented documents and on the real ones in ../shared.
@Suite struct PersonsTests {
    /// An invented cable: the people are named in sentences without a date, beside cable jargon, possessives,
    /// a slogan, a firm and a country whose name begins like a person's.
    static let cable = """
        Invented Telegram on a Visit

        Seoul, 5 May 1962

        Reference Deptel 612. Sending herewith the Ambassador's notes of the talk.

        Comrade Pak Yong-guk received the delegation at the Ministry. Kim's view was firm, and Kim said the plan stands. \
        Vice Minister Ri
        Song-chol added that Self-Reliance is the line. The firm of Meinert & Co. sent no cargo. Pakistan was not discussed.

        The talks went on for a long time and the delegation heard many reports on trade. On 3 May 1962 Pakistan signed \
        the accord. On 4 May 1962 Pak Yong-guk left for Moscow by the morning train.
        """

    /// The section "People and organizations named" of a page: its items.
    static func peopleNamed(_ page: String) -> [String] {
        guard let start = page.range(of: "## People and organizations named\n\n") else { return [] }
        let line = page[start.upperBound...].prefix { $0 != "\n" }
        return line.replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: "; ").map { $0.replacingOccurrences(of: "\\", with: "") }
    }

    static func report(_ input: URL) throws -> URL {
        let out = try TestData.temporaryFolder("chancery-persons-out").appendingPathComponent("report")
        let run = try ChanceryProcess.run(["report", input.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static func table(_ url: URL) throws -> [[String: String]] {
        let rows = CSV.rows(try String(contentsOf: url, encoding: .utf8))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    // MARK: invented documents

    @Test func pageListsTheNamesOfTheWholeDocumentWithoutJargonTitlesOrPlaces() throws {
        let input = try TestData.temporaryFolder("chancery-persons-in")
        try Self.cable.write(to: input.appendingPathComponent("cable.txt"), atomically: true, encoding: .utf8)
        let out = try Self.report(input)
        let page = try String(contentsOf: out.appendingPathComponent("documents/cable.md"), encoding: .utf8)
        let people = Self.peopleNamed(page)
        // Named in undated sentences: before, only names beside dates were listed.
        #expect(people.contains("Pak Yong-guk"))
        #expect(people.contains("Kim"))
        // Wrapped at a line end, title dropped.
        #expect(people.contains("Ri Song-chol"))
        #expect(people.contains("Meinert & Co"))
        for junk in ["Deptel", "Reference", "Sending", "Ambassador", "Ambassador's", "Kim's", "Self-Reliance", "Pakistan", "Ri", "Meinert", "Co"] {
            #expect(!people.contains(junk), "\(junk) listed among \(people)")
        }
        // persons.csv: persons only (the firm is an organization), with counts and dates.
        let persons = try Self.table(out.appendingPathComponent("persons.csv"))
        let pak = try #require(persons.first { $0["name"] == "Pak Yong-guk" })
        #expect(pak["id"] == "name:pak-yong-guk")
        #expect(pak["documents"] == "1")
        #expect(pak["mentions"] == "2")
        #expect(pak["document_ids"] == "cable")
        #expect(persons.first { $0["name"] == "Kim" }?["mentions"] == "2")
        #expect(!persons.contains { $0["name"]?.contains("Meinert") == true })
    }

    @Test func actorMatchesWholeWordsOfANameNotPartOfAWord() throws {
        let input = try TestData.temporaryFolder("chancery-persons-in")
        try Self.cable.write(to: input.appendingPathComponent("cable.txt"), atomically: true, encoding: .utf8)
        for query in ["Pak", "pak yong", "Yong-guk"] {
            let run = try ChanceryProcess.run(["timeline", "--csv", "--actor", query, input.path])
            #expect(run.status == 0, "\(run.stderr)")
            let rows = CSV.rows(run.stdout).dropFirst().filter { $0.count > 1 }
            #expect(rows.count == 1, "\(query): \(rows)")
            #expect(rows.allSatisfy { $0[0] == "1962-05-04" }, "\(query): \(rows)")
        }
        let none = try ChanceryProcess.run(["timeline", "--csv", "--actor", "Pa", input.path])
        #expect(CSV.rows(none.stdout).dropFirst().filter { $0.count > 1 }.isEmpty)
    }

    /// An invented TEI volume: a list of persons in the front matter, tags with ids in the body, one in a footnote,
    /// one whose printed name would be a formula.
    static let volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="inventedvol">
        <text><front><div type="section" xml:id="persons"><list type="names">
        <item><hi rend="strong"><persName xml:id="p_AB1">Abbot, Anna B. (Nan)</persName>,</hi> an invented envoy</item>
        <item><hi rend="strong"><persName xml:id="p_CD1">Chu Ta-wei</persName>,</hi> an invented minister</item>
        </list></div></front>
        <body><div type="chapter">
        <div type="document" xml:id="d1" n="1"><head>1. Invented Telegram</head>
        <dateline><placeName>Taipei</placeName>, <date when="1961-05-02">May 2, 1961</date></dateline>
        <p>Saw <persName corresp="#p_CD1">Minister Chu</persName> today with <persName corresp="#p_AB1">Ambassador Abbot</persName>.<note n="1" xml:id="d1fn1">See <persName corresp="#p_EF1">Evans</persName>.</note> <persName corresp="#p_CD1">Chu</persName> spoke of <persName>=SUM(A1:A9)</persName>.</p>
        </div>
        <div type="document" xml:id="d2" n="2"><head>2. Invented Memorandum</head>
        <dateline><placeName>Washington</placeName>, <date when="1961-09-30">September 30, 1961</date></dateline>
        <p><persName corresp="#p_AB1">Abbot</persName> reported.</p>
        </div>
        </div></body></text></TEI>
        """

    @Test func personsCSVFromTEITagsAndTheListOfPersonsWithSafeCells() throws {
        let input = try TestData.temporaryFolder("chancery-persons-in")
        try Self.volume.write(to: input.appendingPathComponent("volume.xml"), atomically: true, encoding: .utf8)
        let out = try Self.report(input)
        let persons = try Self.table(out.appendingPathComponent("persons.csv"))
        let abbot = try #require(persons.first { $0["id"] == "p_AB1" })
        #expect(abbot["name"] == "Anna B. Abbot")
        #expect(abbot["documents"] == "2")
        #expect(abbot["mentions"] == "2")
        #expect(abbot["first_date"] == "1961-05-02")
        #expect(abbot["last_date"] == "1961-09-30")
        #expect(abbot["document_ids"] == "inventedvol/d1; inventedvol/d2")
        let chu = try #require(persons.first { $0["id"] == "p_CD1" })
        #expect(chu["name"] == "Chu Ta-wei")
        #expect(chu["mentions"] == "2")
        // A name tagged only in a footnote is the editor's, not the document's.
        #expect(!persons.contains { $0["id"] == "p_EF1" })
        // The printed name that looks like a formula is text.
        #expect(persons.contains { $0["name"] == "'=SUM(A1:A9)" })
        // The workbook has a Persons sheet.
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-p", out.appendingPathComponent("chancery.xlsx").path, "xl/workbook.xml"]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let workbook = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        #expect(workbook.contains("name=\"Persons\""), "\(workbook)")
        let page = try String(contentsOf: out.appendingPathComponent("documents/inventedvol-d1.md"), encoding: .utf8)
        #expect(Self.peopleNamed(page).prefix(2) == ["Chu Ta-wei", "Anna B. Abbot"])
    }

    // MARK: the real documents in ../shared

    @Test(needsSharedCorpora) func seedPageListsPakYongGukAndActorPakSkipsPakistan() throws {
        let out = try Self.report(try TestData.shared("seed"))
        let documents = try Self.table(out.appendingPathComponent("documents.csv"))
        let report = try #require(documents.first?["report"])
        let people = Self.peopleNamed(try String(contentsOf: out.appendingPathComponent(report), encoding: .utf8))
        #expect(people.contains("Pak Yong-guk"), "\(people)")
        #expect(!people.contains("Self-Reliance") && !people.contains("Self-reliance"))

        // frus-dev names Pakistan in dated sentences and no one called Pak.
        let frus = try TestData.shared("frus-dev").path
        let all = try ChanceryProcess.run(["timeline", "--csv", frus])
        #expect(CSV.rows(all.stdout).contains { $0.count > 7 && $0[7].contains("Pakistan") }, "the fact this test rests on")
        let pak = try ChanceryProcess.run(["timeline", "--csv", "--actor", "Pak", frus])
        #expect(pak.status == 0)
        #expect(CSV.rows(pak.stdout).dropFirst().filter { $0.count > 1 }.isEmpty)
    }

    @Test(needsSharedCorpora) func frusPersonsIndexUsesTheVolumesIdsAndListOfPersons() throws {
        let out = try Self.report(try TestData.shared("frus-dev"))
        let persons = try Self.table(out.appendingPathComponent("persons.csv"))
        // Ambassador Yeh of d3 is p_YGKC1, "Yeh, George K.C." in the volume's list of persons.
        let yeh = try #require(persons.first { $0["id"] == "p_YGKC1" })
        #expect(yeh["name"] == "George K.C. Yeh")
        #expect(yeh["document_ids"]?.components(separatedBy: "; ").contains("frus1961-63v22/d3") == true)
        #expect(Int(yeh["documents"] ?? "") ?? 0 >= 3)
        #expect(yeh["first_date"] == "1961-02-03")
        // Every person of d3's page is a name, not a role or a possessive.
        let page = try String(contentsOf: out.appendingPathComponent("documents/frus1961-63v22-d3.md"), encoding: .utf8)
        let people = Self.peopleNamed(page)
        #expect(people.contains("George K.C. Yeh"))
        for junk in ["Ambassador's", "Secretary's", "Secretary", "Ambassador"] { #expect(!people.contains(junk)) }
    }
}
