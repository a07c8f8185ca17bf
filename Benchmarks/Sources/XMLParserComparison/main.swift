import CLibXML2
import ChanceryCorpus
import Foundation

// Chancery's XMLPullParser side by side with libxml2's streaming reader (xmlTextReader), on the same bytes in
// memory, for Documentation/XMLParser.md.
//
//   swift run -c release XMLParserComparison speed [--runs N] [--copies K] FILE
//   swift run -c release XMLParserComparison hostile FILE...   (two generated cases are added)
//
// speed: parses FILE (and, with --copies K, one document holding the root element's content K times) with
// each parser, best of N runs (default 7), and prints MB/s and the ratio. Both parsers walk every event:
// element names, attribute names and values, text. "libxml2 (pointers)" only touches libxml2's C strings;
// "libxml2 + Strings" also makes a Swift String of each, as XMLPullParser's events carry, which is what a
// TEI reader built on libxml2 would pay. The tallies (elements, attributes, text bytes) are printed for both
// so a reader can see they did the same work.
//
// hostile: reads each file with XMLPullParser (XMLLimits defaults) and with libxml2 under the options
// Chancery would use, XML_PARSE_NONET and no XML_PARSE_DTDLOAD / XML_PARSE_NOENT; then, for contrast
// only, with XML_PARSE_NOENT (entities substituted) and with XML_PARSE_NOENT | XML_PARSE_DTDLOAD. For each: the outcome (end of document, or the first
// error with its line and column), the events and text bytes returned before it, and the external
// resources libxml2 asked its entity loader for (the loader is wrapped to record each request and then
// does what it would have done).

// MARK: - Input

/// The document with its root element's content repeated `copies` times: a bigger well-formed input made
/// of real text (prolog and root start tag once, then the content, then the root end tag).
func replicatingRootContent(_ bytes: [UInt8], copies: Int) -> [UInt8] {
    guard copies > 1 else { return bytes }
    var i = 0
    // Skip the prolog: the XML declaration, comments, processing instructions and a DOCTYPE without a subset.
    while i + 1 < bytes.count {
        if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "!") { break }
        i += 1
        if bytes[i - 1] == UInt8(ascii: "<") {
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        }
    }
    // The end of the root start tag (attribute values in quotes may hold '>').
    var quote: UInt8? = nil
    while i < bytes.count {
        let b = bytes[i]
        if let q = quote {
            if b == q { quote = nil }
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            quote = b
        } else if b == UInt8(ascii: ">") {
            break
        }
        i += 1
    }
    let contentStart = i + 1
    guard let contentEnd = (0..<bytes.count).last(where: { bytes[$0] == UInt8(ascii: "<") && bytes[$0 + 1] == UInt8(ascii: "/") }),
          contentEnd > contentStart else {
        fatalError("cannot find the root element's content")
    }
    var out = Array(bytes[..<contentStart])
    out.reserveCapacity(contentStart + (contentEnd - contentStart) * copies + (bytes.count - contentEnd))
    // Each copy after the first gets its own xml:id values ("c2-d1"): libxml2 checks that they are unique.
    let content = Array(bytes[contentStart..<contentEnd])
    let idAttribute = Array("xml:id=\"".utf8)
    out.append(contentsOf: content)
    for copy in 2...copies {
        let mark = Array("c\(copy)-".utf8)
        var k = 0
        while k < content.count {
            out.append(content[k])
            k += 1
            if content[k - 1] == UInt8(ascii: "\""), k >= idAttribute.count, content[(k - idAttribute.count)..<k].elementsEqual(idAttribute) {
                out.append(contentsOf: mark)
            }
        }
    }
    out.append(contentsOf: bytes[contentEnd...])
    return out
}

// MARK: - Walks

/// What a walk saw: equal tallies mean the two parsers returned the same elements, attributes and text.
struct Tally: Equatable, CustomStringConvertible {
    var elements = 0
    var attributes = 0
    var attributeBytes = 0
    var textBytes = 0
    var description: String {
        "\(elements) elements, \(attributes) attributes (\(attributeBytes) bytes), \(textBytes) text bytes"
    }
}

func walkChancery(_ bytes: [UInt8]) -> Tally {
    var parser = XMLPullParser(bytes: bytes)
    var tally = Tally()
    do {
        while let event = try parser.next() {
            switch event {
            case .startElement(_, let attributes):
                tally.elements += 1
                tally.attributes += attributes.count
                for attribute in attributes { tally.attributeBytes += attribute.value.utf8.count }
            case .endElement:
                break
            case .text(let text):
                tally.textBytes += text.utf8.count
            }
        }
    } catch {
        fatalError("XMLPullParser: \(error)")
    }
    return tally
}

