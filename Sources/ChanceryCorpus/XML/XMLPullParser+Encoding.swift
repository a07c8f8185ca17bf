// The encoding facet of XMLPullParser: the first call of `next()` refuses UTF-16 and declared
// non-UTF-8 encodings, validates the bytes once with UTF8Check (Sources/ChanceryCorpus/Ingest/UTF8Check.swift),
// sets where the readable input ends, and skips the BOM and XML declaration.

extension XMLPullParser {
    /// Validates the encoding (setting where the readable input ends) and skips the BOM and XML declaration.
    ///
    /// A document in another encoding (a UTF-16 byte order mark, an XML declaration naming an encoding that is
    /// not UTF-8) is refused at once; bytes that are not UTF-8 in a UTF-8 document end the readable input.
    mutating func begin(_ whole: UnsafeBufferPointer<UInt8>) throws(XMLParseError) {
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
