/// Reads a FRUS volume in TEI XML: one document per `div[@type='document']`.
///
/// Per document: the id (volume `xml:id` + the div's `xml:id`), its number
/// (`@n`), the title (the `head` without its notes), the dateline (place,
/// date from `date/@when`, else the printed date, else the division's
/// `frus:doc-dateTime-min`, and the printed text), the source note (`note
/// n="0"`) and footnotes kept apart from the body, the persons
/// (`persName/@corresp` and text), and the body paragraphs. A memorandum's
/// subject and participant lists and any `opener` go to the header; `closer`
/// and `signed` to the closing. Page breaks (`pb`) sit mid-sentence and add
/// nothing.
///
/// The XML is parsed as a stream of events, so a volume is never held as a
/// tree. When the XML breaks off (a truncated file, a tag that does not
/// match, bytes that are not UTF-8 such as a character cut by truncation), the
/// documents completed before the break are kept and the break is reported
/// with its line and column (and its byte, when the bytes are not UTF-8).
enum TEIReader {
    static func looksLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "<")
    }

    static func read(_ bytes: [UInt8], file: String, idPrefix: String) -> (documents: [Document], problems: [InputError]) {
        var parser = XMLPullParser(bytes: bytes)
        var state = State(file: file, idPrefix: idPrefix)
        do {
            while let event = try parser.next() {
                state.handle(event, line: parser.line)
            }
        } catch {
            let completed = state.documents.count
            let context = completed == 0 ? "" : completed == 1 ? " (the 1 document before it was read)" : " (the \(completed) documents before it were read)"
            var message = "XML breaks off: \(error.message)"
            if error.isEncodingError {
                message = "XML breaks off at byte \(error.byteOffset): \(error.message)"
                let cutOff = error.byteOffset < bytes.count && bytes.withUnsafeBufferPointer { DocumentReader.isCutOff($0, at: error.byteOffset) }
                if error.message.hasPrefix("invalid UTF-8"), !cutOff {
                    message += "; if the file is Windows-1252 or Latin-1, convert it with: iconv -f WINDOWS-1252 -t UTF-8"
                }
            }
            state.problems.append(InputError(
                file: file, location: .line(error.line, column: error.column), code: error.isEncodingError ? .invalidUTF8 : .malformedXML,
                message: message + context))
            return (state.documents, state.problems)
        }
        if !state.sawTEIRoot {
            state.problems.append(InputError(file: file, location: .line(1, column: 1), code: .notTEI,
                                             message: "XML file is not TEI: its root element is <\(state.rootName ?? "?")>, expected <TEI>"))
        } else if state.documents.isEmpty && state.problems.isEmpty {
            state.problems.append(InputError(file: file, location: .file, code: .noDocuments,
                                             message: "TEI file has no <div type=\"document\">: nothing to read"))
        }
        return (state.documents, state.problems)
    }

    /// What the event stream has built so far.
    private struct State {
        let file: String
        let idPrefix: String
        var documents: [Document] = []
        var problems: [InputError] = []
        var sawTEIRoot = false
        var rootName: String?
        var volumeID: String?
        /// Element names open above the current event.
        var stack: [String] = []
        var current: DocumentBuilder?
        /// The volume's list of persons (`persName/@xml:id` outside the documents, in the front matter), id → name
        /// in reading order; and the entry being read.
        var listedPersons: [String: String] = [:]
        var listedPerson: (id: String, text: String, depth: Int)?

        init(file: String, idPrefix: String) {
            self.file = file
            self.idPrefix = idPrefix
        }

        mutating func handle(_ event: XMLEvent, line: Int) {
            switch event {
            case let .startElement(name, attributes):
                let local = localName(name)
                if stack.isEmpty {
                    rootName = name
                    sawTEIRoot = local == "TEI" || local == "teiCorpus"
                    volumeID = attributes.value(of: "xml:id")
                }
                stack.append(local)
                if current == nil, local == "div", attributes.value(of: "type") == "document" {
                    current = DocumentBuilder(attributes: attributes, depth: stack.count, line: line)
                } else if current == nil, local == "persName", listedPerson == nil, let id = attributes.value(of: "xml:id") {
                    listedPerson = (id, "", stack.count)
                } else {
                    current?.start(local, attributes)
                }
            case let .endElement(name):
                let local = localName(name)
                if let entry = listedPerson, entry.depth == stack.count {
                    let name = TEIReader.readingOrder(entry.text.split(whereSeparator: \.isSpace).joined(separator: " "))
                    if !name.isEmpty, listedPersons[entry.id] == nil { listedPersons[entry.id] = name }
                    listedPerson = nil
                }
                if let builder = current, builder.depth == stack.count, local == "div" {
                    finish(builder)
                    current = nil
                } else {
                    current?.end(local)
                }
                if !stack.isEmpty { stack.removeLast() }
            case let .text(text):
                current?.text(text)
                listedPerson?.text += text
            }
        }

        private mutating func finish(_ builder: DocumentBuilder) {
            let volume = volumeID ?? idPrefix
            let localID = builder.xmlID ?? "n\(builder.number ?? String(documents.count + 1))"
            do {
                documents.append(try builder.document(id: "\(volume)/\(localID)", volume: volumeID, file: file, listedPersons: listedPersons))
            } catch {
                problems.append(error)
            }
        }
    }

    /// "Yeh, George K.C." as "George K.C. Yeh", "Dean, Sir Patrick" as "Sir Patrick Dean", "Smith, John, Jr." as
    /// "John Smith, Jr."; a name without a comma ("Chiang Kai-shek") as it is.
    /// A parenthesis ("Wang Ping-nan (Wang Bingnan)", "Home, Lord (Alexander Frederick Douglas)") is left out.
    static func readingOrder(_ listed: String) -> String {
        var plain = ""
        var depth = 0
        for character in listed {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { plain.append(character) }
        }
        let parts = plain.split(whereSeparator: \.isSpace).joined(separator: " ").replacingOccurrences(of: " ,", with: ",")
            .components(separatedBy: ", ")
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else { return parts.joined(separator: ", ") }
        return ([parts[1] + " " + parts[0]] + parts.dropFirst(2)).joined(separator: ", ")
    }

    private static func localName(_ name: String) -> String {
        String(XMLName.localName(of: name))
    }
}

