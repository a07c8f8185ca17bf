// The entity facet of XMLPullParser: character and entity references, and the budgeted, iterative
// expansion of internal entities (XMLLimits.maxEntityExpansionBytes).

extension XMLPullParser {
    /// What `scanReference` found at an '&'.
    enum ReferenceScan {
        case character(Unicode.Scalar, end: Int)
        case predefined(UInt8, end: Int)
        case named(String, end: Int)
        case invalid(String)
        /// Invalid because the input ends before the reference does.
        case cutOff(String)
    }

    /// Decodes the reference at `pos` (which holds '&') into `scratch`.
    mutating func readReference(_ buf: UnsafeBufferPointer<UInt8>, inAttribute: Bool) throws(XMLParseError) {
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

    mutating func appendScalar(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: scalar.utf8)
    }

    /// Parses `&…;` at `amp`; shared by document text and entity replacement text.
    static func scanReference(_ p: UnsafeBufferPointer<UInt8>, at amp: Int) -> ReferenceScan {
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

}
