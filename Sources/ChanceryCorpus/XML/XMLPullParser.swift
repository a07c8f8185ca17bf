import Foundation

// A small, non-validating XML pull parser over UTF-8 bytes.
//
// FoundationXML's XMLParser on Linux drops internal entity text and CDATA and
// traps on invalid UTF-8, so Chancery reads XML with this parser instead. All
// input is treated as untrusted: nothing is ever fetched or opened (external
// DTDs and external entities are skipped or rejected), entity expansion is
// budgeted, nesting is bounded, and the parser is iterative so deep input
// cannot overflow the stack.
//
// This file holds the parser's state, the driver and the element and
// character-data scanning; the other facets are extensions beside it:
// XMLPullParser+Encoding.swift (BOM, declared encoding, UTF-8 validation),
// +Entities (references and budgeted expansion), +Doctype (the DOCTYPE and its
// entity declarations), +Position (line and column, errors) and +Scanning
// (names, literals, byte classes). The public values are in XMLEvent.swift and
// XMLParseError.swift. State and helpers the facets share are internal, not
// private, because Swift's private does not reach across files; only the
// XML/ files use them.

/// Resource bounds that keep hostile documents from exhausting memory or time.
public struct XMLLimits: Sendable, Equatable {
    /// Deepest element nesting accepted.
    public var maxDepth = 512
    /// Total bytes of entity replacement text the parser will expand in one document.
    public var maxEntityExpansionBytes = 1_000_000
    /// Most entity declarations accepted in the DOCTYPE internal subset.
    public var maxInternalEntities = 1000

    /// Creates limits; the defaults suit whole FRUS volumes.
    public init(maxDepth: Int = 512, maxEntityExpansionBytes: Int = 1_000_000, maxInternalEntities: Int = 1000) {
        self.maxDepth = maxDepth
        self.maxEntityExpansionBytes = maxEntityExpansionBytes
        self.maxInternalEntities = maxInternalEntities
    }
}

// MARK: - Parser

/// A non-validating pull parser that turns UTF-8 XML bytes into `XMLEvent`s.
///
/// Call `next()` until it returns `nil` (a well-formed end) or throws. After an
/// error every further call throws the same error.
///
/// Bytes that are not UTF-8 (a file cut inside a character, a Latin-1 byte) end
/// the readable document: the events before them are returned as usual, and
/// the parser throws the encoding error (`isEncodingError`) where it needs the
/// first such byte, unless the markup before it is already broken. So a
/// volume cut anywhere keeps the documents completed before the cut.
public struct XMLPullParser: Sendable {
    /// 1-based line where the most recently returned event starts.
    public private(set) var line = 1
    /// 1-based column (in Unicode scalars) where the most recently returned event starts.
    public private(set) var column = 1

    private let input: [UInt8]
    let limits: XMLLimits
    /// Where the readable input ends: the first byte that is not UTF-8 XML text, else the input's end.
    var readable: Int
    /// The error at `readable` when the input goes on past it with bytes that are not UTF-8 XML text.
    var encodingError: XMLParseError?
    var pos = 0
    var phase = Phase.notStarted
    private var open: [OpenElement] = []
    private var pendingEnd: String?
    private var rootName = ""
    var sawDoctype = false
    var entities: [String: Entity] = [:]
    var entityDeclarations = 0
    var expandedBytes = 0
    /// Steps taken expanding entities so far: one per entity entered and one per byte of replacement text read.
    ///
    /// The work the expansion budget bounds, counted so tests can check the bound
    /// without timing it (Tests/ChanceryCorpusTests/XMLPullParserTests.swift).
    var entityExpansionSteps = 0
    /// Reused across events so decoding text does not allocate each time.
    var scratch: [UInt8] = []
    /// Where counting lines starts (after a BOM).
    var origin = Cursor()
    /// Line/column bookkeeping advances lazily from one event start to the next.
    var cursor = Cursor()
    private var failure: XMLParseError?

    /// Creates a parser over UTF-8 bytes; nothing is read until `next()`.
    public init(bytes: [UInt8], limits: XMLLimits = .init()) {
        self.input = bytes
        self.limits = limits
        self.readable = bytes.count
    }

    /// Creates a parser over UTF-8 data.
    public init(data: Data, limits: XMLLimits = .init()) {
        self.init(bytes: [UInt8](data), limits: limits)
    }

    /// Creates a parser over the UTF-8 form of a string.
    public init(string: String, limits: XMLLimits = .init()) {
        self.init(bytes: Array(string.utf8), limits: limits)
    }

