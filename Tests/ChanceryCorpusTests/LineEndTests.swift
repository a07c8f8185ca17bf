import Testing

@testable import ChanceryCorpus

/// Line ends are made LF in the bytes as read, in place (a large file was held as bytes, as a string and as
/// the string with its line ends replaced), with the same result as `TextNormalizer.unifyLineEnds`.
@Suite struct LineEndTests {
    @Test(arguments: [
        "", "\r", "\n", "\r\n", "\r\r\n\n", "a\r\nb\rc\n", "\r\n\r\nTitle\r\n\r\nBody.\r", "no line end",
        "Pak – Чжоу\r\n周恩来\r", String(repeating: "line\r\n", count: 5_000) + "end\r",
    ])
    func lineEndsAreUnifiedInPlace(text: String) {
        var bytes = Array(text.utf8)
        DocumentReader.unifyLineEnds(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == TextNormalizer.unifyLineEnds(text))
        #expect(!bytes.contains(13))
    }

    /// A file's lines, made from where each ends, are the lines of its text split at LF.
    @Test(arguments: ["", "\n", "a", "a\n", "a\nb", "\n\nTitle\n\nBody one.\nBody two.\n", "Чжоу\n周恩来\n\n"])
    func linesAreThoseOfTheText(text: String) {
        let lines = DocumentReader.lines(of: text)
        #expect(Array(lines) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }
}
