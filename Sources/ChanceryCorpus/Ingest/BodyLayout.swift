/// Separates a cable's routing header and closing lines from its prose.
///
/// Cables open with routing and classification lines ("Urgent", "From the
/// Korea Desk", "ILD Received No. 1197"), often a heading that repeats the
/// subject and an addressee line ending in a colon, and close with a
/// signature and a date line. Counting those as prose would inflate names and
/// dates, so they are kept apart.
///
/// A leading paragraph is header when it is a block of hard-broken lines, or a
/// single line of at most 16 words that does not end like a sentence (with
/// `.`, `!` or `?`), or an addressee or salutation ending in `:`. A trailing
/// paragraph is closing when it has at most 8 words and does not end like a
/// sentence, or when it is a date. At least one paragraph always stays prose.
enum BodyLayout {
    struct Paragraph {
        /// The paragraph's lines, as hard-broken in the source, trimmed: pieces of the file's text, not copies
        /// (a large document's lines are most of its size).
        var lines: [Substring]
        /// 1-based line number of the first line in the file.
        var line: Int

        var text: String { lines.joined(separator: " ") }
    }

    /// The header lines, the body text and the closing lines of `lines` (whose first is line `firstLine` of the
    /// file, from 1); nil when they hold no paragraph.
    ///
    /// Paragraphs are runs of lines between blank ones. Only those at either end are looked at as paragraphs;
    /// the body is written straight from the lines, each trimmed, joined by a space, paragraphs by a blank line.
    /// A large document's lines are not copied, nor held as substrings, on the way (they cost three times the
    /// text when they were).
    static func layout<Lines: RandomAccessCollection<Substring>>(of lines: Lines, firstLine: Int)
        -> (header: [String], body: String, closing: [String])? where Lines.Index == Int {
        // Each paragraph as the indices of its lines.
        var spans: [Range<Int>] = []
        var start: Int?
        for index in lines.indices {
            let blank = lines[index].whitespaceTrimmed.isEmpty
            if blank, let first = start {
                spans.append(first..<index)
                start = nil
            } else if !blank, start == nil {
                start = index
            }
        }
        if let first = start { spans.append(first..<lines.endIndex) }
        guard !spans.isEmpty else { return nil }
        func paragraph(_ k: Int) -> Paragraph {
            Paragraph(lines: spans[k].map { lines[$0].whitespaceTrimmed }, line: firstLine + spans[k].lowerBound - lines.startIndex)
        }
        var first = 0
        while first < spans.count - 1, isHeader(paragraph(first)) { first += 1 }
        var last = spans.count
        while last - 1 > first, isClosing(paragraph(last - 1)) { last -= 1 }
        let header = (0..<first).flatMap { paragraph($0).lines.map(String.init) }
        let closing = (last..<spans.count).flatMap { paragraph($0).lines.map(String.init) }
        var size = 0
        for span in spans[first..<last] {
            for index in span { size += lines[index].utf8.count + 1 }
            size += 1
        }
        var body = ""
        body.reserveCapacity(size)
        for (k, span) in spans[first..<last].enumerated() {
            if k > 0 { body += "\n\n" }
            for index in span {
                if index > span.lowerBound { body += " " }
                body += lines[index].whitespaceTrimmed
            }
        }
        return (header, body, closing)
    }

    private static func isHeader(_ paragraph: Paragraph) -> Bool {
        if paragraph.lines.count > 1 { return paragraph.lines.allSatisfy { $0.utf8.count <= 100 } }
        let text = paragraph.text
        // Long paragraphs are prose; checking length in bytes first keeps this cheap.
        guard text.utf8.count <= 240 else { return false }
        if hasInnerSentenceEnd(text) { return false }
        if text.hasSuffix(":") { return text.count <= 120 }
        return wordCount(text) <= 16 && !endsLikeSentence(text)
    }

    private static func isClosing(_ paragraph: Paragraph) -> Bool {
        let text = paragraph.text
        guard text.utf8.count <= 120 else { return false }
        if DateText.parse(text) != nil { return true }
        return wordCount(text) <= 8 && !endsLikeSentence(text)
    }

    /// A ". " after a word that is not an abbreviation: "931. Following is guidance for ...:" is prose, "Dear Mr. President:" is not.
    private static func hasInnerSentenceEnd(_ text: String) -> Bool {
        var previous: Substring?
        for word in text.split(separator: " ") {
            if let previous, previous.hasSuffix("."), word.first?.isUppercase == true,
               !SentenceSplitter.abbreviations.contains(previous.dropLast().lowercased()) {
                return true
            }
            previous = word
        }
        return false
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isSpace).count
    }

    /// Ends in `.`, `!` or `?`, perhaps followed by closing quotes or brackets.
    static func endsLikeSentence(_ text: String) -> Bool {
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]"]
        guard let last = text.last(where: { !closers.contains($0) }) else { return false }
        return last == "." || last == "!" || last == "?"
    }
}