let safeOptions = Int32(XML_PARSE_NONET.rawValue)
let entityOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue)
let unsafeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_DTDLOAD.rawValue)

/// libxml2 reader node types (xmlReaderTypes).
enum ReaderNode {
    static let element: Int32 = 1, text: Int32 = 3, cdata: Int32 = 4, entityReference: Int32 = 5
    static let whitespace: Int32 = 13, significantWhitespace: Int32 = 14, endElement: Int32 = 15
}

func walkLibXML2(_ bytes: [UInt8], makingStrings: Bool) -> Tally {
    var tally = Tally()
    bytes.withUnsafeBytes { raw in
        let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(base, Int32(raw.count), "input.xml", nil, safeOptions) else {
            fatalError("xmlReaderForMemory failed")
        }
        defer { xmlFreeTextReader(reader) }
        var sink = 0
        func length(_ p: UnsafePointer<xmlChar>?) -> Int {
            guard let p else { return 0 }
            if makingStrings { return String(cString: p).utf8.count }
            return strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 { fatalError("libxml2 reader error") }
            switch xmlTextReaderNodeType(reader) {
            case ReaderNode.element:
                tally.elements += 1
                sink &+= length(xmlTextReaderConstName(reader))
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    tally.attributes += 1
                    sink &+= length(xmlTextReaderConstName(reader))
                    tally.attributeBytes += length(xmlTextReaderConstValue(reader))
                }
                xmlTextReaderMoveToElement(reader)
            case ReaderNode.endElement:
                sink &+= length(xmlTextReaderConstName(reader))
            case ReaderNode.text, ReaderNode.cdata, ReaderNode.whitespace, ReaderNode.significantWhitespace:
                tally.textBytes += length(xmlTextReaderConstValue(reader))
            default:
                break
            }
        }
        if sink == -1 { print("") }
    }
    return tally
}

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// MARK: - Speed

func speed(file: String, runs: Int, copies: Int) throws {
    let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    var inputs = [("volume", original)]
    if copies > 1 { inputs.append(("volume x\(copies)", replicatingRootContent(original, copies: copies))) }
    for (label, bytes) in inputs {
        let megabytes = Double(bytes.count) / 1_048_576
        print(String(format: "== %@: %.2f MB, best of %d runs", label, megabytes, runs))
        var tallies: [String: Tally] = [:]
        var best: [String: Double] = [:]
        let walks: [(String, () -> Tally)] = [
            ("Chancery XMLPullParser", { walkChancery(bytes) }),
            ("libxml2 (pointers)", { walkLibXML2(bytes, makingStrings: false) }),
            ("libxml2 + Strings", { walkLibXML2(bytes, makingStrings: true) }),
            ("Chancery TEIReader (whole read)", {
                let result = DocumentReader.read(bytes: bytes, name: "volume.xml")
                return Tally(elements: result.documents.count)
            }),
        ]
        // Interleaved runs, so a burst of load on the shared machine falls on all parsers alike.
        for _ in 0..<runs {
            for (name, walk) in walks {
                var tally = Tally()
                let time = seconds { tally = walk() }
                tallies[name] = tally
                best[name] = min(best[name] ?? .infinity, time)
            }
        }
        let reference = best["libxml2 + Strings"]!
        for (name, _) in walks {
            let time = best[name]!
            print("  " + name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: " %8.4f s  %7.1f MB/s  %5.2fx libxml2+Strings   %@",
                         time, megabytes / time, time / reference,
                         name.hasPrefix("Chancery TEIReader") ? "\(tallies[name]!.elements) documents" : tallies[name]!.description))
        }
        let same = tallies["Chancery XMLPullParser"] == tallies["libxml2 + Strings"]
        print("  tallies of XMLPullParser and libxml2 \(same ? "agree" : "DIFFER")")
        print(String(format: "  XMLPullParser time / libxml2 time: %.2f (pointers), %.2f (+ Strings)",
                     best["Chancery XMLPullParser"]! / best["libxml2 (pointers)"]!,
                     best["Chancery XMLPullParser"]! / reference))
    }
}

// MARK: - Hostile input

nonisolated(unsafe) var libxml2Errors: [String] = []
nonisolated(unsafe) var entityRequests: [String] = []
nonisolated(unsafe) var defaultEntityLoader: xmlExternalEntityLoader?

/// Records what libxml2 asks for, then does what its own loader would have done.
nonisolated(unsafe) let recordingEntityLoader: xmlExternalEntityLoader = { url, id, context in
    entityRequests.append(url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "?")
    return defaultEntityLoader?(url, id, context)
}

