import ChanceryCorpus
import ChanceryTime
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

/// The files options name (lexicon, stopword list, gazetteer), issue 14 items 16 and "Smaller": their size is
/// bounded, devices are refused, YAML aliases cannot expand them past the bound, text that is not UTF-8 says
/// where and how to convert it, and a repeated lexicon key is shown where it repeats.
@Suite struct OptionFileTests {
    static func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = try TestData.temporaryFolder("chancery-option").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func aLatin1LexiconSaysWhereItIsNotUTF8AndHowToConvertIt() throws {
        // "aid:\n  - café\n" with é in Latin-1.
        let url = try Self.file("latin1.yml", Array("aid:\n  - aid\n  - caf".utf8) + [0xE9] + Array("\n".utf8))
        let error = #expect(throws: LexiconError.self) { try Lexicon(contentsOf: url) }
        #expect(error?.description == "\(url.path):3:8: error: the lexicon is not UTF-8 text: byte 20 is 0xE9, which UTF-8 does not allow there; "
            + "if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8 \(url.path) > converted")
    }

    @Test func aUTF16LexiconIsNamedAsSuch() throws {
        let url = try Self.file("utf16.yml", [0xFF, 0xFE] + Array("aid: [aid]".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        let error = #expect(throws: LexiconError.self) { try Lexicon(contentsOf: url) }
        #expect(error?.description.hasSuffix("error: the lexicon is UTF-16LE text; Chancery reads UTF-8: convert it with: iconv -f UTF-16LE -t UTF-8 \(url.path) > converted") == true)
    }

    @Test(arguments: [
        ("aid:\n  - aid\ntrade:\n  - trade\naid:\n  - credit\n", "test.yml:5:1: error: the key \"aid\" appears twice in one mapping (first at line 1); topic names must be unique"),
        ("# topics\ntrade:\n  talks: [trade talks]\n  goods:\n    - barter\n  talks: [negotiations]\n",
         "test.yml:6:3: error: the key \"talks\" appears twice in one mapping (first at line 3); topic names must be unique"),
        ("aid: [aid]\n\"aid\": [credit]\n", "test.yml:2:1: error: the key \"aid\" appears twice in one mapping (first at line 1); topic names must be unique"),
    ])
    func aRepeatedKeyIsShownWhereItRepeats(_ yaml: String, _ message: String) {
        let error = #expect(throws: LexiconError.self) { try Lexicon(yaml: yaml, source: "test.yml") }
        #expect(error?.description == message)
    }

    @Test func optionFilesLargerThanTheBoundAreRefusedWithTheBound() throws {
        let url = try Self.file("big.txt", Array(repeating: UInt8(ascii: "a"), count: OptionFile.maximumBytes + 1))
        let error = #expect(throws: OptionFileError.self) { try StopwordList(contentsOf: url) }
        #expect(error?.description == "\(url.path): error: the stopword list is 10,485,761 bytes; Chancery reads at most 10,485,760 bytes of one")
        #expect(throws: LexiconError.self) { try Lexicon(contentsOf: url) }
        #expect(throws: GazetteerError.self) { try EventGazetteer(contentsOf: url) }
    }

    @Test func devicesAreRefused() {
        let error = #expect(throws: OptionFileError.self) { try StopwordList(contentsOf: URL(fileURLWithPath: "/dev/zero")) }
        #expect(error?.description == "/dev/zero: error: the stopword list is not a regular file (a device, a pipe or a socket); give a file")
        #expect(throws: LexiconError.self) { try Lexicon(contentsOf: URL(fileURLWithPath: "/dev/zero")) }
        #expect(throws: GazetteerError.self) { try EventGazetteer(contentsOf: URL(fileURLWithPath: "/dev/zero")) }
    }

    /// One 100 KB anchor used 120 times is 12 MB of text to read: refused, pointing at the anchor.
    @Test func aliasesCannotExpandALexiconOrGazetteerPastTheBound() {
        let word = String(repeating: "a", count: 100_000)
        let lexicon = "big: &big \(word)\n" + (0..<120).map { "t\($0): *big\n" }.joined()
        let error = #expect(throws: LexiconError.self) { try Lexicon(yaml: lexicon, source: "bomb.yml") }
        #expect(error?.description == "bomb.yml:1:6: error: the lexicon holds more than 10,485,760 bytes of text once its YAML aliases (*name) are expanded, "
            + "the most Chancery reads; an anchor used over and over starts here: write the entries out instead")
        let gazetteer = "names: &names [\(word)]\nevents:\n" + (0..<120).map { "  - {name: e\($0), date: 1962, source: s, aliases: *names}\n" }.joined()
        let gazetteerError = #expect(throws: GazetteerError.self) { try EventGazetteer(yaml: gazetteer, file: "bomb.yaml") }
        #expect(gazetteerError?.line == 1)
        // Aliases within the bound are read as before.
        #expect(throws: Never.self) { try EventGazetteer(yaml: "names: &n [Cuba issue]\nevents:\n  - {name: e, date: 1962, source: s, aliases: *n}\n", file: "ok.yaml") }
    }
}
