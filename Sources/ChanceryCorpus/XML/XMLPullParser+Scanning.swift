// The scanning facet of XMLPullParser: names, whitespace, literals, and the byte constants and classes
// every other facet reads the input with.

extension XMLPullParser {
    /// Reads an XML name at `pos`; non-ASCII scalars are accepted without checking the exact XML ranges.
    mutating func readName(_ buf: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let n = buf.count
        guard pos < n, buf[pos].isNameStart else { return nil }
        let start = pos
        var i = pos + 1
        while i < n, buf[i].isNameChar { i += 1 }
        pos = i
        return (start, i)
    }

    @discardableResult
    mutating func skipWhitespace(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = pos
        let n = buf.count
        while pos < n, buf[pos].isXMLWhitespace { pos += 1 }
        return pos > start
    }

    func hasPrefix(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at >= 0, count <= buf.count - at else { return false }
        let bytes = literal.utf8Start
        for k in 0..<count where buf[at + k] != bytes[k] {
            return false
        }
        return true
    }

    /// Offset of the first occurrence of `literal` at or after `from`.
    func find(_ buf: UnsafeBufferPointer<UInt8>, from: Int, _ literal: StaticString) -> Int? {
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

    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
    }

    static func bytesEqual(_ buf: UnsafeBufferPointer<UInt8>, _ a: Int, _ aEnd: Int, _ b: Int, _ bEnd: Int) -> Bool {
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
    static func snippet(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let limit = 40
        guard end - start > limit else { return string(buf, start, end) }
        // Back up to a scalar boundary so the cut does not split a character.
        var cut = start + limit
        while cut > start, buf[cut] & 0xC0 == 0x80 { cut -= 1 }
        return string(buf, start, cut) + "…"
    }

    static func describe(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> String {
        guard i < buf.count else { return "end of file" }
        let b = buf[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(hex(b))"
    }

    func quotedTag(_ buf: UnsafeBufferPointer<UInt8>, from: Int, prefix: String) -> String {
        var i = from
        while i < buf.count, buf[i].isNameChar { i += 1 }
        return prefix + Self.snippet(buf, from, i) + ">"
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let percent = UInt8(ascii: "%")
    static let amp = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let slash = UInt8(ascii: "/")
    static let semicolon = UInt8(ascii: ";")
    static let lt = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let gt = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let lbracket = UInt8(ascii: "[")
    static let rbracket = UInt8(ascii: "]")

    @inline(__always)
    var isXMLWhitespace: Bool {
        self == .space || self == .lf || self == .tab || self == .cr
    }

    /// ASCII letters, '_' and ':', plus every non-ASCII byte.
    @inline(__always)
    var isNameStart: Bool {
        if self >= 0x80 { return true }
        let mask: UInt64 = self < 64 ? 0x0400_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(self & 63)) & 1 != 0
    }

    /// Name-start bytes plus digits, '-' and '.'.
    @inline(__always)
    var isNameChar: Bool {
        if self >= 0x80 { return true }
        let mask: UInt64 = self < 64 ? 0x07FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return (mask >> UInt64(self & 63)) & 1 != 0
    }
}
