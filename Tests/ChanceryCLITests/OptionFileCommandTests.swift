import ChanceryTestSupport
import Foundation
import Testing

/// Option files a command cannot use (issue 14, item 16) end the run with one clear message and exit status 2,
/// not a crash: a device as the stopword list (it used to be read until memory ran out) and a lexicon that is
/// not UTF-8.
@Suite struct OptionFileCommandTests {
    @Test func aDeviceAsStopwordListIsRefused() throws {
        let run = try ChanceryProcess.run(["terms", TestData.demoCorpus.path, "--stopwords", "/dev/zero"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: /dev/zero: error: the stopword list is not a regular file (a device, a pipe or a socket); give a file\n"))
    }

    @Test func aLatin1LexiconIsRefusedWithWhereAndHow() throws {
        let folder = try TestData.temporaryFolder("chancery-option-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lexicon = folder.appendingPathComponent("topics.yml")
        try Data(Array("aid:\n  - caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: lexicon)
        let run = try ChanceryProcess.run(["topics", TestData.demoCorpus.path, "--lexicon", lexicon.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: \(lexicon.path):2:8: error: the lexicon is not UTF-8 text: byte 12 is 0xE9"))
        #expect(run.stderr.contains("iconv -f WINDOWS-1252 -t UTF-8 \(lexicon.path) > converted"))
    }
}
