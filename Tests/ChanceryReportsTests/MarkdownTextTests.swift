import ChanceryTestSupport
import Testing

@testable import ChanceryReports

/// Markdown made safe: archive text escaped, links for http(s) only (end to end: Tests/ChanceryCLITests/ReportCommandTests.swift).
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("[a](javascript:alert(1))", "\\[a\\](javascript:alert(1))"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("0.1.0", "0.1.0"),
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("R\u{202E}txt", "RU+202Etxt"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
    ])
    func markdownEscaping(_ text: String, _ escaped: String) {
        #expect(MarkdownText.escape(text) == escaped)
    }

    @Test func linksOnlyForHTTP() {
        #expect(MarkdownText.link("x", "https://example.org/a") == "[x](https://example.org/a)")
        #expect(MarkdownText.link("x", "javascript:alert(1)") == "x")
        #expect(MarkdownText.link("x", "https://example.org/a) [y](javascript:1") == "x")
    }
}
