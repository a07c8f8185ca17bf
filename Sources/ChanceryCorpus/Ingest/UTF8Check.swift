import Synchronization

/// Finds the first byte where a buffer stops being valid UTF-8: the one validator of documents, option files
/// and the XML parser, which words its own messages from the `Fault` (XML/XMLPullParser+Encoding.swift).
package enum UTF8Check {
    /// Why the byte at a `Problem`'s offset ends the valid text.
    package enum Fault: Equatable, Sendable {
        /// A NUL byte, when the caller asked for NUL to be refused.
        case nul
        /// A continuation byte (0x80–0xBF) with no lead byte before it.
        case strayContinuation
        /// A byte that never starts a sequence: 0xC0, 0xC1 (overlong) or 0xF5–0xFF (past U+10FFFF).
        case invalidLead
        /// A lead byte whose sequence the end of the buffer cuts off.
        case cutOff
        /// A lead byte followed by `next`, which does not continue a valid sequence (not a continuation byte,
        /// or one that makes an overlong form, a surrogate or a scalar past U+10FFFF).
        case badContinuation(next: UInt8)
    }

    /// The first byte that is not valid, and why.
    package struct Problem: Equatable, Sendable {
        package var offset: Int
        package var fault: Fault
    }

    /// Checks `bytes` from `start`, eight bytes at a time while they are ASCII: the first problem (nil when
    /// all are valid), and whether any byte before it (or any at all, without one) is not ASCII.
    ///
    /// Follows the Unicode well-formedness table (no overlongs, no surrogates, nothing above U+10FFFF); with
    /// `rejectingNUL`, a NUL byte is a problem too (XML allows none).
    package static func validate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, rejectingNUL: Bool = false) -> (problem: Problem?, sawNonASCII: Bool) {
        let result = scan(bytes, from: start, rejectingNUL: rejectingNUL)
        tally?.count(bytes: (result.problem?.offset ?? bytes.count) - start)
        return result
    }

    /// Counts the calls of `validate` and the bytes they read, in the task that sets it: for tests that check a
    /// file's bytes are validated once on their way in (a TEI file: DocumentReader, TEIReader, XMLPullParser).
    /// nil outside such a test; looking it up costs one task-local read a validation (one a file).
    @TaskLocal package static var tally: Tally?

    /// What `validate` did while a `tally` was set.
    package final class Tally: Sendable {
        private let counts = Mutex((calls: 0, bytes: 0))

        package init() {}

        /// How many times `validate` ran.
        package var calls: Int { counts.withLock { $0.calls } }
        /// The bytes those calls checked, together (from where each started to its end or first bad byte).
        package var bytes: Int { counts.withLock { $0.bytes } }

        fileprivate func count(bytes: Int) {
            counts.withLock {
                $0.calls += 1
                $0.bytes += bytes
            }
        }
    }

    /// `validate` without the tally.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, rejectingNUL: Bool) -> (problem: Problem?, sawNonASCII: Bool) {
        guard let base = bytes.baseAddress else { return (nil, false) }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = start
        var sawNonASCII = false
        while i < n {
            // Eight bytes at a time while they are all ASCII (and, when NUL is refused, none is NUL).
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 || (rejectingNUL && hasZeroByte(word)) { break }
                i += 8
            }
            guard i < n else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0, rejectingNUL { return (Problem(offset: i, fault: .nul), sawNonASCII) }
                i += 1
                continue
            }
            sawNonASCII = true
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
            case 0x80...0xBF: return (Problem(offset: i, fault: .strayContinuation), sawNonASCII)
            default: return (Problem(offset: i, fault: .invalidLead), sawNonASCII)
            }
            for k in 1..<length {
                guard i + k < n else { return (Problem(offset: i, fault: .cutOff), sawNonASCII) }
                let next = bytes[i + k]
                guard next >= (k == 1 ? lower : 0x80), next <= (k == 1 ? upper : 0xBF) else {
                    return (Problem(offset: i, fault: .badContinuation(next: next)), sawNonASCII)
                }
            }
            i += length
        }
        return (nil, sawNonASCII)
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil when all are valid.
    package static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        validate(bytes).problem?.offset
    }

    /// Whether any byte of `word` is zero (the classic SWAR test).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
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
