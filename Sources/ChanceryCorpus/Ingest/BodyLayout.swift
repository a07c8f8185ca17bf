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
        /// The paragraph's lines, as hard-broken in the source.
        var lines: [String]
        /// 1-based line number of the first line in the file.
        var line: Int

        var text: String { lines.joined(separator: " ") }
    }

    static func split(_ paragraphs: [Paragraph]) -> (header: [String], body: [Paragraph], closing: [String]) {
        var first = 0
        while first < paragraphs.count - 1, isHeader(paragraphs[first]) { first += 1 }
        var last = paragraphs.count
        while last - 1 > first, isClosing(paragraphs[last - 1]) { last -= 1 }
        let header = paragraphs[..<first].flatMap(\.lines)
        let closing = paragraphs[last...].flatMap(\.lines)
        return (header, Array(paragraphs[first..<last]), closing)
    }

    /// Groups lines into paragraphs at blank lines; `firstLine` is the 1-based number of `lines[0]`.
    static func paragraphs(of lines: some Collection<Substring>, firstLine: Int) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [String] = []
        var start = firstLine
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingWhitespace
            if line.isEmpty {
                if !current.isEmpty { result.append(Paragraph(lines: current, line: start)) }
                current = []
            } else {
                if current.isEmpty { start = firstLine + offset }
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(Paragraph(lines: current, line: start)) }
        return result
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
