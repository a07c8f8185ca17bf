import Foundation

/// Brings text into the one form every later stage assumes: Unicode NFC, LF line ends.
public enum TextNormalizer {
    /// Unicode Normalization Form C, so "é" typed as e + combining accent counts as "é".
    ///
    /// Most archive text is already NFC; a byte scan proves it for the common
    /// cases (ASCII, Latin, typographic quotes and dashes) and skips Foundation's
    /// normalizer, which costs far more than the scan.
    ///
    /// The text is first put in stream-safe form (`streamSafe`), so that no
    /// run of combining marks is longer than 30: normalizing a run means
    /// sorting it, and Foundation's sort takes time quadratic in its length.
    ///
    /// A long text is normalized in pieces of about a megabyte (`nfcPieceBytes`), each cut before an ASCII
    /// character: an ASCII character has combining class 0 and never composes with what precedes it (its NFC
    /// quick check is Yes), so normalization never reaches across such a cut (UAX #15, "normalization
    /// boundary"), and the pieces normalized one by one give the text normalized whole. Foundation's normalizer
    /// holds a copy of its input in UTF-16: a 100 MB body took 300 MB more while it was normalized. Pieces that
    /// are trivially NFC are kept as they are.
    public static func nfc(_ text: String) -> String {
        if isTriviallyNFC(text) { return text }
        var text = text
        guard text.utf8.count > nfcPieceBytes else { return streamSafe(text).precomposedStringWithCanonicalMapping }
        return text.withUTF8 { bytes in
            var result = ""
            result.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                // The piece ends before the first ASCII byte at or after the wanted size (or at the end).
                var end = min(start + nfcPieceBytes, bytes.count)
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isTriviallyNFC(piece) {
                    result += String(decoding: piece, as: UTF8.self)
                } else {
                    result += streamSafe(String(decoding: piece, as: UTF8.self)).precomposedStringWithCanonicalMapping
                }
                start = end
            }
            return result
        }
    }

    /// The size of the pieces a long text is normalized in (`nfc`).
    static let nfcPieceBytes = 1 << 20

    /// The most non-starters (combining marks) a run may hold: UAX #15's Stream-Safe Text Format.
    public static let maximumNonStarters = 30

    /// U+034F COMBINING GRAPHEME JOINER, in UTF-8: a starter that displays as nothing, inserted to cut a run of marks.
    static let graphemeJoiner: [UInt8] = [0xCD, 0x8F]

    /// The text in Unicode's Stream-Safe Text Format (UAX #15, section 13): a COMBINING GRAPHEME JOINER
    /// (U+034F) is inserted after every 30 non-starters in a row.
    ///
    /// Real text never has more than a few marks on one letter; a hostile one may pile up thousands ("Zalgo"
    /// text). Every normalization (NFC here, and each comparison and hash of a Swift string that is not NFC)
    /// sorts a letter's marks by combining class, with a sort whose time is quadratic in their number:
    /// 180 KB of two alternating marks took a minute to read. Cut into runs of at most 30 (33 counting the
    /// marks a precomposed letter decomposes into), every later step is linear. Text with no such run is
    /// returned as it is.
    public static func streamSafe(_ text: String) -> String {
        var text = text
        guard let safe = text.withUTF8({ streamSafe($0) }) else { return text }
        return String(decoding: safe, as: UTF8.self)
    }

    /// `streamSafe` of UTF-8 bytes; nil when they are stream-safe already (no run of more than 30 non-starters).
    static func streamSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if isTriviallyNFC(bytes) { return nil }
        var output: [UInt8]?
        // Bytes up to here are in `output` (once made).
        var copied = 0
        var run = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            // ASCII and U+0080 ... U+02FF (two-byte leads up to CB) are starters that decompose to no non-starter.
            if lead < 0xCC {
                run = 0
                i += lead < 0x80 ? 1 : 2
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard i + length <= n else { break }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
            let marks = Unicode.Scalar(value).map(nonStarters) ?? 0
            if marks == 0 {
                run = 0
            } else {
                if run + marks > maximumNonStarters {
                    if output == nil {
                        output = []
                        output!.reserveCapacity(n + n / 16)
                    }
                    output!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                    output!.append(contentsOf: graphemeJoiner)
                    copied = i
                    run = 0
                }
                run += marks
            }
            i += length
        }
        guard var output else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
        return output
    }

    /// How many non-starters (scalars of a combining class other than 0) the scalar's canonical decomposition
    /// starts with, when it is all non-starters: 1 for a combining mark, 2 for the four scalars that decompose
    /// into two marks (U+0344, and Tibetan U+0F73, U+0F75, U+0F81, which are starters themselves), else 0.
    @inline(__always)
    static func nonStarters(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0344, 0x0F73, 0x0F75, 0x0F81: return 2
        default: return scalar.properties.canonicalCombiningClass.rawValue == 0 ? 0 : 1
        }
    }

    /// CRLF and lone CR become LF.
    public static func unifyLineEnds(_ text: String) -> String {
        var text = text
        guard let unified = text.withUTF8({ unifyingLineEnds($0) }) else { return text }
        return String(decoding: unified, as: UTF8.self)
    }

    /// `unifyLineEnds` of UTF-8 bytes; nil when they hold no CR.
    static func unifyingLineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.firstOffset(of: 0x0D, from: 0) != nil else { return nil }
        var unified: [UInt8] = []
        unified.reserveCapacity(bytes.count)
        appendUnifyingLineEnds(bytes, to: &unified)
        return unified
    }

    /// Appends `bytes` to `output` with each CRLF and each lone CR turned into one `lineEnd` byte: the
    /// end-of-line handling of XML 1.0 §2.11 (with LF), which text files get too.
    ///
    /// The one copy of the rule: DocumentReader applies it to text files, XMLPullParser to character data,
    /// CDATA, entity values (LF) and attribute values (a space, XML 1.0 §3.3.3). A CR at the end of `bytes`
    /// is a lone CR: callers pass whole runs, never a run that ends between the CR and LF of one CRLF.
    static func appendUnifyingLineEnds(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], lineEnd: UInt8 = 0x0A) {
        let n = bytes.count
        var runStart = 0
        // memchr finds each CR; text without one is appended in one piece.
        while let cr = bytes.firstOffset(of: 0x0D, from: runStart) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cr]))
            output.append(lineEnd)
            runStart = cr + 1 < n && bytes[cr + 1] == 0x0A ? cr + 2 : cr + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
    }

    /// True when every scalar is one that NFC leaves alone and that never composes with a neighbour.
    ///
    /// Scalars below U+0300 are all NFC-stable with combining class 0 and never
    /// start a composition that a later ASCII or Latin scalar could complete,
    /// except base letters followed by combining marks, which are >= U+0300 and
    /// so fail this check. General Punctuation U+2010–U+2027 and U+2030–U+205E
    /// have no canonical decompositions.
    static func isTriviallyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isTriviallyNFC($0) }
    }

    /// `isTriviallyNFC` of UTF-8 bytes.
    static func isTriviallyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let lead = bytes[i]
            switch lead {
            case 0..<0x80: i += 1
            // Two-byte sequences C2 80 ... CB BF are U+0080 ... U+02FF.
            case 0xC2...0xCB: i += 2
            // E2 80 90 ... E2 80 A7 is U+2010 ... U+2027; E2 80 B0 ... E2 81 9E is U+2030 ... U+205E.
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && ((0x90...0xA7).contains(bytes[i + 2]) || bytes[i + 2] >= 0xB0):
                i += 3
            case 0xE2 where i + 2 < n && bytes[i + 1] == 0x81 && bytes[i + 2] <= 0x9E:
                i += 3
            default: return false
            }
        }
        return true
    }
}
