// The DOCTYPE facet of XMLPullParser: the declaration is skipped except for internal entity
// declarations, which are recorded; external identifiers are never resolved.

extension XMLPullParser {
    /// Skips a DOCTYPE, recording internal entity declarations; external IDs are never resolved.
    mutating func readDoctype(_ buf: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
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

}
