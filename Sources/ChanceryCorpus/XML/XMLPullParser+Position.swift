// The position facet of XMLPullParser: line and column of a byte offset, counted lazily from the last
// event, and the errors that carry them.

extension XMLPullParser {
    func position(of offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> Cursor {
        var c = offset >= cursor.offset ? cursor : origin
        Self.advance(&c, to: offset, buf)
        return c
    }

    func parseError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        let c = position(of: offset, buf)
        return XMLParseError(message: message, line: c.line, column: c.column, byteOffset: c.offset)
    }

    func encodingProblem(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        var error = parseError(message, at: offset, buf)
        error.isEncodingError = true
        return error
    }

    /// The error for markup that the end of the readable bytes cuts short: when bytes that are not UTF-8 end
    /// them, that encoding error (the parser needed the bad byte); else `message` at `offset`.
    func endOfInput(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        encodingError ?? parseError(message, at: offset, buf)
    }

    /// `endOfInput` when `cutShort` (the readable bytes ran out before the markup did), else `parseError`.
    func parseError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>, cutShort: Bool) -> XMLParseError {
        cutShort ? endOfInput(message, at: offset, buf) : parseError(message, at: offset, buf)
    }

    /// An error for unexpected markup at `offset`, which may be the start of a keyword (`<!DOCTYPE`,
    /// `<![CDATA[`, `<!NOTATION`, `SYSTEM`) that the end of the readable bytes cuts short.
    func markupError(_ message: String, at offset: Int, _ buf: UnsafeBufferPointer<UInt8>) -> XMLParseError {
        buf.count - offset < 10 ? endOfInput(message, at: offset, buf) : parseError(message, at: offset, buf)
    }

    /// Moves a cursor forward, counting CR, LF and CRLF as one line end and columns in scalars.
    static func advance(_ c: inout Cursor, to target: Int, _ buf: UnsafeBufferPointer<UInt8>) {
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
}

// MARK: - Byte helpers

private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Whether any byte of `word` equals `byte` (the classic SWAR zero-byte test).
@inline(__always)
private func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & highBits != 0
}
