/// Reads a Wilson Center Digital Archive export.
///
/// Layout: a bold date line, a bold title line, then bold section headings
/// (`**Citation:**`, `**Summary:**`, `**Credits:**`, `**Original Language:**`,
/// `**Contents:**`), a `[...]` line, the cable itself, and a closing `[...]`.
/// Citation and the body are required; the other sections may be missing or
/// empty, as they are in some real exports.
enum WilsonExportReader {
    /// True when the text opens with a bold line and has a bold section heading such as `**Citation:**`.
    ///
    /// A file in this layout that lacks a required section is then reported as
    /// a broken export, not silently read as plain text.
    static func looksLike<Lines: Collection<Substring>>(_ lines: Lines) -> Bool {
        guard let first = lines.first(where: { !$0.trimmingWhitespace.isEmpty }), bold(first) != nil else { return false }
        return lines.contains { sectionName($0) != nil }
    }

    static func read<Lines: RandomAccessCollection<Substring>>(_ lines: Lines, file: String, id: String) throws(InputError) -> Document
    where Lines.Index == Int {
        func fail(_ line: Int, _ column: Int?, _ code: InputError.Code, _ message: String) -> InputError {
            InputError(file: file, location: .line(line, column: column), code: code, message: message)
        }
        var index = 0
        func nextNonEmpty() -> Int? {
            while index < lines.count, lines[index].trimmingWhitespace.isEmpty { index += 1 }
            return index < lines.count ? index : nil
        }

        // Date line.
        guard let dateLine = nextNonEmpty(), let dateText = bold(lines[dateLine]) else {
            throw fail(1, 1, .missingSection, "missing the bold date line that opens a Wilson Center export")
        }
        let date = try documentDate(dateText, line: dateLine + 1, column: column(of: dateText, in: lines[dateLine]), file: file)
        index += 1

        // Title line.
        guard let titleLine = nextNonEmpty(), let title = bold(lines[titleLine]), sectionName(lines[titleLine]) == nil else {
            throw fail(min(index, lines.count - 1) + 1, 1, .missingSection, "missing the bold title line after the date line")
        }
        index += 1

        // Sections up to the `[...]` line that opens the body.
        var sections: [String: [Substring]] = [:]
        var firstSectionLine: Int?
        var current: String?
        var bodyStart: Int?
        while index < lines.count {
            let line = lines[index]
            if let name = sectionName(line) {
                firstSectionLine = firstSectionLine ?? index + 1
                current = name
                sections[name, default: []] = []
            } else if line.trimmingWhitespace == "[...]" {
                bodyStart = index + 1
                break
            } else if let current {
                sections[current, default: []].append(line)
            }
            index += 1
        }
        guard let citationLines = sections["citation"] else {
            throw fail(firstSectionLine ?? titleLine + 1, 1, .missingSection, "missing section **Citation:** (the sections start here)")
        }
        guard let bodyStart else {
            throw fail(lines.count, nil, .missingSection, "missing the body: no `[...]` line after the metadata sections")
        }

        // Body runs to the closing `[...]`, if there is one.
        var bodyEnd = lines.count
        if let closing = lines[bodyStart...].lastIndex(where: { $0.trimmingWhitespace == "[...]" }) { bodyEnd = closing }
        guard let layout = BodyLayout.layout(of: lines[bodyStart..<bodyEnd], firstLine: bodyStart + 1) else {
            throw fail(bodyStart, nil, .missingSection, "the body after the `[...]` line is empty")
        }

        var metadata = DocumentMetadata()
        let citation = Citation(lines: citationLines, title: title, dateText: dateText)
        metadata.citation = citation.text
        metadata.sourceURL = citation.url
        metadata.archiveReference = citation.archiveReference
        metadata.translator = citation.translator
        metadata.summary = joined(sections["summary"])
        metadata.credits = joined(sections["credits"])
        metadata.originalLanguage = joined(sections["original language"])
        metadata.contentsKind = joined(sections["contents"])

        return Document(
            id: id, file: file, format: .wilsonExport, title: title, date: date, metadata: metadata,
            header: layout.header, body: layout.body, closing: layout.closing
        )
    }

    /// The date line's value; an impossible date is an error, a missing one a nil date.
    private static func documentDate(_ text: String, line: Int, column: Int, file: String) throws(InputError) -> DocumentDate? {
        guard let match = DateText.parse(text) else {
            if ["n.d.", "undated", "no date", ""].contains(text.lowercased()) { return nil }
            if let unusable = DateText.findUnusableYear(in: text) {
                throw InputError(file: file, location: .line(line, column: column + unusable.characterOffset), code: .impossibleDate,
                                 message: "date line \"\(text)\" has a year outside the years Chancery reads (1000–2999)")
            }
            throw InputError(file: file, location: .line(line, column: column), code: .impossibleDate,
                             message: "date line \"\(text)\" is not a date Chancery can read (write it as \"December 8, 1962\", \"December 1962\" or \"1962\")")
        }
        switch match.result {
        case let .success(value):
            return DocumentDate(value: value, text: text, provenance: .metadata)
        case let .failure(error):
            throw InputError(file: file, location: .line(line, column: column + match.characterOffset), code: .impossibleDate,
                             message: "date \"\(match.text)\" does not exist: \(error)")
        }
    }

