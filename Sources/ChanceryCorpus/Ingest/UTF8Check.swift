/// Finds the first byte where a buffer stops being valid UTF-8.
package enum UTF8Check {
    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil when all are valid.
    ///
    /// Follows the Unicode well-formedness table (no overlongs, no surrogates,
    /// nothing above U+10FFFF), with an eight-bytes-at-a-time ASCII path.
    package static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= lower, second <= upper else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
                return i
            }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset, for messages.
    package static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        var column = 1
        var k = lineStart
        while k < min(offset, bytes.count) {
            // Count scalars: every byte that is not a continuation byte starts one.
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }
}

extension UTF8Check {
    /// The name iconv knows for text in UTF-32 or UTF-16, by its byte order mark, or without one by the zero bytes
    /// that plain Latin letters leave in every other (or three of four) bytes; nil for anything else.
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        // UTF-32's marks first: UTF-32LE's starts with UTF-16LE's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = Array(bytes.prefix(64))
        guard head.count >= 8, head.count % 4 == 0 else { return nil }
        /// Whether every group of `step` bytes holds a non-zero byte at `position` and zeros elsewhere.
        func letterAt(_ position: Int, every step: Int) -> Bool {
            stride(from: 0, to: head.count, by: step).allSatisfy { chunk in
                (0..<step).allSatisfy { offset in (head[chunk + offset] == 0) == (offset != position) }
            }
        }
        if letterAt(0, every: 4) { return "UTF-32LE" }
        if letterAt(3, every: 4) { return "UTF-32BE" }
        if letterAt(0, every: 2) { return "UTF-16LE" }
        if letterAt(1, every: 2) { return "UTF-16BE" }
        return nil
    }
}