nonisolated(unsafe) let collectError: xmlStructuredErrorFunc = { _, error in
    guard let error else { return }
    let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
    libxml2Errors.append("\(error.pointee.line):\(error.pointee.int2): \(message)")
}

func shortened(_ text: String, _ limit: Int = 150) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "…"
}

func hostile(files: [String]) throws {
    defaultEntityLoader = xmlGetExternalEntityLoader()
    xmlSetExternalEntityLoader(recordingEntityLoader)
    var inputs: [(name: String, bytes: [UInt8])] = []
    for file in files {
        inputs.append((URL(fileURLWithPath: file).lastPathComponent, [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))))
    }
    // Two made here: an internal entity as a TEI file might use one, and a "quadratic blowup" (one 100 KB
    // entity referenced 10,000 times: 1 GB of text, no nesting for a loop detector to see).
    inputs.append(("generated internal-entity", Array("""
        <?xml version="1.0"?>
        <!DOCTYPE TEI [<!ENTITY dos "Department of State">]>
        <TEI><p>Source: &dos;, Central Files.</p></TEI>
        """.utf8)))
    inputs.append(("generated quadratic-blowup", Array("""
        <?xml version="1.0"?>
        <!DOCTYPE TEI [<!ENTITY big "\(String(repeating: "x", count: 100_000))">]>
        <TEI><p>\(String(repeating: "&big;", count: 10_000))</p></TEI>
        """.utf8)))
    for (name, bytes) in inputs {
        let file = name
        print("== \(name) (\(bytes.count) bytes)")

        var parser = XMLPullParser(bytes: bytes)
        var events = 0
        var textBytes = 0
        var outcome = "end of document"
        do {
            while let event = try parser.next() {
                events += 1
                if case .text(let text) = event { textBytes += text.utf8.count }
            }
        } catch {
            outcome = "error at \(error.line):\(error.column) (byte \(error.byteOffset)): \(error.message)"
        }
        print("  Chancery XMLPullParser: \(events) events, \(textBytes) text bytes; \(shortened(outcome)); opens nothing (Sources/ChanceryCorpus/XML has no file or network code)")

        for (label, options) in [("libxml2 NONET (safe)", safeOptions), ("libxml2 NONET|NOENT (contrast)", entityOptions),
                             ("libxml2 NONET|NOENT|DTDLOAD (contrast)", unsafeOptions)] {
            libxml2Errors = []
            entityRequests = []
            var events = 0
            var textBytes = 0
            var entityReferences = 0
            var leaked = false
            var status: Int32 = 0
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                guard let reader = xmlReaderForMemory(base, Int32(raw.count), file, nil, options) else {
                    libxml2Errors.append("xmlReaderForMemory failed")
                    return
                }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, collectError, nil)
                while true {
                    status = xmlTextReaderRead(reader)
                    if status != 1 { break }
                    events += 1
                    switch xmlTextReaderNodeType(reader) {
                    case ReaderNode.text, ReaderNode.cdata, ReaderNode.whitespace, ReaderNode.significantWhitespace:
                        if let value = xmlTextReaderConstValue(reader) {
                            let text = String(cString: value)
                            textBytes += text.utf8.count
                            if text.contains("root:") { leaked = true }
                        }
                    case ReaderNode.entityReference:
                        entityReferences += 1
                    default:
                        break
                    }
                }
            }
            let result = status == 0 && libxml2Errors.isEmpty ? "end of document"
                : "errors " + (libxml2Errors.isEmpty ? "(status \(status), no message)" : libxml2Errors.prefix(3).map { shortened($0, 90) }.joined(separator: " | "))
                + (libxml2Errors.count > 3 ? " (+\(libxml2Errors.count - 3) more)" : "")
            let requests = entityRequests.isEmpty ? "none" : entityRequests.joined(separator: ", ")
            print("  \(label): \(events) nodes, \(textBytes) text bytes, \(entityReferences) unexpanded entity references; \(result); external resources requested: \(requests)\(leaked ? "; /etc/passwd TEXT IN OUTPUT" : "")")
        }
    }
}

// MARK: - Main

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    arguments.removeSubrange(index...(index + 1))
    return number
}
xmlInitParser()
let runs = option("--runs", default: 7)
let copies = option("--copies", default: 1)
switch arguments.first {
case "speed" where arguments.count == 2:
    try speed(file: arguments[1], runs: runs, copies: copies)
case "hostile" where arguments.count >= 2:
    try hostile(files: Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: XMLParserComparison speed [--runs N] [--copies K] FILE | hostile FILE...\n".utf8))
    exit(2)
}
