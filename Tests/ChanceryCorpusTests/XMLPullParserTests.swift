import Foundation
import Testing

@testable import ChanceryCorpus

// MARK: - Helpers

/// Everything a parse produced: the events up to the end or the first error.
private struct ParseOutcome {
    var events: [XMLEvent] = []
    var error: XMLParseError?
    /// The parser's count of entity-expansion steps (`XMLPullParser.entityExpansionSteps`): the work entities cost.
    var expansionSteps = 0

    /// All text events joined, so tests need not care how text was split.
    var text: String {
        events.reduce(into: "") { result, event in
            if case .text(let piece) = event { result += piece }
        }
    }

    /// Events with adjacent text merged.
    var mergedEvents: [XMLEvent] {
        var merged: [XMLEvent] = []
        for event in events {
            if case .text(let piece) = event, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + piece)
            } else {
                merged.append(event)
            }
        }
        return merged
    }
}

private func parse(_ bytes: [UInt8], limits: XMLLimits = .init()) -> ParseOutcome {
    var parser = XMLPullParser(bytes: bytes, limits: limits)
    var outcome = ParseOutcome()
    var finished = false
    // The bound turns a parser that never finishes into a failure instead of a hang.
    for _ in 0..<(bytes.count * 4 + 16) where !finished {
        do throws(XMLParseError) {
            if let event = try parser.next() { outcome.events.append(event) } else { finished = true }
        } catch {
            outcome.error = error
            finished = true
        }
    }
    if !finished { Issue.record("parser produced more events than its input can hold") }
    outcome.expansionSteps = parser.entityExpansionSteps
    return outcome
}

private func parse(_ xml: String, limits: XMLLimits = .init()) -> ParseOutcome {
    parse(Array(xml.utf8), limits: limits)
}

private func attributes(of xml: String) -> [XMLAttribute] {
    for event in parse(xml).events {
        if case .startElement(_, let attributes) = event { return attributes }
    }
    return []
}

// MARK: - Real corpus

/// The FRUS development corpus, which lives beside the package root in `../shared/corpora`.
private enum FRUSCorpus {
    /// `#filePath` is `<root>/Tests/ChanceryCorpusTests/<file>`, so the root is three levels up.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/corpora/frus-dev")
        .standardizedFileURL
    static let volume = folder.appendingPathComponent("frus1961-63v22-part1.xml")
    static let gold = folder.appendingPathComponent("frus1961-63v22-part1.gold.jsonl")

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: volume.path) && FileManager.default.fileExists(atPath: gold.path)
    }

    static var runningInCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}

