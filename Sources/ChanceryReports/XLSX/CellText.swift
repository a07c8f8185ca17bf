/// Text as an XLSX string cell can hold it, and how wide it shows.
///
/// Most text passes through unchanged (one byte scan decides). What changes:
/// - U+0000, U+FFFE and U+FFFF, which no XML file can carry, become U+FFFD;
/// - a literal `_x0041_`-style sequence gets its underscore escaped
///   (`_x005F_x0041_`), because Excel decodes `_xHHHH_` in strings and would
///   otherwise show `A`;
/// - in text that a chart also caches (category labels, series names), the
///   other C0 control characters (not tab, line feed, carriage return) become
///   U+FFFD: libxlsxwriter 1.1.4 escapes them in cells but copies them raw into
///   the chart's cache, which makes the chart part invalid XML;
/// - text longer than Excel's 32,767 characters per cell is cut, with a note
///   saying so at the end.
///
/// Text outside cells (document properties, chart titles) goes through
/// ``xmlSafe(_:)`` instead.
///
/// Nothing is prefixed against formulas: a text cell is written as a string
/// cell (`worksheet_write_string`), which a spreadsheet shows as text whatever
/// it starts with. LibreOffice 7.4 headless, converting a workbook of ours to
/// fods, keeps `=1+1`, `+1+1`, `@SUM(1;1)`, ` =1+1`, full-width `＝1+1` and
/// `U+200B =1+1` as strings, none a formula (SpreadsheetFormulaTests in
/// Tests/ChanceryReportsTests); an apostrophe would only show. Editing such a
/// cell by hand (F2, Enter) can still turn it into a formula: that is the
/// reader's own act. CSV has no cell types: see `CSVWriter.neutralize(_:)`.
enum CellText {
    /// Excel's limit on a cell's text, in UTF-16 units.
    static let maxLength = 32_767

    static func prepared(_ text: String, forChart: Bool = false) -> String {
        guard needsWork(text, controls: forChart) else { return text }
        return truncated(rewritten(text, controls: forChart, escapes: true))
    }

    /// Text for the XML parts outside cells (document properties, chart and axis
    /// titles): no control characters, no U+0000/U+FFFE/U+FFFF; `_xHHHH_` is left
    /// alone, since only cell text is decoded that way.
    static func xmlSafe(_ text: String) -> String {
        guard needsWork(text, controls: true) else { return text }
        return rewritten(text, controls: true, escapes: false)
    }

    private static func rewritten(_ text: String, controls: Bool, escapes: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        let raw = Array(text.unicodeScalars)
        for (index, scalar) in raw.enumerated() {
            switch scalar.value {
            case 0, 0xFFFE, 0xFFFF:
                scalars.append("\u{FFFD}")
            case 0x01...0x1F where controls && scalar != "\t" && scalar != "\n" && scalar != "\r":
                scalars.append("\u{FFFD}")
            case 0x5F where escapes && isEscapeSequence(raw, at: index):
                scalars.append(contentsOf: "_x005F_".unicodeScalars)
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Cuts text past Excel's limit and says how long it was.
    static func truncated(_ text: String) -> String {
        let total = text.utf16.count
        guard total > maxLength else { return text }
        let note = " … [cut at Excel's limit of \(maxLength) characters; the full text has \(total)]"
        var kept = String.UnicodeScalarView()
        var used = 0
        let budget = maxLength - note.utf16.count
        for scalar in text.unicodeScalars {
            let size = scalar.utf16.count
            if used + size > budget { break }
            kept.append(scalar)
            used += size
        }
        return String(kept) + note
    }

    private static func needsWork(_ text: String, controls: Bool) -> Bool {
        let utf8 = text.utf8
        if utf8.count > maxLength { return true }  // UTF-8 bytes ≥ UTF-16 units: only then can it be too long
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0: return true
            case 0x01...0x1F where controls && byte != 0x09 && byte != 0x0A && byte != 0x0D: return true
            case 0x78 where previous == 0x5F: return true  // "_x": maybe an escape, look closer on the slow path
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true  // U+FFFE, U+FFFF
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `_xHHHH_` starting at `index`, which Excel would decode.
    private static func isEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else {
            return false
        }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Columns the text takes on screen: East Asian wide characters count 2,
    /// combining marks 0; the widest line of multi-line text.
    ///
    /// Never more than the UTF-8 byte count, so a caller that already has a
    /// wider column can skip the scan (`utf8.count <= known`).
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        var line = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 {
                if scalar == "\n" {
                    widest = max(widest, line)
                    line = 0
                } else if value >= 0x20 {
                    line += 1
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: line += isWide(value) ? 2 : 1
            }
        }
        return max(widest, line)
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

/// Which URLs become hyperlinks.
///
/// Only `http:`, `https:` and `mailto:` links, without control characters or
/// spaces. A `file:` or `external:` URL from an archive must never become a
/// link that opens something on the reader's machine, and a `javascript:` or
/// `ftp:` one has no business in a historian's spreadsheet: they are written
/// as plain text. libxlsxwriter may still refuse a linkable URL (too long once
/// escaped, the sheet's link limit): the writer then falls back to text too.
enum LinkPolicy {
    static func isLinkable(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        let scheme: Int
        if lower.hasPrefix("https://") {
            scheme = 8
        } else if lower.hasPrefix("http://") {
            scheme = 7
        } else if lower.hasPrefix("mailto:") {
            scheme = 7
        } else {
            return false
        }
        let utf8 = url.utf8
        guard utf8.count > scheme else { return false }
        return !utf8.contains { $0 <= 0x20 || $0 == 0x7F }
    }
}