/// Collects one `div[@type='document']` from its events.
private struct DocumentBuilder {
    let depth: Int
    let line: Int
    let xmlID: String?
    let number: String?
    let catalogueDate: String?

    /// Where text goes now.
    private enum Sink { case none, title, note, dateline, paragraph, header, closing }

    private var title = ""
    private var headSeen = false
    private var inHead = 0
    private var notes: [Note] = []
    private var noteDepth = 0
    private var noteNumber = ""
    private var noteText = ""
    private var dateline = ""
    private var inDateline = 0
    private var place = ""
    private var inPlace = 0
    private var dateWhen: String?
    private var dateText = ""
    private var inDate = 0
    private var paragraphs: [String] = []
    private var header: [String] = []
    private var closing: [String] = []
    private var block = ""
    private var blockSink: Sink = .none
    private var blockDepth = 0
    private var headerListDepth = 0
    private var closingDepth = 0
    private var openerDepth = 0
    private var persons: [PersonMention] = []
    private var person: (reference: String?, text: String, part: PersonMention.Part)?
    private var personDepth = 0

    init(attributes: [XMLAttribute], depth: Int, line: Int) {
        self.depth = depth
        self.line = line
        xmlID = attributes.value(of: "xml:id")
        number = attributes.value(of: "n")
        catalogueDate = attributes.value(of: "frus:doc-dateTime-min")
    }