@Suite("XMLPullParser")
struct XMLPullParserTests {
    // Without CI the test is skipped when the corpus is absent; in CI absence is a failure.
    @Test(
        "parses the FRUS development volume and finds every gold document",
        .enabled(
            if: FRUSCorpus.isPresent || FRUSCorpus.runningInCI,
            "skipped: FRUS corpus not found at ../shared/corpora/frus-dev beside the package (set CI to make this a failure)"
        )
    )
    func frusVolume() throws {
        guard FRUSCorpus.isPresent else {
            Issue.record("FRUS corpus not found at \(FRUSCorpus.folder.path); CI must provide ../shared/corpora beside the package")
            return
        }
        let goldRecords = try String(contentsOf: FRUSCorpus.gold, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
            .filter { !$0.allSatisfy(\.isWhitespace) }
            .map { line -> [String: Any] in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
                return try #require(object as? [String: Any])
            }
        try #require(!goldRecords.isEmpty)

        let outcome = parse([UInt8](try Data(contentsOf: FRUSCorpus.volume)))
        #expect(outcome.error == nil, "\(outcome.error.map(String.init(describing:)) ?? "")")

        var documentIDs: [String] = []
        for case .startElement(let name, let attributes) in outcome.events
        where name == "div" && attributes.value(of: "type") == "document" {
            documentIDs.append(attributes.value(of: "xml:id") ?? "")
        }
        #expect(documentIDs.count == goldRecords.count)
        #expect(documentIDs == goldRecords.map { $0["id"] as? String ?? "?" })

        // Titles wrap across lines and around <gloss> elements, so compare with whitespace collapsed.
        func collapsed(_ s: String) -> String {
            s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let title = try #require(goldRecords.first?["title"] as? String)
        #expect(collapsed(outcome.text).contains(collapsed(title)))
    }

    // MARK: Text decoding

    /// A document and the character data (or the value of its attribute `v`) it decodes to.
    struct DecodingCase: CustomTestStringConvertible, Sendable {
        var label: String
        var xml: String
        var expected: String
        var testDescription: String { label }
    }

    static let textCases: [DecodingCase] = [
        DecodingCase(label: "predefined entities", xml: "<a>x &lt; y &amp; z &gt; &quot;q&quot; &apos;s&apos;</a>", expected: "x < y & z > \"q\" 's'"),
        DecodingCase(label: "character references", xml: "<a>&#65;&#x42;&#x201C;q&#x201d;&#10;&#x1F600;</a>", expected: "AB\u{201C}q\u{201D}\n\u{1F600}"),
        DecodingCase(label: "CDATA kept verbatim", xml: "<a><![CDATA[<b>&amp;</b> ]] > ]]></a>", expected: "<b>&amp;</b> ]] > "),
        DecodingCase(label: "CDATA between text", xml: "<a>x<![CDATA[y]]>z</a>", expected: "xyz"),
        DecodingCase(label: "comments and PIs dropped", xml: "<a>x<!-- c -- d -->y<?pi data?>z</a>", expected: "xyz"),
        DecodingCase(label: "CRLF and CR become LF", xml: "<a>1\r\n2\r3\n4\r\n</a>", expected: "1\n2\n3\n4\n"),
        DecodingCase(label: "CRLF in CDATA", xml: "<a><![CDATA[1\r\n2\r3]]></a>", expected: "1\n2\n3"),
        DecodingCase(label: "internal entity", xml: "<!DOCTYPE a [<!ENTITY who \"World\">]><a>Hello, &who;!</a>", expected: "Hello, World!"),
        DecodingCase(label: "entity referring to a later entity", xml: "<!DOCTYPE a [<!ENTITY x \"&y;-&y;\"><!ENTITY y \"ab\">]><a>&x;</a>", expected: "ab-ab"),
        DecodingCase(label: "entity text with character and predefined references", xml: "<!DOCTYPE a [<!ENTITY e \"&#x201C;&lt;&#38;#38;\">]><a>&e;</a>", expected: "\u{201C}<&"),
        DecodingCase(label: "first entity declaration binds", xml: "<!DOCTYPE a [<!ENTITY e \"one\"><!ENTITY e \"two\">]><a>&e;</a>", expected: "one"),
        DecodingCase(label: "non-ASCII text", xml: "<a>Zhou Enlai \u{5468}\u{6069}\u{6765} \u{2014} 1961\u{2013}1963</a>", expected: "Zhou Enlai \u{5468}\u{6069}\u{6765} \u{2014} 1961\u{2013}1963"),
    ]

    @Test("decodes character data", arguments: textCases)
    func decodesText(_ testCase: DecodingCase) {
        let outcome = parse(testCase.xml)
        #expect(outcome.error == nil)
        #expect(outcome.text == testCase.expected)
    }

    // MARK: Attributes

    static let attributeCases: [DecodingCase] = [
        DecodingCase(label: "plain", xml: "<a v=\"d1\"/>", expected: "d1"),
        DecodingCase(label: "single quotes", xml: "<a v='say \"hi\"'/>", expected: "say \"hi\""),
        DecodingCase(label: "references", xml: "<a v=\"1 &amp; 2 &lt; &#x33;\"/>", expected: "1 & 2 < 3"),
        DecodingCase(label: "whitespace normalized", xml: "<a v=\"a\tb\nc\r\nd\re\"/>", expected: "a b c d e"),
        DecodingCase(label: "character reference whitespace kept", xml: "<a v=\"x&#10;y&#9;z\"/>", expected: "x\ny\tz"),
        DecodingCase(label: "internal entity with whitespace", xml: "<!DOCTYPE a [<!ENTITY e \"p\tq\">]><a v=\"&e;\"/>", expected: "p q"),
        DecodingCase(label: "spaces around equals", xml: "<a v = 'x' />", expected: "x"),
    ]

    @Test("decodes attribute values", arguments: attributeCases)
    func decodesAttribute(_ testCase: DecodingCase) {
        #expect(attributes(of: testCase.xml).value(of: "v") == testCase.expected)
    }

    @Test("keeps qualified names as written and offers local names")
    func qualifiedNames() {
        let outcome = parse("<tei:div xml:id=\"d1\" frus:doc-dateTime-min=\"1961-01-12\"><pb n=\"1\"/></tei:div>")
        #expect(outcome.error == nil)
        #expect(outcome.events == [
            .startElement(name: "tei:div", attributes: [
                XMLAttribute(name: "xml:id", value: "d1"),
                XMLAttribute(name: "frus:doc-dateTime-min", value: "1961-01-12"),
            ]),
            .startElement(name: "pb", attributes: [XMLAttribute(name: "n", value: "1")]),
            .endElement(name: "pb"),
            .endElement(name: "tei:div"),
        ])
        let attributes = attributes(of: "<a xml:id=\"d1\" n=\"2\"/>")
        #expect(attributes.value(of: "xml:id") == "d1")
        #expect(attributes.value(of: "id") == nil)
        #expect(attributes.map(\.localName) == ["id", "n"])
        #expect(XMLName.localName(of: "tei:div") == "div")
        #expect(XMLName.localName(of: "div") == "div")
        #expect(XMLName.prefix(of: "tei:div") == "tei")
        #expect(XMLName.prefix(of: "div") == nil)
    }

