/// Reads plain text: a title on the first non-empty line, an optional dateline, then the body.
///
/// The dateline is looked for in the three non-empty lines after the title;
/// it is a short line (at most 120 characters) holding a written date with at
/// most six words before it, the place ("Washington, January 11, 1958, 12:48
/// p.m."). Without one, the document has no date: none is guessed from the body.
enum PlainTextReader {
    static func read<Lines: RandomAccessCollection<Substring>>(_ lines: Lines, file: String, id: String, warnings: inout [InputError]) throws(InputError)
        -> Document where Lines.Index == Int {
        guard let titleIndex = lines.firstIndex(where: { !$0.trimmingWhitespace.isEmpty }) else {
            throw InputError(file: file, location: .file, code: .empty, message: "the file holds only whitespace")
        }
        let title = String(lines[titleIndex].trimmingWhitespace.drop { $0 == "#" }).trimmingWhitespace

        var metadata = DocumentMetadata()
        var date: DocumentDate?
        var bodyStart = titleIndex + 1
        var candidates = 0
        var index = titleIndex + 1
        while index < lines.count, candidates < 3 {
            let line = lines[index].trimmingWhitespace
            index += 1
            if line.isEmpty { continue }
            candidates += 1
            guard line.count <= 120 else { continue }
            guard let match = DateText.find(in: line) else {
                if let unusable = DateText.findUnusableYear(in: line) {
                    let column = unusable.characterOffset + 1 + leadingSpaces(lines[index - 1])
                    warnings.append(InputError(file: file, location: .line(index, column: column), code: .unusableDate,
                                               message: "the dateline's date \"\(unusable.text)\" has a year outside 1000–2999; the document is read undated",
                                               severity: .warning))
                }
                continue
            }
            let place = String(line.prefix(match.characterOffset)).trimmingWhitespace
                .trimming([",", " "])
            guard place.split(separator: " ").count <= 6 else { continue }
            switch match.result {
            case let .success(value):
                date = DocumentDate(value: value, text: match.text, provenance: .dateline)
            case let .failure(error):
                throw InputError(file: file, location: .line(index, column: match.characterOffset + 1 + leadingSpaces(lines[index - 1])),
                                 code: .impossibleDate, message: "date \"\(match.text)\" does not exist: \(error)")
            }
            metadata.dateline = line
            metadata.place = place.isEmpty ? nil : place
            bodyStart = index
            break
        }

        let layout = BodyLayout.layout(of: lines[min(bodyStart, lines.count)...], firstLine: bodyStart + 1) ?? (header: [], body: "", closing: [])
        return Document(
            id: id, file: file, format: .plainText, title: title, date: date, metadata: metadata,
            header: layout.header, body: layout.body, closing: layout.closing
        )
    }

    private static func leadingSpaces(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }
}

extension String {
    /// The string without the given characters at either end.
    func trimming(_ set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
