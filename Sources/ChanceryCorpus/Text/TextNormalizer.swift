import Foundation

/// Brings text into the one form every later stage assumes: Unicode NFC, LF line ends.
public enum TextNormalizer {
    /// Unicode Normalization Form C, so "é" typed as e + combining accent counts as "é".
    ///
    /// Most archive text is already NFC; a byte scan proves it for the common
    /// cases (ASCII, Latin, typographic quotes and dashes) and skips Foundation's
    /// normalizer, which costs far more than the scan.
    public static func nfc(_ text: String) -> String {
        if isTriviallyNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// CRLF and lone CR become LF.
    public static func unifyLineEnds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
        return text.withUTF8 { bytes in
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
}