    /// A `<gap/>` (text the edition leaves out) as the bracket a printed edition shows, so that it is classed and
    /// counted as one (`EditorialSpanFinder`), never as words: a redaction when its `reason` says the text is
    /// withheld ("not declassified", "classified", "redacted"), otherwise an elision.
    static func gapBracket(_ attributes: [XMLAttribute]) -> String {
        let reason = (attributes.value(of: "reason") ?? "").lowercased()
        let withheld = ["classified", "redact", "withheld", "sanitized", "excised"].contains { reason.contains($0) }
        return withheld ? " [not declassified] " : " [...] "
    }

    /// Elements whose text forms a paragraph of its own.
    private static let blocks: Set<String> = ["p", "item", "row", "head", "salute", "signed", "dateline", "ab", "label", "postscript", "quote"]

    mutating func start(_ name: String, _ attributes: [XMLAttribute]) {
        if noteDepth > 0 || name == "note" {
            if name == "note", noteDepth == 0 {
                noteNumber = attributes.value(of: "n") ?? ""
                noteText = ""
            }
            noteDepth += 1
            if name == "persName" { beginPerson(attributes) }
            return
        }
        switch name {
        case "persName":
            beginPerson(attributes)
        case "head" where !headSeen && blockDepth == 0:
            inHead += 1
            return
        case "dateline" where dateline.isEmpty && blockDepth == 0:
            inDateline += 1
            return
        case "placeName" where inDateline > 0:
            // "Hyannis Port, Massachusetts" comes as two placeName elements.
            if inPlace == 0, !place.isEmpty { place += ", " }
            inPlace += 1
        case "date" where inDateline > 0:
            inDate += 1
            dateWhen = dateWhen ?? attributes.value(of: "when") ?? attributes.value(of: "notBefore") ?? attributes.value(of: "from")
        case "list" where ["subject", "participants"].contains(attributes.value(of: "type") ?? ""):
            headerListDepth += 1
        case "opener":
            openerDepth += 1
        case "closer":
            closingDepth += 1
        case "lb", "cell":
            appendText(" ")
        case "gap":
            appendText(Self.gapBracket(attributes))
        case "pb":
            break
        default:
            break
        }
        if inHead > 0 || inDateline > 0 { return }
        if Self.blocks.contains(name) {
            if blockDepth == 0 {
                block = ""
                blockSink = headerListDepth > 0 || openerDepth > 0 ? .header : closingDepth > 0 ? .closing : .paragraph
            } else {
                appendText(" ")
            }
            blockDepth += 1
        }
    }

    mutating func end(_ name: String) {
        if noteDepth > 0 {
            if name == "persName" { endPerson() }
            noteDepth -= 1
            if noteDepth == 0 {
                let text = collapse(noteText)
                if !text.isEmpty { notes.append(Note(number: noteNumber, text: text)) }
            }
            return
        }
        switch name {
        case "persName": endPerson()
        case "head" where inHead > 0:
            inHead -= 1
            if inHead == 0 { headSeen = true }
            return
        case "dateline" where inDateline > 0:
            inDateline -= 1
            return
        case "placeName" where inPlace > 0: inPlace -= 1
        case "date" where inDate > 0: inDate -= 1
        case "list" where headerListDepth > 0 && blockDepth == 0: headerListDepth -= 1
        case "opener" where openerDepth > 0: openerDepth -= 1
        case "closer" where closingDepth > 0: closingDepth -= 1
        default: break
        }
        if inHead > 0 || inDateline > 0 { return }
        if Self.blocks.contains(name), blockDepth > 0 {
            blockDepth -= 1
            if blockDepth == 0 { flushBlock() }
        }
    }

    mutating func text(_ text: String) {
        if noteDepth > 0 {
            noteText += text
            if person != nil { person?.text += text }
            return
        }
        if person != nil { person?.text += text }
        if inHead > 0 {
            title += text
        } else if inDateline > 0 {
            dateline += text
            if inPlace > 0 { place += text }
            if inDate > 0 { dateText += text }
        } else if blockDepth > 0 {
            block += text
        } else if text.contains(where: { !$0.isSpace }) {
            // Text straight inside the division: keep it as its own paragraph.
            paragraphs.append(collapse(text))
        }
    }