    // MARK: Document structure

    @Test("skips the XML declaration, BOM, DOCTYPE, comments and PIs around the root")
    func prologAndEpilog() {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet href="s.css"?>
            <!-- prolog -->
            <!DOCTYPE TEI [
              <!ELEMENT TEI (#PCDATA)>
              <!ATTLIST TEI note CDATA "a > b" other CDATA '>'>
              <!NOTATION png SYSTEM "image/png">
              <!-- comment in the subset -->
              <?pi in the subset?>
              <!ENTITY logo SYSTEM "logo.png" NDATA png>
            ]>
            <TEI>ok</TEI>
            <!-- epilog -->

            """
        let outcome = parse(xml)
        #expect(outcome.error == nil)
        #expect(outcome.events == [.startElement(name: "TEI", attributes: []), .text("ok"), .endElement(name: "TEI")])
    }

    @Test("reports the start position of each event")
    func eventPositions() throws {
        var parser = XMLPullParser(string: "<a>\n  <b x=\"1\"/>\u{E9}\u{1F600}<c/></a>")
        var positions: [String] = []
        while let event = try parser.next() {
            positions.append("\(event.shortName)@\(parser.line):\(parser.column)")
        }
        #expect(positions == ["<a>@1:1", "text@1:4", "<b>@2:3", "</b>@2:3", "text@2:13", "<c>@2:15", "</c>@2:15", "</a>@2:19"])
        #expect(try parser.next() == nil)
    }

    @Test("accepts Data input")
    func dataInput() throws {
        var parser = XMLPullParser(data: Data("<a>x</a>".utf8))
        #expect(try parser.next() == .startElement(name: "a", attributes: []))
        #expect(try parser.next() == .text("x"))
        #expect(try parser.next() == .endElement(name: "a"))
        #expect(try parser.next() == nil)
    }

    // MARK: Errors

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var label: String
        var xml: String
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { label }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(label: "mismatched tags", xml: "<a>\n  <b>\n</a>", message: "end tag </a> does not match <b> opened at line 2", line: 3, column: 1),
        ErrorCase(label: "truncated document", xml: "<TEI>\n<text>\n<div type=\"document\">\n<p>x</p>\n", message: "unexpected end of file: <div> opened at line 3 is not closed", line: 5, column: 1),
        ErrorCase(label: "truncated inside a tag", xml: "<a>\n<b x=\"1\"", message: "unexpected end of file inside the start tag <b>", line: 2, column: 9),
        ErrorCase(label: "truncated attribute value", xml: "<a x=\"1", message: "unexpected end of file in the value of attribute x in <a>", line: 1, column: 8),
        ErrorCase(label: "unterminated comment", xml: "<a>\n<!-- x", message: "unterminated comment", line: 2, column: 1),
        ErrorCase(label: "unterminated CDATA", xml: "<a><![CDATA[x", message: "unterminated CDATA section", line: 1, column: 4),
        ErrorCase(label: "empty input", xml: "", message: "the document has no root element", line: 1, column: 1),
        ErrorCase(label: "only a comment", xml: "<!-- x -->\n", message: "the document has no root element", line: 2, column: 1),
        ErrorCase(label: "two roots", xml: "<a/>\n<b/>", message: "a document has a single root element", line: 2, column: 1),
        ErrorCase(label: "text before the root", xml: "hi<a/>", message: "text is not allowed before the root element", line: 1, column: 1),
        ErrorCase(label: "text after the root", xml: "<a/>hi", message: "text is not allowed after the root element <a> closed", line: 1, column: 5),
        ErrorCase(label: "stray end tag", xml: "<a/></b>", message: "end tag </b> has no matching start tag", line: 1, column: 5),
        ErrorCase(label: "unquoted attribute", xml: "<a x=1/>", message: "the value of attribute x in <a> must be in quotes", line: 1, column: 6),
        ErrorCase(label: "attribute without value", xml: "<a x/>", message: "attribute x in <a> has no value", line: 1, column: 5),
        ErrorCase(label: "duplicate attribute", xml: "<a x=\"1\" y=\"2\" x=\"3\"/>", message: "duplicate attribute x in <a>", line: 1, column: 16),
        ErrorCase(label: "missing space between attributes", xml: "<a x=\"1\"y=\"2\"/>", message: "must be separated from what precedes it by whitespace", line: 1, column: 9),
        ErrorCase(label: "'<' in attribute", xml: "<a x=\"1<2\"/>", message: "'<' is not allowed in the value of attribute x in <a>", line: 1, column: 8),
        ErrorCase(label: "bare '<' in text", xml: "<a>1 < 2</a>", message: "'<' must start a tag", line: 1, column: 6),
        ErrorCase(label: "bare '&' in text", xml: "<a>R&D</a>", message: "entity reference &D is missing its ';'", line: 1, column: 5),
        ErrorCase(label: "lone '&' in text", xml: "<a>a & b</a>", message: "'&' must start an entity or character reference", line: 1, column: 6),
        ErrorCase(label: "&#0;", xml: "<a>&#0;</a>", message: "character reference &#0; is not a character allowed in XML", line: 1, column: 4),
        ErrorCase(label: "surrogate reference", xml: "<a>&#xD800;</a>", message: "character reference &#xD800; is not a character allowed in XML", line: 1, column: 4),
        ErrorCase(label: "reference past Unicode", xml: "<a>&#x110000;</a>", message: "is not a character allowed in XML", line: 1, column: 4),
        ErrorCase(label: "huge reference", xml: "<a>&#99999999999999999999999999;</a>", message: "is not a character allowed in XML", line: 1, column: 4),
        ErrorCase(label: "malformed reference", xml: "<a>&#xZZ;</a>", message: "malformed character reference", line: 1, column: 4),
        ErrorCase(label: "undeclared entity", xml: "<a>\n&nbsp;</a>", message: "undeclared entity &nbsp;", line: 2, column: 1),
        ErrorCase(label: "recursive entity", xml: "<!DOCTYPE a [<!ENTITY x \"&y;\"><!ENTITY y \"1&x;\">]><a>&x;</a>", message: "entity &x; refers to itself (&x; → &y; → &x;)", line: 1, column: 54),
        ErrorCase(label: "markup in an entity", xml: "<!DOCTYPE a [<!ENTITY m \"<b/>\">]><a>&m;</a>", message: "entity &m; contains markup, which Chancery does not expand", line: 1, column: 37),
        ErrorCase(label: "'<' from an entity in an attribute", xml: "<!DOCTYPE a [<!ENTITY m \"&#60;\">]><a x=\"&m;\"/>", message: "entity &m; puts '<' in an attribute value", line: 1, column: 41),
        ErrorCase(label: "late XML declaration", xml: "\n<?xml version=\"1.0\"?><a/>", message: "only allowed at the very start", line: 2, column: 1),
        ErrorCase(label: "DOCTYPE inside the root", xml: "<a><!DOCTYPE a></a>", message: "a DOCTYPE declaration is only allowed before the root element", line: 1, column: 4),
        ErrorCase(label: "unknown '<!' markup", xml: "<a><!ELEMENT a></a>", message: "unexpected markup '<!'", line: 1, column: 4),
        ErrorCase(label: "unterminated DOCTYPE", xml: "<!DOCTYPE a [<!ENTITY e \"x\">", message: "unterminated DOCTYPE internal subset", line: 1, column: 1),
        ErrorCase(label: "end tag garbage", xml: "<a></a x>", message: "expected '>' to finish the end tag </a>", line: 1, column: 8),
        ErrorCase(label: "column counted in characters", xml: "<a>\u{E9}\u{20AC}\u{1F600}&bad</a>", message: "entity reference &bad is missing its ';'", line: 1, column: 7),
    ]

    @Test("rejects malformed documents with a located message", arguments: errorCases)
    func rejects(_ testCase: ErrorCase) throws {
        let error = try #require(parse(testCase.xml).error)
        #expect(error.message.contains(testCase.message), "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
    }

    @Test("error description is line:column: message, and byte offsets count bytes")
    func errorDescription() throws {
        let error = try #require(parse("<a>\u{E9}\u{20AC}\u{1F600}&bad</a>").error)
        #expect(error.byteOffset == 3 + 2 + 3 + 4)
        #expect(error.description == "1:7: entity reference &bad is missing its ';'")
    }

    @Test("an error is sticky: later calls throw it again")
    func stickyError() {
        var parser = XMLPullParser(string: "<a></b>")
        var errors: [XMLParseError] = []
        for _ in 0..<3 {
            do throws(XMLParseError) {
                _ = try parser.next()
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.count == 2)
        #expect(errors.first == errors.last)
    }

    // MARK: Encoding

    struct ByteCase: CustomTestStringConvertible, Sendable {
        var label: String
        var bytes: [UInt8]
        var message: String
        var byteOffset: Int
        var line: Int
        var column: Int
        var testDescription: String { label }
    }

    static let byteCases: [ByteCase] = [
        ByteCase(label: "invalid byte in an element name", bytes: Array("<a>\n<b".utf8) + [0xFF] + Array("c/></a>".utf8),
                 message: "invalid UTF-8 byte 0xFF", byteOffset: 6, line: 2, column: 3),
        ByteCase(label: "stray continuation byte", bytes: Array("<a>\u{E9}".utf8) + [0x80] + Array("</a>".utf8),
                 message: "invalid UTF-8 byte 0x80", byteOffset: 5, line: 1, column: 5),
        ByteCase(label: "overlong encoding", bytes: Array("<a>".utf8) + [0xC0, 0xBC] + Array("</a>".utf8),
                 message: "invalid UTF-8 byte 0xC0", byteOffset: 3, line: 1, column: 4),
        ByteCase(label: "encoded surrogate", bytes: Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8),
                 message: "invalid UTF-8 byte 0xED", byteOffset: 3, line: 1, column: 4),
        ByteCase(label: "sequence cut by the end", bytes: Array("<a></a>".utf8) + [0xE2, 0x80],
                 message: "invalid UTF-8 byte 0xE2", byteOffset: 7, line: 1, column: 8),
        ByteCase(label: "invalid byte after long ASCII run", bytes: Array("<a>\r\n\(String(repeating: "x", count: 37))".utf8) + [0xF8] + Array("</a>".utf8),
                 message: "invalid UTF-8 byte 0xF8", byteOffset: 42, line: 2, column: 38),
        ByteCase(label: "NUL byte", bytes: Array("<a>x".utf8) + [0] + Array("</a>".utf8),
                 message: "NUL byte (0x00) is not allowed", byteOffset: 4, line: 1, column: 5),
        ByteCase(label: "NUL byte in a long ASCII run", bytes: Array("<a>\(String(repeating: "x", count: 20))".utf8) + [0] + Array("</a>".utf8),
                 message: "NUL byte (0x00) is not allowed", byteOffset: 23, line: 1, column: 24),
        ByteCase(label: "UTF-16 byte order mark", bytes: [0xFF, 0xFE, 0x3C, 0x00],
                 message: "UTF-16", byteOffset: 0, line: 1, column: 1),
        ByteCase(label: "Latin-1 document", bytes: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8),
                 message: "encoding=\"ISO-8859-1\"; Chancery reads only UTF-8", byteOffset: 49, line: 1, column: 50),
    ]

    @Test("rejects bytes that are not UTF-8 XML text", arguments: byteCases)
    func rejectsBytes(_ testCase: ByteCase) throws {
        let error = try #require(parse(testCase.bytes).error)
        #expect(error.message.contains(testCase.message), "\(error)")
        #expect(error.byteOffset == testCase.byteOffset, "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
    }

    @Test("a UTF-8 BOM is skipped and does not count as a column")
    func byteOrderMark() throws {
        let error = try #require(parse([0xEF, 0xBB, 0xBF] + Array("<a>&x</a>".utf8)).error)
        #expect(error.line == 1)
        #expect(error.column == 4)
        #expect(error.byteOffset == 6)
    }

    // MARK: Hostile input

    /// The most expansion steps a budget of `budget` bytes allows: entering an entity, reading each byte of its
    /// text and leaving it are one step each, and every entity entered is charged at least one byte, so the steps
    /// stay under three per byte charged (plus the one entity whose charge crossed the budget).
    private static func maxSteps(budget: Int, longestEntity: Int) -> Int {
        3 * (budget + longestEntity + 1)
    }

    @Test("billion laughs is stopped by the expansion budget, after work bounded by the budget")
    func billionLaughs() throws {
        var subset = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            subset += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">"
        }
        // &lol9; stands for 3 × 10^9 bytes of text; the default budget is 10^6 bytes.
        let outcome = parse("<!DOCTYPE lolz [\(subset)]><lolz>&lol9;</lolz>")
        let error = try #require(outcome.error)
        #expect(error.message.contains("&lol9;"))
        #expect(error.message.contains("XMLLimits.maxEntityExpansionBytes"))
        #expect(error.message.contains("billion laughs"))
        #expect(outcome.expansionSteps > 0)
        #expect(outcome.expansionSteps <= Self.maxSteps(budget: XMLLimits().maxEntityExpansionBytes, longestEntity: 60),
                "\(outcome.expansionSteps) expansion steps")
    }

    @Test("many references to an empty entity are also bounded")
    func emptyEntityBlowup() throws {
        var subset = "<!ENTITY e0 \"\">"
        for level in 1...12 {
            subset += "<!ENTITY e\(level) \"\(String(repeating: "&e\(level - 1);", count: 16))\">"
        }
        // 16^12 references to an entity whose text is empty: no text, but work all the same.
        let outcome = parse("<!DOCTYPE a [\(subset)]><a>&e12;</a>")
        #expect(outcome.error?.message.contains("XMLLimits.maxEntityExpansionBytes") == true)
        #expect(outcome.expansionSteps <= Self.maxSteps(budget: XMLLimits().maxEntityExpansionBytes, longestEntity: 16 * 5),
                "\(outcome.expansionSteps) expansion steps")
    }

    /// A small bomb (&lol5; stands for 300,000 bytes) against a budget of 10,000 bytes: stopped after work
    /// bounded by the budget. A parser that did not stop at the budget would finish it (a million steps or so)
    /// and give no error, so this fails without a hang.
    @Test("the budget bounds the work, not only the text")
    func budgetBoundsTheWork() throws {
        var subset = "<!ENTITY lol \"lol\">"
        for level in 1...5 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            subset += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">"
        }
        let outcome = parse("<!DOCTYPE lolz [\(subset)]><lolz>&lol5;</lolz>", limits: XMLLimits(maxEntityExpansionBytes: 10_000))
        #expect(outcome.error?.message.contains("XMLLimits.maxEntityExpansionBytes") == true)
        #expect(outcome.expansionSteps > 1_000)
        #expect(outcome.expansionSteps <= Self.maxSteps(budget: 10_000, longestEntity: 60), "\(outcome.expansionSteps) expansion steps")
    }

    @Test("the expansion budget is configurable")
    func expansionBudget() {
        let xml = "<!DOCTYPE a [<!ENTITY e \"0123456789\">]><a>&e;&e;&e;</a>"
        #expect(parse(xml, limits: XMLLimits(maxEntityExpansionBytes: 30)).error == nil)
        #expect(parse(xml, limits: XMLLimits(maxEntityExpansionBytes: 29)).error != nil)
    }

    @Test("too many entity declarations are rejected")
    func entityCount() throws {
        let subset = (0..<6).map { "<!ENTITY e\($0) \"x\">" }.joined()
        let error = try #require(parse("<!DOCTYPE a [\(subset)]><a/>", limits: XMLLimits(maxInternalEntities: 5)).error)
        #expect(error.message.contains("XMLLimits.maxInternalEntities"))
    }

    @Test("an external entity is refused and never read")
    func externalEntity() throws {
        let outcome = parse("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>")
        let error = try #require(outcome.error)
        #expect(error.message == "entity &xxe; refers to an external resource, which Chancery never loads")
        #expect(!outcome.text.contains("root:"))
        for case .startElement(_, let attributes) in outcome.events {
            #expect(!attributes.contains { $0.value.contains("root:") })
        }
    }

    @Test("an external entity reached through an internal one is refused")
    func indirectExternalEntity() throws {
        let outcome = parse("<!DOCTYPE x [<!ENTITY xxe PUBLIC \"-//X//EN\" \"http://example.com/x\"><!ENTITY wrap \"[&xxe;]\">]><x a=\"&wrap;\"/>")
        let error = try #require(outcome.error)
        #expect(error.message.contains("entity &xxe; (referenced inside &wrap;) refers to an external resource"))
    }

    @Test("an external DTD is skipped without being read")
    func externalDTD() throws {
        let outcome = parse("<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><x>ok</x>")
        #expect(outcome.error == nil)
        #expect(outcome.events == [.startElement(name: "x", attributes: []), .text("ok"), .endElement(name: "x")])

        // A real DTD on disk that declares the entity: it must stay unread, so the entity stays undeclared.
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-xml-\(UUID().uuidString).dtd")
        try Data("<!ENTITY planted \"LOADED\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        let local = parse("<!DOCTYPE x PUBLIC \"-//X//DTD X//EN\" \"\(dtd.absoluteString)\"><x>&planted;</x>")
        #expect(local.error?.message == "undeclared entity &planted;")
        #expect(!local.text.contains("LOADED"))
    }

    @Test("parameter entities are never expanded")
    func parameterEntities() {
        let outcome = parse("<!DOCTYPE x [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext; <!ENTITY % local \"<!ENTITY e 'x'>\"> %local;]><x>ok</x>")
        #expect(outcome.error == nil)
        #expect(outcome.text == "ok")
    }

    @Test("100k nested elements give a depth error, not a crash")
    func deepNesting() throws {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = try #require(parse(xml).error)
        #expect(error.message.contains("nested deeper than 512 levels (XMLLimits.maxDepth)"))
        #expect(error.byteOffset == 512 * 3)

        // With a higher limit the same document parses, which shows the parser is not recursive.
        let outcome = parse(xml, limits: XMLLimits(maxDepth: depth))
        #expect(outcome.error == nil)
        #expect(outcome.events.count == 2 * depth)
    }

    @Test("many attributes on one element stay linear and duplicates are still caught")
    func manyAttributes() throws {
        let names = (0..<20_000).map { "a\($0)=\"\($0)\"" }
        let fine = parse("<x \(names.joined(separator: " "))/>")
        #expect(fine.error == nil)
        let duplicated = parse("<x \(names.joined(separator: " ")) a19999=\"again\"/>")
        #expect(duplicated.error?.message.contains("duplicate attribute a19999") == true)
    }

    /// Cuts and corrupts a rich fixture in many ways: every outcome must be events or an error, never a crash or hang.
    @Test("truncated and mutated documents never crash")
    func mutations() {
        let fixture = Array("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE TEI [<!ENTITY e "x&#x201C;&f;"><!ENTITY f "&lt;y&gt;"><!ATTLIST TEI a CDATA "b>c">]>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="v1">
              <div type="document" xml:id="d1" n="1"><head>1. T&e;</head>
                <p>a &amp; b<![CDATA[ <c> ]]><!-- n -->\r\n<pb n="2"/>\u{201C}q\u{201D} &#x1F600;</p>
              </div>
            </TEI>
            """.utf8)
        let whole = parse(fixture)
        #expect(whole.error == nil)

        for cut in 0..<fixture.count {
            let outcome = parse(Array(fixture[..<cut]))
            #expect(outcome.error != nil, "prefix of \(cut) bytes should not parse")
        }

        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let interesting: [UInt8] = Array("<>&;#x/='\"![]-?%\r\n \t".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]
        for _ in 0..<3000 {
            var bytes = fixture
            for _ in 0...random(4) {
                let at = random(bytes.count)
                switch random(4) {
                case 0: bytes[at] = interesting[random(interesting.count)]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(interesting[random(interesting.count)], at: at)
                default: bytes[at] = UInt8(truncatingIfNeeded: random(256))
                }
            }
            let outcome = parse(bytes)
            if let error = outcome.error {
                #expect(error.byteOffset >= 0 && error.byteOffset <= bytes.count)
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }
}

extension XMLEvent {
    /// A compact label for position tests.
    fileprivate var shortName: String {
        switch self {
        case .startElement(let name, _): "<\(name)>"
        case .endElement(let name): "</\(name)>"
        case .text: "text"
        }
    }
}
