import Foundation

// A small, non-validating XML pull parser over UTF-8 bytes.
//
// FoundationXML's XMLParser on Linux drops internal entity text and CDATA and
// traps on invalid UTF-8, so Chancery reads XML with this parser instead. All
// input is treated as untrusted: nothing is ever fetched or opened (external
// DTDs and external entities are skipped or rejected), entity expansion is
// budgeted, nesting is bounded, and the parser is iterative so deep input
// cannot overflow the stack.

// MARK: - Public types

/// A well-formedness or safety error, with the position where it was found.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words meant for the person who owns the document.
    public var message: String
    /// 1-based line of the error.
    public var line: Int
    /// 1-based column, counted in Unicode scalars on that line.
    public var column: Int
    /// 0-based offset of the error in the input bytes.
    public var byteOffset: Int
    /// True when the document is not UTF-8 XML text from `byteOffset` on: another encoding (refused before any
    /// event), or bytes that are not UTF-8 or are NUL (the events before them were returned).
    public var isEncodingError: Bool

    /// Creates an error at an explicit position.
    public init(message: String, line: Int, column: Int, byteOffset: Int, isEncodingError: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.isEncodingError = isEncodingError
    }

    /// `"line:column: message"`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// One attribute of a start tag, with its value decoded and normalized.
public struct XMLAttribute: Sendable, Equatable {
    /// The qualified name as written, e.g. `"xml:id"`.
    public var name: String
    /// The value with references decoded and tab, CR and LF turned into spaces.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The part of the name after its prefix: `"id"` for `"xml:id"`.
    public var localName: Substring { XMLName.localName(of: name) }
}

extension Array where Element == XMLAttribute {
    /// The value of the first attribute whose qualified name is `name`, if any.
    public func value(of name: String) -> String? {
        first { $0.name == name }?.value
    }
}

/// Helpers for qualified names; the parser does no namespace resolution.
public enum XMLName {
    /// The part of a qualified name after the first colon, or the whole name.
    public static func localName(of qualifiedName: String) -> Substring {
        let whole = Substring(qualifiedName)
        guard let colon = whole.firstIndex(of: ":") else { return whole }
        return whole[whole.index(after: colon)...]
    }

    /// The part of a qualified name before the first colon, if it has one.
    public static func prefix(of qualifiedName: String) -> Substring? {
        let whole = Substring(qualifiedName)
        guard let colon = whole.firstIndex(of: ":") else { return nil }
        return whole[..<colon]
    }
}

