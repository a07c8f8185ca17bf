import ChanceryTime
import ChanceryTestSupport
import Foundation
import Testing

/// A folder of invented hostile files: names, titles, ids, URLs, persons and topic names that carry
/// Markdown and HTML syntax, line breaks, terminal escapes (ESC, BEL, CSI, OSC) and bidirectional overrides.
enum HostileCorpus {
    /// A file name that is a heading, a table border, HTML, a right-to-left override and a terminal
    /// escape that sets the window title and clears the screen (a name cannot hold "/").
    static let stem = "evil\n# Heading|x<script>alert(1)<\\script>\u{202E}\u{1B}]0;pwned\u{07}\u{1B}[2J"
    static let escapes = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31m\u{9B}31m\u{202E}"

    struct Folder {
        var work: URL
        var input: URL
        var lexicon: URL
    }

    static func make() throws -> Folder {
        let work = try TestData.temporaryFolder("chancery-injection")
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: input.appendingPathComponent(name))
        }
        try write(stem + ".txt", """
            Invented \(escapes) Title [a](javascript:alert(1)) | <b>bold</b>

            Washington, December 8, 1962

            On December 8, 1962, the minister promised aid \(escapes) and credits.\u{07} \
            On February 31, 1962, nothing happened.

            """)
        try write("volume.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus-invented">
              <text>
                <body>
                  <div type="document" xml:id="d1&#10;# Heading|x&lt;script&gt;alert(1)&lt;/script&gt;&#x202E;" n="1">
                    <head>1. Invented Hostile Id</head>
                    <dateline><placeName>Wash|ington&#x202E;</placeName>, <date when="1961-05-02">May 2, 1961</date>.</dateline>
                    <p>The id breaks the page. <persName>Evil|Name &lt;i&gt;&#10;# Person</persName> promised aid.</p>
                  </div>
                  <div type="document" xml:id="d2|x(y)" n="2">
                    <head>2. Invented Pipe Id</head>
                    <dateline><placeName>Washington</placeName>, <date when="1961-05-03">May 3, 1961</date>.</dateline>
                    <p>On May 3, 1961, the pipe splits the source link. Aid was refused.</p>
                  </div>
                </body>
              </text>
            </TEI>

            """)
        try write("wilson.txt", """
            **December 9, 1962**

            **Invented Wilson Title | <i>x</i>**

            **Citation:**

            "Invented Wilson Title", December 9, 1962, Wilson Center Digital Archive, Invented Reference.
            <https://example.org/doc|\u{1B}[2J>

            **Summary:**

            # Not a heading
            - not a list

            **Original Language:**

            English

            [...]

            The invented body mentions aid and credits.

            [...]

            """)
        // Not UTF-8: skipped, and named on stderr and in summary.md's Skipped table.
        try Data([0x41, 0xFF, 0xFE, 0x42]).write(to: input.appendingPathComponent("bad|<i>\n# skipped\u{202E}\u{1B}[2J.txt"))

        let lexicon = work.appendingPathComponent("lexicon.yml")
        try Data("""
            "evil|<b>\\u202E\\n# topic\\e[2J":
              - aid
            credits:
              - credit*

            """.utf8).write(to: lexicon)
        return Folder(work: work, input: input, lexicon: lexicon)
    }
}

/// What breaks a Markdown page's structure, line by line.
enum MarkdownStructure {
    /// Every problem found: hidden characters, raw `<`, more than one title, tables whose rows have
    /// different numbers of cells, link destinations that are not a page of the report or an http(s) URL.
    static func problems(_ text: String) -> [String] {
        var problems: [String] = []
        for scalar in text.unicodeScalars where scalar != "\n" {
            if scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                problems.append("hidden character U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if startsTag(line) { problems.append("raw HTML in: \(line)") }
            if line.hasPrefix("#"), !(line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### ")) {
                problems.append("odd heading: \(line)")
            }
        }
        let titles = lines.filter { $0.hasPrefix("# ") }
        if titles.count != 1 { problems.append("\(titles.count) title lines: \(titles)") }
        if let first = lines.first, !first.hasPrefix("# ") { problems.append("the first line is no title: \(first)") }

        var header: Int?
        for line in lines {
            guard line.hasPrefix("|") else { header = nil; continue }
            let borders = unescaped("|", in: line)
            if let header, borders != header { problems.append("\(borders - 1) cells, the header has \(header - 1): \(line)") }
            header = header ?? borders
        }

        // "](" after an unescaped "]": a link's destination follows, up to ")".
        var rest = text[...]
        while let bracket = rest.range(of: "](") {
            let before = rest[..<bracket.lowerBound].reversed().prefix { $0 == "\\" }.count
            let after = rest[bracket.upperBound...]
            rest = after
            guard before % 2 == 0 else { continue }
            let destination = String(after.prefix { $0 != ")" })
            let local = destination == "../summary.md" || (destination.hasPrefix("documents/") && destination.hasSuffix(".md"))
            let web = destination.hasPrefix("https://") || destination.hasPrefix("http://")
            if !(local || web) || destination.contains(where: { $0 == "|" || $0 == "<" || $0 == ">" || $0.isWhitespace }) {
                problems.append("link destination \(destination)")
            }
        }
        return problems
    }

    /// Whether the line has an unescaped `<` that starts a tag, a comment or a declaration
    /// (`<` before a letter, `/`, `!` or `?`); "p < 0.001" is text.
    static func startsTag(_ line: Substring) -> Bool {
        var backslashes = 0
        var previous: Character?
        for c in line {
            if previous == "<", backslashes % 2 == 0, c.isLetter || c == "/" || c == "!" || c == "?" { return true }
            if previous != nil { backslashes = previous == "\\" ? backslashes + 1 : 0 }
            previous = c
        }
        return false
    }

    /// How many times `character` occurs without a backslash escaping it (an odd run of backslashes before it).
    static func unescaped(_ character: Character, in line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for c in line {
            if c == character, backslashes % 2 == 0 { count += 1 }
            backslashes = c == "\\" ? backslashes + 1 : 0
        }
        return count
    }
}

/// Archive text reaches `summary.md` and `documents/*.md` only escaped: ids, titles, places, persons,
/// KWIC, expressions, skipped files' names and reasons, topic names and source URLs (issue 14, item 10).
@Suite(.serialized) struct MarkdownInjectionReportTests {
    @Test func hostileIdsNamesAndURLsLeaveTheMarkdownStructureWhole() throws {
        let folder = try HostileCorpus.make()
        defer { try? FileManager.default.removeItem(at: folder.work) }
        let out = folder.work.appendingPathComponent("report")
        let run = try ChanceryProcess.run(["report", folder.input.path, "--out", out.path, "--formats", "md", "--lexicon", folder.lexicon.path])
        #expect(run.status == 1, "\(run.stderr)")

        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("documents").path).sorted()
        #expect(pages.count == 4, "\(pages)")
        var texts: [String: String] = [:]
        for name in ["summary.md"] + pages.map({ "documents/" + $0 }) {
            texts[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for problem in MarkdownStructure.problems(text) {
                Issue.record("\(name): \(problem)")
            }
        }

        // The hostile values are there, shown as the characters they are.
        let all = texts.values.joined(separator: "\n")
        #expect(all.contains("| Document | evil \\# Heading\\|x\\<script\\>alert(1)\\<\\\\script\\>U+202EU+1B\\]0;pwnedU+7U+1B\\[2J |"))
        #expect(all.contains("| Document | frus-invented/d1 \\# Heading\\|x\\<script\\>alert(1)\\</script\\>U+202E |"))
        #expect(all.contains("https://history.state.gov/historicaldocuments/frus-invented/d2%7Cx%28y%29"))
        #expect(all.contains("Evil\\|Name \\<i\\> \\# Person"))
        #expect(all.contains("### evil\\|\\<b\\>U+202E \\# topicU+1B\\[2J"))
        #expect(!all.contains("https://example.org/doc"), "a URL with a control character is no link")
        let summary = texts["summary.md"] ?? ""
        #expect(summary.contains("| bad\\|\\<i\\> \\# skippedU+202EU+1B\\[2J.txt |"), "\(summary)")
        #expect(summary.contains("## Timeline highlights"))
    }
}

/// No command prints a terminal escape from archive text: ESC, BEL, CSI, OSC and bidi overrides in
/// file names, titles, bodies and topic names are shown escaped on stdout and stderr, in tables,
/// CSV and JSON alike (issue 14, item 11).
@Suite(.serialized) struct TerminalInjectionTests {
    /// C0 controls other than line feed, carriage return and tab; DEL; C1 controls; bidi controls.
    static func hidden(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t") || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    static let commands: [[String]] = [
        ["stats"], ["stats", "--json"],
        ["documents"], ["documents", "--json"],
        ["terms"], ["terms", "--csv"], ["terms", "--json"], ["terms", "--by", "document"],
        ["topics", "LEXICON"], ["topics", "LEXICON", "--csv"], ["topics", "LEXICON", "--json"],
        ["topics", "LEXICON", "--kwic"], ["topics", "LEXICON", "--kwic", "--csv"], ["topics", "LEXICON", "--kwic", "--json"],
        ["topics", "--keywords"], ["topics", "LEXICON", "--by", "year"],
        ["kwic", "PATTERN"], ["kwic", "PATTERN", "--csv"], ["kwic", "PATTERN", "--json"],
        ["timeline", "LEXICON"], ["timeline", "LEXICON", "--csv"], ["timeline", "LEXICON", "--json"],
        ["report", "LEXICON", "--out", "OUT"],
    ]

    @Test(arguments: commands)
    func noControlCharacterReachesTheTerminal(_ command: [String]) throws {
        let folder = try HostileCorpus.make()
        defer { try? FileManager.default.removeItem(at: folder.work) }
        var arguments = [command[0], folder.input.path]
        for argument in command.dropFirst() {
            switch argument {
            case "LEXICON": arguments += ["--lexicon", folder.lexicon.path]
            case "PATTERN": arguments.append("aid")
            case "OUT": arguments.append(folder.work.appendingPathComponent("report").path)
            default: arguments.append(argument)
            }
        }
        let run = try ChanceryProcess.run(arguments)
        #expect(run.status == 1, "\(command): \(run.stderr)")
        #expect(Self.hidden(run.stdout).isEmpty, "\(command) stdout: \(Self.hidden(run.stdout))")
        #expect(Self.hidden(run.stderr).isEmpty, "\(command) stderr: \(Self.hidden(run.stderr))")
        // The skipped file is named on stderr, its escapes shown.
        #expect(run.stderr.contains("bad|<i>\\n# skipped\\u{202E}\\u{1B}[2J.txt"), "\(command): \(run.stderr)")
        if command[0] != "report" { #expect(!run.stdout.isEmpty) }
    }

    @Test func tablesShowTheEscapesAndJSONKeepsTheText() throws {
        let folder = try HostileCorpus.make()
        defer { try? FileManager.default.removeItem(at: folder.work) }
        let table = try ChanceryProcess.run(["documents", folder.input.path])
        #expect(table.stdout.contains("Invented \\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{1B}[31m\\u{9B}31m\\u{202E} Title"), "\(table.stdout)")
        // One line per document and one for the header: a line break in a file name is shown as \n.
        #expect(table.stdout.split(separator: "\n").count == 5, "\(table.stdout)")

        // JSON escapes are the same string to a JSON reader: nothing is lost.
        let json = try ChanceryProcess.run(["documents", folder.input.path, "--json"])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let titles = documents.compactMap { $0["title"] as? String }
        #expect(titles.contains("Invented \(HostileCorpus.escapes) Title [a](javascript:alert(1)) | <b>bold</b>"), "\(titles)")
        #expect(json.stdout.contains("\\u009b31m\\u202e"))
    }
}
