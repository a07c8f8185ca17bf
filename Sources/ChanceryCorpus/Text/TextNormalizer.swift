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
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) { continue }
            return false
        }
        return true
    }
}