    /// Returns the next event, or `nil` at the well-formed end of the document.
    public mutating func next() throws(XMLParseError) -> XMLEvent? {
        if let failure { throw failure }
        // A local reference lets the closure borrow the bytes while `self` is mutated.
        let bytes = input
        do throws(XMLParseError) {
            return try bytes.withUnsafeBufferPointer { (whole) throws(XMLParseError) -> XMLEvent? in
                if phase == .notStarted { try begin(whole) }
                // The parser sees only the readable bytes; running out of them is the encoding error (endOfInput).
                return try step(UnsafeBufferPointer(rebasing: whole[..<readable]))
            }
        } catch {
            failure = error
            throw error
        }
    }

    // MARK: State

    enum Phase: Sendable {
        case notStarted, prolog, content, epilog, finished
    }

    private struct OpenElement: Sendable {
        var name: String
        var nameStart: Int
        var nameEnd: Int
        var line: Int
    }

    enum Entity: Sendable {
        case `internal`([UInt8])
        case external
    }

    struct Cursor: Sendable {
        var offset = 0
        var line = 1
        var column = 1
        var afterCR = false
    }

    // MARK: Driver

    private mutating func step(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            if open.isEmpty { phase = .epilog }
            return .endElement(name: name)
        }
        let n = buf.count
        while true {
            switch phase {
            case .notStarted, .finished:
                return nil
            case .content:
                guard pos < n else {
                    let innermost = open.last
                    let what = innermost.map { "<\($0.name)> opened at line \($0.line) is not closed" } ?? "the document is not complete"
                    throw endOfInput("unexpected end of file: \(what)", at: n, buf)
                }
                if buf[pos] == .lt {
                    guard pos + 1 < n else { throw endOfInput("unexpected end of file after '<'", at: pos, buf) }
                    let next = buf[pos + 1]
                    if next == .slash { return try readEndTag(buf) }
                    if next != .bang && next != .question { return try readStartTag(buf) }
                }
                let start = pos
                try readText(buf)
                if !scratch.isEmpty {
                    markEvent(at: start, buf)
                    return .text(String(decoding: scratch, as: UTF8.self))
                }
            case .prolog, .epilog:
                skipWhitespace(buf)
                guard pos < n else {
                    if phase == .prolog { throw endOfInput("the document has no root element", at: n, buf) }
                    // Bytes that are not UTF-8 after the root element are an error too, though they cost nothing.
                    if let encodingError { throw encodingError }
                    phase = .finished
                    return nil
                }
                guard buf[pos] == .lt else {
                    let place = phase == .prolog ? "before the root element" : "after the root element <\(rootName)> closed"
                    throw parseError("text is not allowed \(place)", at: pos, buf)
                }
                guard pos + 1 < n else { throw endOfInput("unexpected end of file after '<'", at: pos, buf) }
                switch buf[pos + 1] {
                case .question:
                    try skipProcessingInstruction(buf)
                case .bang:
                    if hasPrefix(buf, pos, "<!--") {
                        try skipComment(buf)
                    } else if hasPrefix(buf, pos, "<!DOCTYPE") {
                        guard phase == .prolog, !sawDoctype else {
                            throw parseError("a DOCTYPE declaration is only allowed once, before the root element", at: pos, buf)
                        }
                        try readDoctype(buf)
                    } else if hasPrefix(buf, pos, "<![CDATA[") {
                        throw parseError("CDATA sections are only allowed inside the root element", at: pos, buf)
                    } else {
                        throw markupError("unexpected markup '<!'", at: pos, buf)
                    }
                case .slash:
                    throw parseError("end tag \(quotedTag(buf, from: pos + 2, prefix: "</")) has no matching start tag", at: pos, buf)
                default:
                    if phase == .epilog {
                        throw parseError("a document has a single root element, but another element starts after <\(rootName)> closed", at: pos, buf)
                    }
                    return try readStartTag(buf)
                }
            }
        }
    }

    // MARK: Tags

    private mutating func readStartTag(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) -> XMLEvent {
        let n = buf.count
        let tagStart = pos
        pos += 1
        guard let (nameStart, nameEnd) = readName(buf) else {
            throw parseError("'<' must start a tag (write &lt; for a literal '<')", at: tagStart, buf)
        }
        let name = Self.string(buf, nameStart, nameEnd)
        if open.count >= limits.maxDepth {
            throw parseError("element <\(name)> is nested deeper than \(limits.maxDepth) levels (XMLLimits.maxDepth)", at: tagStart, buf)
        }
        var attributes: [XMLAttribute] = []
        var seenNames: Set<String> = []
        let isEmpty: Bool
        while true {
            let hadSpace = skipWhitespace(buf)
            guard pos < n else {
                throw endOfInput("unexpected end of file inside the start tag <\(name)>", at: n, buf)
            }
            let b = buf[pos]
            if b == .gt {
                pos += 1
                isEmpty = false
                break
            }
            if b == .slash {
                guard pos + 1 < n, buf[pos + 1] == .gt else {
                    throw parseError("expected '>' after '/' in the start tag <\(name)>", at: pos, buf)
                }
                pos += 2
                isEmpty = true
                break
            }
            let attributeStart = pos
            guard let (attrStart, attrEnd) = readName(buf) else {
                throw parseError("unexpected character \(Self.describe(buf, at: pos)) in the start tag <\(name)>", at: pos, buf)
            }
            let attrName = Self.string(buf, attrStart, attrEnd)
            guard hadSpace else {
                throw parseError("attribute \(attrName) in <\(name)> must be separated from what precedes it by whitespace", at: attributeStart, buf)
            }
            skipWhitespace(buf)
            guard pos < n, buf[pos] == .equals else {
                throw parseError("attribute \(attrName) in <\(name)> has no value (expected '=')", at: min(pos, n), buf, cutShort: pos >= n)
            }
            pos += 1
            skipWhitespace(buf)
            guard pos < n, buf[pos] == .quote || buf[pos] == .apostrophe else {
                throw parseError("the value of attribute \(attrName) in <\(name)> must be in quotes", at: min(pos, n), buf, cutShort: pos >= n)
            }
            let value = try readAttributeValue(buf, attributeName: attrName, elementName: name)
            // A linear scan is fastest for the usual handful; the set keeps huge tags linear.
            let duplicate: Bool
            if attributes.count < 8 {
                duplicate = attributes.contains { $0.name == attrName }
            } else {
                if seenNames.isEmpty { seenNames = Set(attributes.map(\.name)) }
                duplicate = !seenNames.insert(attrName).inserted
            }
            if duplicate {
                throw parseError("duplicate attribute \(attrName) in <\(name)>", at: attributeStart, buf)
            }
            attributes.append(XMLAttribute(name: attrName, value: value))
        }
        markEvent(at: tagStart, buf)
        if phase == .prolog {
            phase = .content
            rootName = name
        }
        if isEmpty {
            pendingEnd = name
        } else {
            open.append(OpenElement(name: name, nameStart: nameStart, nameEnd: nameEnd, line: line))
        }
        return .startElement(name: name, attributes: attributes)
    }

    private mutating func readEndTag(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) -> XMLEvent {
        let n = buf.count
        let tagStart = pos
        pos += 2
        guard let (nameStart, nameEnd) = readName(buf) else {
            throw parseError("expected an element name after '</'", at: pos, buf, cutShort: pos >= n)
        }
        skipWhitespace(buf)
        guard pos < n else {
            throw endOfInput("unexpected end of file inside the end tag </\(Self.string(buf, nameStart, nameEnd))>", at: n, buf)
        }
        guard buf[pos] == .gt else {
            throw parseError("expected '>' to finish the end tag </\(Self.string(buf, nameStart, nameEnd))>", at: pos, buf)
        }
        pos += 1
        guard let top = open.last else {
            throw parseError("end tag </\(Self.string(buf, nameStart, nameEnd))> has no matching start tag", at: tagStart, buf)
        }
        guard Self.bytesEqual(buf, nameStart, nameEnd, top.nameStart, top.nameEnd) else {
            throw parseError("end tag </\(Self.string(buf, nameStart, nameEnd))> does not match <\(top.name)> opened at line \(top.line)", at: tagStart, buf)
        }
        open.removeLast()
        markEvent(at: tagStart, buf)
        if open.isEmpty { phase = .epilog }
        return .endElement(name: top.name)
    }

    /// Reads a quoted attribute value at `pos`, decoding references and normalizing whitespace.
    private mutating func readAttributeValue(_ buf: UnsafeBufferPointer<UInt8>, attributeName: String, elementName: String) throws(XMLParseError) -> String {
        let n = buf.count
        let quote = buf[pos]
        let valueStart = pos
        pos += 1
        // Most values need no decoding: slice them straight out of the input.
        var i = pos
        while i < n {
            let b = buf[i]
            if b == quote || b == .amp || b == .lt || b < 0x20 { break }
            i += 1
        }
        if i < n, buf[i] == quote {
            let value = Self.string(buf, pos, i)
            pos = i + 1
            return value
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<i]))
        pos = i
        while true {
            // A run up to the closing quote, '<' or '&': a line end (CRLF is one) is one space, as are tab and LF.
            i = pos
            while i < n, buf[i] != quote, buf[i] != .lt, buf[i] != .amp { i += 1 }
            let runStart = scratch.count
            TextNormalizer.appendUnifyingLineEnds(UnsafeBufferPointer(rebasing: buf[pos..<i]), to: &scratch, lineEnd: .space)
            for k in runStart..<scratch.count where scratch[k] == .tab || scratch[k] == .lf {
                scratch[k] = .space
            }
            pos = i
            guard pos < n else {
                throw endOfInput("unexpected end of file in the value of attribute \(attributeName) in <\(elementName)> (its quote opened at line \(position(of: valueStart, buf).line))", at: n, buf)
            }
            switch buf[pos] {
            case quote:
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            case .lt:
                throw parseError("'<' is not allowed in the value of attribute \(attributeName) in <\(elementName)> (write &lt;)", at: pos, buf)
            default:  // '&'
                try readReference(buf, inAttribute: true)
            }
        }
    }

    // MARK: Character data

    /// Collects character data, references, CDATA, comments and PIs up to the next tag.
    private mutating func readText(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        scratch.removeAll(keepingCapacity: true)
        let n = buf.count
        while pos < n {
            var i = pos
            while i < n {
                let b = buf[i]
                if b == .lt || b == .amp { break }
                i += 1
            }
            if i > pos {
                // The run ends at '<', '&' or the end, so no CRLF is split.
                TextNormalizer.appendUnifyingLineEnds(UnsafeBufferPointer(rebasing: buf[pos..<i]), to: &scratch)
                pos = i
            }
            guard pos < n else { return }
            switch buf[pos] {
            case .amp:
                try readReference(buf, inAttribute: false)
            default:
                guard pos + 1 < n else { return }
                let next = buf[pos + 1]
                if next == .question {
                    try skipProcessingInstruction(buf)
                } else if next != .bang {
                    return
                } else if hasPrefix(buf, pos, "<!--") {
                    try skipComment(buf)
                } else if hasPrefix(buf, pos, "<![CDATA[") {
                    try readCDATA(buf)
                } else if hasPrefix(buf, pos, "<!DOCTYPE") {
                    throw parseError("a DOCTYPE declaration is only allowed before the root element", at: pos, buf)
                } else {
                    throw markupError("unexpected markup '<!' (expected a comment or CDATA section)", at: pos, buf)
                }
            }
        }
    }

    private mutating func readCDATA(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let start = pos
        let contentStart = pos + 9
        guard let end = find(buf, from: contentStart, "]]>") else {
            throw endOfInput("unterminated CDATA section", at: start, buf)
        }
        TextNormalizer.appendUnifyingLineEnds(UnsafeBufferPointer(rebasing: buf[contentStart..<end]), to: &scratch)
        pos = end + 3
    }

    mutating func skipComment(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let start = pos
        guard let end = find(buf, from: pos + 4, "-->") else {
            throw endOfInput("unterminated comment", at: start, buf)
        }
        pos = end + 3
    }

    mutating func skipProcessingInstruction(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let start = pos
        pos += 2
        guard let (targetStart, targetEnd) = readName(buf) else {
            throw parseError("a processing instruction needs a target name after '<?'", at: start, buf, cutShort: pos >= buf.count)
        }
        if targetEnd - targetStart == 3,
           ASCII.caseFolded(buf[targetStart]) == UInt8(ascii: "x"),
           ASCII.caseFolded(buf[targetStart + 1]) == UInt8(ascii: "m"),
           ASCII.caseFolded(buf[targetStart + 2]) == UInt8(ascii: "l") {
            throw parseError("the XML declaration <?xml …?> is only allowed at the very start of the document", at: start, buf)
        }
        guard let end = find(buf, from: pos, "?>") else {
            throw endOfInput("unterminated processing instruction <?\(Self.string(buf, targetStart, targetEnd))", at: start, buf)
        }
        pos = end + 2
    }

    // MARK: Event position

    /// Records `offset` as the start of the event being returned.
    private mutating func markEvent(at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) {
        if offset >= cursor.offset {
            Self.advance(&cursor, to: offset, buf)
        }
        line = cursor.line
        column = cursor.column
    }
}
