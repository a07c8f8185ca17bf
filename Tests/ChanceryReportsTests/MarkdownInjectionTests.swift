import Testing

@testable import ChanceryReports

/// MarkdownText on hostile values: ids in code spans, source URLs as link destinations, and escaping
/// that reads Unicode scalars as a Markdown parser does. The report as a whole is checked end to end in
/// Tests/ChanceryCLITests/InjectionTests.swift.
@Suite struct MarkdownInjectionTests {
    @Test(arguments: [
        // A bracket or a pipe followed by a combining mark is one Character but still syntax to a parser.
        ("[\u{301}a](javascript:1)", "\\[\u{301}a\\](javascript:1)"),
        ("a |\u{301} b", "a \\|\u{301} b"),
        ("line\r\nbreak", "line break"),
        ("bell\u{07}esc\u{1B}[2J csi\u{9B}", "bellU+7escU+1B\\[2J csiU+9B"),
        ("---", "\\---"),
        ("- - -", "\\- - -"),
        ("-5 degrees", "-5 degrees"),
        ("    indented", "&#32;   indented"),
        ("  - item", "&#32; - item"),
    ])
    func escaping(_ text: String, _ escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }

    @Test func idsAreCodeSpansOnlyWhenVerbatimIsSafe() {
        #expect(MarkdownText.code("frus1961-63v22/d1") == "`frus1961-63v22/d1`")
        #expect(MarkdownText.code("01_chemulpo") == "`01_chemulpo`")
        #expect(MarkdownText.code("d1\n# Heading") == "d1 \\# Heading")
        #expect(MarkdownText.code("a|b") == "a\\|b")
        #expect(MarkdownText.code("a`b") == "a\\`b")
        #expect(MarkdownText.code("<script>") == "\\<script\\>")
        #expect(MarkdownText.code("x\u{202E}y") == "xU+202Ey")
        #expect(MarkdownText.code("a\\") == "a\\\\")
    }

    @Test func sourceURLsAreEncodedOrRefused() {
        #expect(MarkdownText.link("x", "https://example.org/a") == "[x](https://example.org/a)")
        #expect(MarkdownText.link("x", "https://example.org/a|b") == "[x](https://example.org/a%7Cb)")
        #expect(MarkdownText.link("x", "https://example.org/a_(b)") == "[x](https://example.org/a_%28b%29)")
        #expect(MarkdownText.link("x", "https://example.org/<b>\"`\\^{}") == "[x](https://example.org/%3Cb%3E%22%60%5C%5E%7B%7D)")
        #expect(MarkdownText.link("x|y", "https://example.org/\u{1B}[2J") == "x\\|y")
        #expect(MarkdownText.link("x", "https://example.org/\u{202E}fdp") == "x")
        #expect(MarkdownText.link("x", "https://example.org/a\u{85}b") == "x")
        #expect(MarkdownText.link("x", "https://example.org/a b") == "x")
        #expect(MarkdownText.link("x", "javascript:alert(1)") == "x")
    }
}