    private mutating func appendText(_ text: String) {
        if noteDepth > 0 { noteText += text } else if inHead > 0 { title += text } else if blockDepth > 0 { block += text }
    }

    private mutating func beginPerson(_ attributes: [XMLAttribute]) {
        personDepth += 1
        guard personDepth == 1 else { return }
        let part: PersonMention.Part = noteDepth > 0 ? .note : inHead > 0 ? .title : inDateline > 0 || headerListDepth > 0 || openerDepth > 0
            ? .header : closingDepth > 0 ? .closing : .body
        person = (attributes.value(of: "corresp"), "", part)
    }

    private mutating func endPerson() {
        guard personDepth > 0 else { return }
        personDepth -= 1
        if personDepth == 0, let found = person {
            let name = collapse(found.text)
            if !name.isEmpty { persons.append(PersonMention(reference: found.reference, name: name, part: found.part)) }
            person = nil
        }
    }

    private mutating func flushBlock() {
        let text = collapse(block)
        block = ""
        guard !text.isEmpty else { return }
        switch blockSink {
        case .header: header.append(text)
        case .closing: closing.append(text)
        default: paragraphs.append(text)
        }
    }

    private func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isSpace).joined(separator: " ")
    }

    /// The document; `listedPersons` (the volume's list of persons, id → name) gives each tagged person its listed name.
    func document(id: String, volume: String?, file: String, listedPersons: [String: String] = [:]) throws(InputError) -> Document {
        var metadata = DocumentMetadata()
        metadata.number = number
        metadata.collection = volume
        let printedDateline = collapse(dateline)
        metadata.dateline = printedDateline.isEmpty ? nil : printedDateline
        let placeName = collapse(place)
        metadata.place = placeName.isEmpty ? nil : placeName
        metadata.sourceNote = notes.first { $0.number == "0" }?.text
        if let volume, let xmlID {
            metadata.sourceURL = "https://history.state.gov/historicaldocuments/\(volume)/\(xmlID)"
        }
        let date = try resolveDate(file: file)
        return Document(
            id: id, file: file, format: .teiXML, title: collapse(title), date: date, metadata: metadata,
            header: header, body: paragraphs.joined(separator: "\n\n"), closing: closing,
            notes: notes.filter { $0.number != "0" }, persons: persons.map { person in
                var person = person
                if let reference = person.reference { person.listedName = listedPersons[String(reference.drop { $0 == "#" })] }
                return person
            }
        )
    }

    /// `date/@when` first, then the printed dateline date, then the catalogue's `frus:doc-dateTime-min`.
    private func resolveDate(file: String) throws(InputError) -> DocumentDate? {
        let printed = collapse(dateText)
        if let when = dateWhen {
            let day = String(when.prefix(10))
            if let value = HistoricalDate(iso: day) ?? HistoricalDate(iso: when.prefix(7)) ?? HistoricalDate(iso: when.prefix(4)) {
                return DocumentDate(value: value, text: printed.isEmpty ? when : printed, provenance: .metadata)
            }
            throw InputError(file: file, location: .line(line, column: nil), code: .impossibleDate,
                             message: "document \(xmlID ?? "?"): date/@when \"\(when)\" is not a date that exists")
        }
        if let match = DateText.find(in: collapse(dateline)) {
            switch match.result {
            case let .success(value): return DocumentDate(value: value, text: match.text, provenance: .dateline)
            case let .failure(error):
                throw InputError(file: file, location: .line(line, column: nil), code: .impossibleDate,
                                 message: "document \(xmlID ?? "?"): date \"\(match.text)\" does not exist: \(error)")
            }
        }
        if let catalogue = catalogueDate, let value = HistoricalDate(iso: catalogue.prefix(10)) {
            return DocumentDate(value: value, text: catalogue, provenance: .catalogue)
        }
        return nil
    }
}