/// One step of a document, as returned by `XMLPullParser.next()`.
public enum XMLEvent: Sendable, Equatable {
    /// A start tag; `name` is the qualified name as written.
    case startElement(name: String, attributes: [XMLAttribute])
    /// An end tag; also emitted right after the start of an empty element.
    case endElement(name: String)
    /// Character data with references decoded and CDATA included; may arrive in pieces.
    case text(String)
}

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
    private let limits: XMLLimits
    /// Where the readable input ends: the first byte that is not UTF-8 XML text, else the input's end.
    private var readable: Int
    /// The error at `readable` when the input goes on past it with bytes that are not UTF-8 XML text.
    private var encodingError: XMLParseError?
    private var pos = 0
    private var phase = Phase.notStarted
    private var open: [OpenElement] = []
    private var pendingEnd: String?
    private var rootName = ""
    private var sawDoctype = false
    private var entities: [String: Entity] = [:]
    private var entityDeclarations = 0
    private var expandedBytes = 0
    /// Steps taken expanding entities so far: one per entity entered and one per byte of replacement text read.
    ///
    /// The work the expansion budget bounds, counted so tests can check the bound
    /// without timing it (Tests/ChanceryCorpusTests/XMLPullParserTests.swift).
    private(set) var entityExpansionSteps = 0
    /// Reused across events so decoding text does not allocate each time.
    private var scratch: [UInt8] = []
    /// Where counting lines starts (after a BOM).
    private var origin = Cursor()
    /// Line/column bookkeeping advances lazily from one event start to the next.
    private var cursor = Cursor()
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

    private enum Phase: Sendable {
        case notStarted, prolog, content, epilog, finished
    }

    private struct OpenElement: Sendable {
        var name: String
        var nameStart: Int
        var nameEnd: Int
        var line: Int
    }

    private enum Entity: Sendable {
        case `internal`([UInt8])
        case external
    }

    private struct Cursor: Sendable {
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

    /// Validates the encoding (setting where the readable input ends) and skips the BOM and XML declaration.
    ///
    /// A document in another encoding (a UTF-16 byte order mark, an XML declaration naming an encoding that is
    /// not UTF-8) is refused at once; bytes that are not UTF-8 in a UTF-8 document end the readable input.
    private mutating func begin(_ whole: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        phase = .prolog
        if whole.count >= 2, (whole[0] == 0xFF && whole[1] == 0xFE) || (whole[0] == 0xFE && whole[1] == 0xFF) {
            throw encodingProblem("the document is UTF-16 (it starts with a UTF-16 byte order mark); Chancery reads only UTF-8", at: 0, whole)
        }
        if whole.count >= 3, whole[0] == 0xEF, whole[1] == 0xBB, whole[2] == 0xBF {
            pos = 3
            origin = Cursor(offset: 3)
            cursor = origin
        }
        let declaredEncoding = Self.declaredEncoding(whole, from: pos)
        let validation = UTF8Check.validate(whole, from: pos, rejectingNUL: true)
        let foreign = declaredEncoding.map { !Self.isUTF8Compatible($0) } ?? false
        if let problem = validation.problem {
            let message = Self.message(for: problem, whole)
            if let declaredEncoding, foreign {
                throw encodingProblem(message + " (the XML declaration says encoding=\"\(declaredEncoding)\"; Chancery reads only UTF-8)",
                                      at: problem.offset, whole)
            }
            encodingError = encodingProblem(message, at: problem.offset, whole)
            readable = problem.offset
        }
        if let declaredEncoding, foreign, validation.sawNonASCII {
            throw encodingProblem("the document declares encoding \"\(declaredEncoding)\"; Chancery reads only UTF-8", at: pos, whole)
        }
        let buf = UnsafeBufferPointer(rebasing: whole[..<readable])
        let n = buf.count
        // `<?xml-stylesheet …?>` is an ordinary PI; only `<?xml` plus space or `?` is the declaration.
        if hasPrefix(buf, pos, "<?xml"), pos + 5 < n, buf[pos + 5].isXMLWhitespace || buf[pos + 5] == .question {
            let start = pos
            guard let end = find(buf, from: pos + 5, "?>") else {
                throw endOfInput("unterminated XML declaration", at: start, buf)
            }
            pos = end + 2
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

    private mutating func skipComment(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let start = pos
        guard let end = find(buf, from: pos + 4, "-->") else {
            throw endOfInput("unterminated comment", at: start, buf)
        }
        pos = end + 3
    }

    private mutating func skipProcessingInstruction(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let start = pos
        pos += 2
        guard let (targetStart, targetEnd) = readName(buf) else {
            throw parseError("a processing instruction needs a target name after '<?'", at: start, buf, cutShort: pos >= buf.count)
        }
        if targetEnd - targetStart == 3,
           buf[targetStart] | 0x20 == UInt8(ascii: "x"),
           buf[targetStart + 1] | 0x20 == UInt8(ascii: "m"),
           buf[targetStart + 2] | 0x20 == UInt8(ascii: "l") {
            throw parseError("the XML declaration <?xml …?> is only allowed at the very start of the document", at: start, buf)
        }
        guard let end = find(buf, from: pos, "?>") else {
            throw endOfInput("unterminated processing instruction <?\(Self.string(buf, targetStart, targetEnd))", at: start, buf)
        }
        pos = end + 2
    }

    // MARK: References and entities

    private enum ReferenceScan {
        case character(Unicode.Scalar, end: Int)
        case predefined(UInt8, end: Int)
        case named(String, end: Int)
        case invalid(String)
        /// Invalid because the input ends before the reference does.
        case cutOff(String)
    }

    /// Decodes the reference at `pos` (which holds '&') into `scratch`.
    private mutating func readReference(_ buf: UnsafeBufferPointer<UInt8>, inAttribute: Bool) throws(XMLParseError) {
        let amp = pos
        switch Self.scanReference(buf, at: amp) {
        case .invalid(let message):
            throw parseError(message, at: amp, buf)
        case .cutOff(let message):
            throw endOfInput(message, at: amp, buf)
        case .character(let scalar, let end):
            appendScalar(scalar)
            pos = end
        case .predefined(let byte, let end):
            scratch.append(byte)
            pos = end
        case .named(let name, let end):
            try expand(name, inAttribute: inAttribute, referenceOffset: amp, buf)
            pos = end
        }
    }

    /// Expands an internal entity iteratively, charging every replacement text to the budget.
    ///
    /// Charging each expansion (at least one byte, even for empty text) bounds the
    /// work of both "billion laughs" and its empty-entity variant.
    private mutating func expand(_ name: String, inAttribute: Bool, referenceOffset: Int, _ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        struct Frame {
            var name: String
            var text: [UInt8]
            var index = 0
        }
        var frames: [Frame] = []
        var active: Set<String> = []

        let outermost = name
        func resolve(_ name: String, from parent: String?) throws(XMLParseError) -> [UInt8] {
            let via = parent.map { " (referenced inside &\($0);)" } ?? ""
            switch entities[name] {
            case nil:
                throw parseError("undeclared entity &\(name);\(via)", at: referenceOffset, buf)
            case .external:
                throw parseError("entity &\(name);\(via) refers to an external resource, which Chancery never loads", at: referenceOffset, buf)
            case .internal(let text):
                entityExpansionSteps += 1
                expandedBytes += max(text.count, 1)
                if expandedBytes > limits.maxEntityExpansionBytes {
                    throw parseError("expanding entity &\(outermost); goes past the limit of \(limits.maxEntityExpansionBytes) bytes of entity text (XMLLimits.maxEntityExpansionBytes); the document may be an entity-expansion (\"billion laughs\") attack", at: referenceOffset, buf)
                }
                return text
            }
        }

        frames.append(Frame(name: name, text: try resolve(name, from: nil)))
        active.insert(name)
        while let top = frames.last {
            entityExpansionSteps += 1
            let level = frames.count - 1
            let i = top.index
            guard i < top.text.count else {
                active.remove(top.name)
                frames.removeLast()
                continue
            }
            let b = top.text[i]
            switch b {
            case .amp:
                let scan = top.text.withUnsafeBufferPointer { Self.scanReference($0, at: i) }
                switch scan {
                case .invalid(let message), .cutOff(let message):
                    throw parseError("\(message) (inside entity &\(top.name);)", at: referenceOffset, buf)
                case .character(let scalar, let end):
                    appendScalar(scalar)
                    frames[level].index = end
                case .predefined(let byte, let end):
                    scratch.append(byte)
                    frames[level].index = end
                case .named(let inner, let end):
                    frames[level].index = end
                    if active.contains(inner) {
                        let chain = frames.map { "&\($0.name);" }.joined(separator: " → ")
                        throw parseError("entity &\(inner); refers to itself (\(chain) → &\(inner);)", at: referenceOffset, buf)
                    }
                    let text = try resolve(inner, from: top.name)
                    frames.append(Frame(name: inner, text: text))
                    active.insert(inner)
                }
            case .lt:
                if inAttribute {
                    throw parseError("entity &\(top.name); puts '<' in an attribute value, which is not allowed", at: referenceOffset, buf)
                }
                throw parseError("entity &\(top.name); contains markup, which Chancery does not expand", at: referenceOffset, buf)
            case .tab, .lf, .cr:
                // Attribute values turn whitespace from entity text into spaces too (XML 1.0 §3.3.3).
                scratch.append(inAttribute ? .space : b)
                frames[level].index = i + 1
            default:
                scratch.append(b)
                frames[level].index = i + 1
            }
        }
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: scalar.utf8)
    }

    /// Parses `&…;` at `amp`; shared by document text and entity replacement text.
    private static func scanReference(_ p: UnsafeBufferPointer<UInt8>, at amp: Int) -> ReferenceScan {
        let n = p.count
        var i = amp + 1
        guard i < n else { return .cutOff("'&' at end of input (write &amp; for a literal '&')") }
        if p[i] == .hash {
            i += 1
            var radix: UInt32 = 10
            if i < n, p[i] == UInt8(ascii: "x") {
                radix = 16
                i += 1
            }
            let digitsStart = i
            var value: UInt32 = 0
            while i < n, let digit = hexDigitValue(p[i]), digit < radix {
                // Saturate past the Unicode range so long digit strings cannot overflow.
                value = min(value * radix + digit, 0x11_0000)
                i += 1
            }
            guard i > digitsStart, i < n, p[i] == .semicolon else {
                let message = "malformed character reference \(snippet(p, amp, min(i + 1, n))) (expected &#digits; or &#xhex;)"
                return i < n ? .invalid(message) : .cutOff(message)
            }
            guard isXMLChar(value), let scalar = Unicode.Scalar(value) else {
                return .invalid("character reference \(snippet(p, amp, i + 1)) is not a character allowed in XML")
            }
            return .character(scalar, end: i + 1)
        }
        guard p[i].isNameStart else {
            return .invalid("'&' must start an entity or character reference (write &amp; for a literal '&')")
        }
        let nameStart = i
        i += 1
        while i < n, p[i].isNameChar { i += 1 }
        guard i < n, p[i] == .semicolon else {
            let message = "entity reference \(snippet(p, amp, i)) is missing its ';'"
            return i < n ? .invalid(message) : .cutOff(message)
        }
        if let byte = predefinedEntity(p, nameStart, i) {
            return .predefined(byte, end: i + 1)
        }
        return .named(string(p, nameStart, i), end: i + 1)
    }

    private static func predefinedEntity(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8? {
        switch end - start {
        case 2:
            guard p[start + 1] == UInt8(ascii: "t") else { return nil }
            if p[start] == UInt8(ascii: "l") { return .lt }
            if p[start] == UInt8(ascii: "g") { return .gt }
        case 3:
            if p[start] == UInt8(ascii: "a"), p[start + 1] == UInt8(ascii: "m"), p[start + 2] == UInt8(ascii: "p") { return .amp }
        case 4:
            if p[start] == UInt8(ascii: "q"), p[start + 1] == UInt8(ascii: "u"), p[start + 2] == UInt8(ascii: "o"), p[start + 3] == UInt8(ascii: "t") { return .quote }
            if p[start] == UInt8(ascii: "a"), p[start + 1] == UInt8(ascii: "p"), p[start + 2] == UInt8(ascii: "o"), p[start + 3] == UInt8(ascii: "s") { return .apostrophe }
        default:
            break
        }
        return nil
    }

    /// The XML 1.0 `Char` production: references may not produce NUL, other C0 controls, surrogates or non-characters FFFE/FFFF.
    private static func isXMLChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: return true
        default: return false
        }
    }

    private static func hexDigitValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b &- UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b &- UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    // MARK: DOCTYPE

    /// Skips a DOCTYPE, recording internal entity declarations; external IDs are never resolved.
    private mutating func readDoctype(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let n = buf.count
        let start = pos
        sawDoctype = true
        pos += 9
        guard skipWhitespace(buf), readName(buf) != nil else {
            throw parseError("expected the root element name after <!DOCTYPE", at: pos, buf, cutShort: pos >= n)
        }
        var sawSubset = false
        while true {
            skipWhitespace(buf)
            guard pos < n else { throw endOfInput("unterminated DOCTYPE declaration", at: start, buf) }
            let b = buf[pos]
            if b == .gt {
                pos += 1
                return
            }
            if b == .lbracket, !sawSubset {
                sawSubset = true
                pos += 1
                try readInternalSubset(buf, doctypeStart: start)
            } else if b == .quote || b == .apostrophe {
                try skipQuoted(buf)
            } else if !sawSubset, readName(buf) != nil {
                // SYSTEM or PUBLIC: the identifiers that follow are skipped, never fetched.
            } else {
                throw parseError("unexpected character \(Self.describe(buf, at: pos)) in the DOCTYPE declaration", at: pos, buf)
            }
        }
    }

    private mutating func readInternalSubset(_ buf: UnsafeBufferPointer<UInt8>, doctypeStart: Int) throws(XMLParseError) {
        let n = buf.count
        while true {
            skipWhitespace(buf)
            guard pos < n else { throw endOfInput("unterminated DOCTYPE internal subset", at: doctypeStart, buf) }
            let b = buf[pos]
            if b == .rbracket {
                pos += 1
                return
            }
            if b == .percent {
                // Parameter entities are never expanded: they would mostly serve to pull in external DTD text.
                let refStart = pos
                pos += 1
                guard readName(buf) != nil, pos < n, buf[pos] == .semicolon else {
                    throw parseError("malformed parameter-entity reference in the DOCTYPE", at: refStart, buf, cutShort: pos >= n)
                }
                pos += 1
            } else if hasPrefix(buf, pos, "<!--") {
                try skipComment(buf)
            } else if hasPrefix(buf, pos, "<?") {
                try skipProcessingInstruction(buf)
            } else if hasPrefix(buf, pos, "<!ENTITY") {
                try readEntityDeclaration(buf)
            } else if hasPrefix(buf, pos, "<!ELEMENT") || hasPrefix(buf, pos, "<!ATTLIST") || hasPrefix(buf, pos, "<!NOTATION") {
                try skipDeclaration(buf)
            } else {
                throw markupError("unexpected \(Self.describe(buf, at: pos)) in the DOCTYPE internal subset", at: pos, buf)
            }
        }
    }

    /// Skips `<!ELEMENT …>`, `<!ATTLIST …>` or `<!NOTATION …>`; quoted text may contain '>'.
    private mutating func skipDeclaration(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let n = buf.count
        let start = pos
        pos += 2
        while pos < n {
            let b = buf[pos]
            if b == .gt {
                pos += 1
                return
            }
            if b == .quote || b == .apostrophe {
                try skipQuoted(buf)
            } else {
                pos += 1
            }
        }
        throw endOfInput("unterminated markup declaration", at: start, buf)
    }

    private mutating func skipQuoted(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let n = buf.count
        let start = pos
        let quote = buf[pos]
        var i = pos + 1
        while i < n, buf[i] != quote { i += 1 }
        guard i < n else { throw endOfInput("unterminated quoted string", at: start, buf) }
        pos = i + 1
    }

    private mutating func readEntityDeclaration(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
        let n = buf.count
        let start = pos
        pos += 8
        entityDeclarations += 1
        if entityDeclarations > limits.maxInternalEntities {
            throw parseError("more than \(limits.maxInternalEntities) entity declarations (XMLLimits.maxInternalEntities)", at: start, buf)
        }
        guard skipWhitespace(buf) else { throw parseError("expected whitespace after <!ENTITY", at: pos, buf, cutShort: pos >= n) }
        var isParameter = false
        if pos < n, buf[pos] == .percent {
            isParameter = true
            pos += 1
            skipWhitespace(buf)
        }
        guard let (nameStart, nameEnd) = readName(buf) else {
            throw parseError("expected an entity name in <!ENTITY", at: min(pos, n), buf, cutShort: pos >= n)
        }
        let name = Self.string(buf, nameStart, nameEnd)
        guard skipWhitespace(buf), pos < n else {
            throw parseError("expected a value or SYSTEM/PUBLIC identifier for entity \(name)", at: min(pos, n), buf, cutShort: pos >= n)
        }
        let entity: Entity
        if buf[pos] == .quote || buf[pos] == .apostrophe {
            entity = .internal(try readEntityValue(buf, entityName: name))
        } else if hasPrefix(buf, pos, "SYSTEM") || hasPrefix(buf, pos, "PUBLIC") {
            // Remember that it exists so a reference gets a clear refusal; the identifiers
            // (and any NDATA notation) are skipped, never resolved.
            entity = .external
            while true {
                skipWhitespace(buf)
                guard pos < n else { throw endOfInput("unterminated declaration of entity \(name)", at: start, buf) }
                if buf[pos] == .gt { break }
                if buf[pos] == .quote || buf[pos] == .apostrophe {
                    try skipQuoted(buf)
                } else if readName(buf) == nil {
                    throw parseError("unexpected character \(Self.describe(buf, at: pos)) in the declaration of entity \(name)", at: pos, buf)
                }
            }
        } else {
            throw markupError("expected a quoted value or SYSTEM/PUBLIC identifier for entity \(name)", at: pos, buf)
        }
        skipWhitespace(buf)
        guard pos < n, buf[pos] == .gt else {
            throw parseError("expected '>' to finish the declaration of entity \(name)", at: min(pos, n), buf, cutShort: pos >= n)
        }
        pos += 1
        // The first declaration binds (XML 1.0 §4.2), and the five predefined entities are never redefined.
        if !isParameter, entities[name] == nil {
            entities[name] = entity
        }
    }

    /// Reads an entity's literal value into its replacement text.
    ///
    /// Character references are decoded now and entity references kept for use
    /// time, as XML 1.0 §4.5 prescribes.
    private mutating func readEntityValue(_ buf: UnsafeBufferPointer<UInt8>, entityName: String) throws(XMLParseError) -> [UInt8] {
        let n = buf.count
        let start = pos
        let quote = buf[pos]
        pos += 1
        scratch.removeAll(keepingCapacity: true)
        while true {
            // A run up to the closing quote, '%' or '&', with its line ends as LF.
            var i = pos
            while i < n, buf[i] != quote, buf[i] != .percent, buf[i] != .amp { i += 1 }
            TextNormalizer.appendUnifyingLineEnds(UnsafeBufferPointer(rebasing: buf[pos..<i]), to: &scratch)
            pos = i
            guard pos < n else { throw endOfInput("unterminated value of entity \(entityName)", at: start, buf) }
            switch buf[pos] {
            case quote:
                pos += 1
                return scratch
            case .percent:
                throw parseError("parameter-entity references are not supported inside the value of entity \(entityName)", at: pos, buf)
            default:  // '&'
                switch Self.scanReference(buf, at: pos) {
                case .invalid(let message), .cutOff(let message):
                    throw parseError(message, at: pos, buf)
                case .character(let scalar, let end):
                    appendScalar(scalar)
                    pos = end
                case .predefined(_, let end), .named(_, let end):
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[pos..<end]))
                    pos = end
                }
            }
        }
    }

    // MARK: Scanning helpers

    /// Reads an XML name at `pos`; non-ASCII scalars are accepted without checking the exact XML ranges.
    private mutating func readName(_ buf: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let n = buf.count
        guard pos < n, buf[pos].isNameStart else { return nil }
        let start = pos
        var i = pos + 1
        while i < n, buf[i].isNameChar { i += 1 }
        pos = i
        return (start, i)
    }

    @discardableResult
    private mutating func skipWhitespace(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = pos
        let n = buf.count
        while pos < n, buf[pos].isXMLWhitespace { pos += 1 }
        return pos > start
    }

    private func hasPrefix(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at >= 0, count <= buf.count - at else { return false }
        let bytes = literal.utf8Start
        for k in 0..<count where buf[at + k] != bytes[k] {
            return false
        }
        return true
    }

    /// Offset of the first occurrence of `literal` at or after `from`.
    private func find(_ buf: UnsafeBufferPointer<UInt8>, from: Int, _ literal: StaticString) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let first = literal.utf8Start[0]
        var i = max(from, 0)
        let last = buf.count - count
        while i <= last {
            if buf[i] == first, hasPrefix(buf, i, literal) { return i }
            i += 1
        }
        return nil
    }

    private static func string(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
    }

    private static func bytesEqual(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
        guard aEnd - a == bEnd - b else { return false }
        var i = a
        var j = b
        while i < aEnd {
            if buf[i] != buf[j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    /// Input text for a message, shortened so hostile input cannot make huge errors.
    private static func snippet(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let limit = 40
        guard end - start > limit else { return string(buf, start, end) }
        // Back up to a scalar boundary so the cut does not split a character.
        var cut = start + limit
        while cut > start, buf[cut] & 0xC0 == 0x80 { cut -= 1 }
        return string(buf, start, cut) + "…"
    }

    private static func describe(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        guard i < buf.count else { return "end of file" }
        let b = buf[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(hex(b))"
    }

    private func quotedTag(_ buf: UnsafeBufferPointer<UInt8>, from: Int, prefix: String) -> String {
        var i = from
        while i < buf.count, buf[i].isNameChar { i += 1 }
        return prefix + Self.snippet(buf, from, i) + ">"
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    // MARK: Positions

    /// Records `offset` as the start of the event being returned.
    private mutating func markEvent(at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) {
        if offset >= cursor.offset {
            Self.advance(&cursor, to: offset, buf)
        }
        line = cursor.line
        column = cursor.column
    }

    private func position(of offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> Cursor {
        var c = offset >= cursor.offset ? cursor : origin
        Self.advance(&c, to: offset, buf)
        return c
    }

    private func parseError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        let c = position(of: offset, buf)
        return XMLParseError(message: message, line: c.line, column: c.column, byteOffset: c.offset)
    }

    private func encodingProblem(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        var error = parseError(message, at: offset, buf)
        error.isEncodingError = true
        return error
    }

    /// The error for markup that the end of the readable bytes cuts short: when bytes that are not UTF-8 end
    /// them, that encoding error (the parser needed the bad byte); else `message` at `offset`.
    private func endOfInput(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        encodingError ?? parseError(message, at: offset, buf)
    }

    /// `endOfInput` when `cutShort` (the readable bytes ran out before the markup did), else `parseError`.
    private func parseError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>, cutShort: Bool) -> XMLParseError {
        cutShort ? endOfInput(message, at: offset, buf) : parseError(message, at: offset, buf)
    }

    /// An error for unexpected markup at `offset`, which may be the start of a keyword (`<!DOCTYPE`,
    /// `<![CDATA[`, `<!NOTATION`, `SYSTEM`) that the end of the readable bytes cuts short.
    private func markupError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        buf.count - offset < 10 ? endOfInput(message, at: offset, buf) : parseError(message, at: offset, buf)
    }

    /// Moves a cursor forward, counting CR, LF and CRLF as one line end and columns in scalars.
    private static func advance(_ c: inout Cursor, to target: Int, _ buf: UnsafeBufferPointer<UInt8>) {
        let end = min(target, buf.count)
        var i = c.offset
        var line = c.line
        var column = c.column
        var afterCR = c.afterCR
        guard let base = buf.baseAddress, i < end else { return }
        let raw = UnsafeRawPointer(base)
        while i < end {
            // Eight ASCII bytes with no CR or LF just move the column.
            if i + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & highBits == 0, !hasByte(word, .lf), !hasByte(word, .cr) {
                    column += 8
                    afterCR = false
                    i += 8
                    continue
                }
            }
            let b = buf[i]
            if b == .lf {
                if !afterCR { line += 1 }
                column = 1
                afterCR = false
            } else if b == .cr {
                line += 1
                column = 1
                afterCR = true
            } else {
                afterCR = false
                if b & 0xC0 != 0x80 { column += 1 }
            }
            i += 1
        }
        c = Cursor(offset: end, line: line, column: column, afterCR: afterCR)
    }

    // MARK: Encoding

    /// The message for a byte that ends the UTF-8 XML text (UTF8Check finds it).
    private static func message(for problem: UTF8Check.Problem, _ buf: UnsafeBufferPointer<UInt8>) -> String {
        let lead = buf[problem.offset]
        switch problem.fault {
        case .nul:
            return "NUL byte (0x00) is not allowed in XML"
        case .strayContinuation:
            return "invalid UTF-8 byte 0x\(hex(lead)) (a continuation byte without a lead byte)"
        case .invalidLead:
            return "invalid UTF-8 byte 0x\(hex(lead))"
        case .cutOff:
            return "invalid UTF-8 byte 0x\(hex(lead)): the last character is cut off by the end of the input, which may be truncated"
        case .badContinuation(let next):
            return "invalid UTF-8 byte 0x\(hex(lead)) (followed by 0x\(hex(next)), which does not continue a valid sequence)"
        }
    }

    /// The `encoding` pseudo-attribute of a leading XML declaration, if any.
    private static func declaredEncoding(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        let n = min(buf.count, start + 512)
        guard n - start > 6 else { return nil }
        let prefix = Array("<?xml".utf8)
        for k in 0..<prefix.count where buf[start + k] != prefix[k] { return nil }
        let key = Array("encoding".utf8)
        var i = start + 5
        while i + key.count <= n {
            if buf[i] == .question { return nil }
            var matches = true
            for k in 0..<key.count where buf[i + k] != key[k] {
                matches = false
                break
            }
            if matches {
                var j = i + key.count
                while j < n, buf[j].isXMLWhitespace || buf[j] == .equals { j += 1 }
                guard j < n, buf[j] == .quote || buf[j] == .apostrophe else { return nil }
                let quote = buf[j]
                let valueStart = j + 1
                var valueEnd = valueStart
                while valueEnd < n, buf[valueEnd] != quote, buf[valueEnd] < 0x80 { valueEnd += 1 }
                guard valueEnd < n, buf[valueEnd] == quote else { return nil }
                return string(buf, valueStart, valueEnd)
            }
            i += 1
        }
        return nil
    }

    private static func isUTF8Compatible(_ encoding: String) -> Bool {
        ["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased())
    }
}

// MARK: - Byte helpers

private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Whether any byte of `word` equals `byte` (the classic SWAR zero-byte test).
@inline(__always)
private func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & highBits != 0
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lf = UInt8(ascii: "\n")
    fileprivate static let cr = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let bang = UInt8(ascii: "!")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let percent = UInt8(ascii: "%")
    fileprivate static let amp = UInt8(ascii: "&")
    fileprivate static let apostrophe = UInt8(ascii: "'")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let semicolon = UInt8(ascii: ";")
    fileprivate static let lt = UInt8(ascii: "<")
    fileprivate static let equals = UInt8(ascii: "=")
    fileprivate static let gt = UInt8(ascii: ">")
    fileprivate static let question = UInt8(ascii: "?")
    fileprivate static let lbracket = UInt8(ascii: "[")
    fileprivate static let rbracket = UInt8(ascii: "]")

    @inline(__always)
    fileprivate var isXMLWhitespace: Bool {
        self == .space || self == .lf || self == .tab || self == .cr
    }

    /// ASCII letters, '_' and ':', plus every non-ASCII byte.
    @inline(__always)
    fileprivate var isNameStart: Bool {
        if self >= 0x80 { return true }
        let mask: UInt64 = self < 64 ? 0x0400_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(self & 63)) & 1 != 0
    }

    /// Name-start bytes plus digits, '-' and '.'.
    @inline(__always)
    fileprivate var isNameChar: Bool {
        if self >= 0x80 { return true }
        let mask: UInt64 = self < 64 ? 0x07FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(self & 63)) & 1 != 0
    }
}