    /// The text of a `**...**` line, or nil when the line is not bold.
    static func bold(_ line: Substring) -> String? {
        let text = line.trimmingWhitespace
        guard text.count > 4, text.hasPrefix("**"), text.hasSuffix("**") else { return nil }
        return String(text.dropFirst(2).dropLast(2)).trimmingWhitespace
    }

    /// The lower-cased name of a `**Name:**` section heading.
    static func sectionName(_ line: Substring) -> String? {
        guard let text = bold(line), text.hasSuffix(":") else { return nil }
        return String(text.dropLast()).lowercased()
    }

    private static func column(of text: String, in line: Substring) -> Int {
        guard let range = line.range(of: text) else { return 1 }
        return line.distance(from: line.startIndex, to: range.lowerBound) + 1
    }

    private static func joined(_ lines: [Substring]?) -> String? {
        guard let lines else { return nil }
        let text = lines.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? nil : text
    }
}

/// The parts of a Wilson Center citation:
/// `"Title", December 8, 1962, Wilson Center Digital Archive, REFERENCE. Translated by NAME.` then `<URL>`.
struct Citation {
    var text: String?
    var url: String?
    var archiveReference: String?
    var translator: String?

    init(lines: [Substring], title: String, dateText: String) {
        var prose: [String] = []
        for raw in lines {
            let line = raw.trimmingWhitespace
            if line.hasPrefix("<http"), line.hasSuffix(">") {
                url = String(line.dropFirst().dropLast())
            } else if line.hasPrefix("http://") || line.hasPrefix("https://") {
                url = line
            } else if !line.isEmpty {
                prose.append(line)
            }
        }
        let text = prose.joined(separator: " ")
        self.text = text.isEmpty ? nil : text
        archiveReference = Self.reference(in: text, title: title, dateText: dateText)
        translator = Self.translator(in: text)
    }

    /// Phrases that start the credit sentences after the archive reference.
    private static let creditOpenings = [
        "Translated", "Obtained", "Contributed", "Edited", "Included in", "Originally published",
        "Also available", "Document obtained", "Provided by", "Transcribed",
    ]

    /// What follows the title and the date, without the archive's own name and the credit sentences.
    static func reference(in citation: String, title: String, dateText: String) -> String? {
        var rest = Substring(citation)
        if let range = rest.range(of: title) {
            rest = rest[range.upperBound...]
            rest = rest.drop { $0 == "\"" || $0 == "”" || $0 == "," || $0 == " " }
        }
        if rest.hasPrefix(dateText) {
            rest = rest.dropFirst(dateText.count)
        } else if let match = DateText.find(in: rest.prefix(40), allowBareYear: true), match.characterOffset < 4 {
            rest = rest.dropFirst(match.characterOffset + match.text.count)
        }
        rest = rest.drop { $0 == "," || $0 == " " }
        for archive in ["Wilson Center Digital Archive", "History and Public Policy Program Digital Archive"] where rest.hasPrefix(archive) {
            rest = rest.dropFirst(archive.count).drop { $0 == "," || $0 == "." || $0 == " " }
        }
        for opening in creditOpenings {
            if let range = rest.range(of: ". " + opening) { rest = rest[..<range.lowerBound] }
        }
        var reference = rest.trimmingWhitespace
        if reference.hasSuffix(".") { reference.removeLast() }
        return reference.isEmpty ? nil : reference
    }

    /// The name after "translated by", up to the end of its sentence (initials such as "J." do not end it).
    static func translator(in citation: String) -> String? {
        guard let range = citation.range(of: "ranslated by ") ?? citation.range(of: "ranslated for CWIHP by ") else { return nil }
        let tail = citation[range.upperBound...]
        var end = tail.endIndex
        var index = tail.startIndex
        while index < tail.endIndex {
            if tail[index] == "." {
                let before = tail[tail.startIndex..<index].split(separator: " ").last ?? ""
                let isInitial = before.count == 1 && (before.first?.isUppercase ?? false)
                if !isInitial {
                    end = index
                    break
                }
            }
            index = tail.index(after: index)
        }
        let name = tail[tail.startIndex..<end].trimmingWhitespace
        return name.isEmpty ? nil : name
    }
}
