/// Markdown that archive text cannot break out of.
///
/// Document text is untrusted: a title with `[a](javascript:...)`, `<script>`,
/// a `|` in a table cell or a line starting with `#` must show as the
/// characters it is, not become a link, HTML or structure. Every piece of
/// archive text (titles, ids, file names, places, persons, matched terms,
/// KWIC, expressions, skip reasons, topic names) passes through `escape`
/// (inline), `cell` (table cells), `code` (ids, as a code span when that is
/// safe) or `link` (source URLs); the last three end in `escape` or refuse.
enum MarkdownText {
    /// Escapes Markdown and HTML syntax and folds line breaks into spaces.
    ///
    /// Works on Unicode scalars, as Markdown parsers do: a `[` or `|` followed
    /// by a combining mark is one `Character` to Swift but still a bracket or a
    /// cell border to a parser.
    static func escape(_ text: some StringProtocol) -> String {
        // Most text has nothing to escape: check its bytes before building a new string.
        if !needsEscaping(text.utf8) {
            let plain = String(text)
            if !(plain.hasPrefix("- ") || plain.hasPrefix("+ ") || plain.hasPrefix("-") || plain.hasPrefix(" ")
                 || plain.first?.isNumber == true) { return plain }
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}", "~", "$":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "&": out += "&amp;"
            case "\n" where afterCR: continue  // CR LF is one line break, one space
            case "\n", "\r", "\t": out.append(" ")
            default:
                if isHidden(scalar) {
                    out += codePoint(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        // Text that may start a line must not start a list, a thematic break or an indented code block:
        // "- ", "+ ", "1. " and "---" at the start are escaped, and so is a leading space (below).
        if out.hasPrefix("- ") || out.hasPrefix("+ ") || out == "-" || out == "+" || isThematicBreak(out) { out = "\\" + out }
        if let dot = out.firstIndex(where: { $0 == "." || $0 == ")" }), !out[..<dot].isEmpty, out[..<dot].allSatisfy(\.isNumber) {
            let after = out.index(after: dot)
            if after == out.endIndex || out[after] == " " { out.insert("\\", at: dot) }
        }
        // A space written as a character reference is still a space, but does not indent: "    code"
        // and "  - item" at the start of a line are no code block or list.
        if out.hasPrefix(" ") { out = "&#32;" + out.dropFirst() }
        return out
    }

    /// Characters shown as their code point ("U+1B") instead of being written: C0 and C1 controls and
    /// DEL (general category Cc), and the bidirectional embeddings, overrides and isolates
    /// (U+202A–202E, U+2066–2069), which reorder the text around them on screen. The same set the
    /// terminal output escapes (Sources/ChanceryCLI/TerminalText.swift).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true)
    }

    /// Three or more `-`, with nothing but spaces between: a horizontal rule at the start of a line.
    private static func isThematicBreak(_ text: String) -> Bool {
        text.hasPrefix("-") && text.allSatisfy { $0 == "-" || $0 == " " } && text.count { $0 == "-" } >= 3
    }

    /// ASCII bytes that need escaping: Markdown and HTML syntax, line breaks and other controls.
    private static let specialASCII: [Bool] = (0..<128).map { byte in
        byte < 0x20 || byte == 0x7F || "\\`*_[]<>#|!{}~$&".utf8.contains(UInt8(byte))
    }

    /// Whether the text holds anything `escape` would change: special ASCII, C1 controls (C2 80–9F),
    /// or bidirectional embeddings and isolates (U+202A–202E, U+2066–2069).
    private static func needsEscaping(_ bytes: some Collection<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x80 {
                if specialASCII[Int(byte)] { return true }
            } else if previous == 0xC2, byte <= 0x9F {
                return true
            } else if beforePrevious == 0xE2, (previous == 0x80 && (0xAA...0xAE).contains(byte)) || (previous == 0x81 && (0xA6...0xA9).contains(byte)) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A table cell: escaped, never empty (an empty cell is shown as a dash).
    static func cell(_ text: some StringProtocol) -> String {
        let escaped = escape(text)
        return escaped.isEmpty ? "–" : escaped
    }

    /// Text as an inline code span when it can be one verbatim, else as escaped text.
    ///
    /// A code span shows its text literally, but a backtick would end it, a
    /// line break or a `|` would break the table row it sits in (GFM splits
    /// cells before it reads code spans) and a backslash before a `|` is read
    /// differently by different parsers; text with any of those, with `<`, `>`
    /// or with a hidden character is written through ``escape(_:)`` instead.
    static func code(_ text: some StringProtocol) -> String {
        let verbatim = !text.isEmpty && !text.unicodeScalars.contains {
            $0 == "`" || $0 == "|" || $0 == "\\" || $0 == "<" || $0 == ">" || $0 == "\n" || $0 == "\r" || $0 == "\t" || isHidden($0)
        }
        return verbatim ? "`\(text)`" : escape(text)
    }

    /// A link for http(s) URLs only; anything else is shown as escaped text.
    static func link(_ label: some StringProtocol, _ url: String?) -> String {
        guard let url, let destination = destination(url) else { return escape(label) }
        return "[\(escape(label))](\(destination))"
    }

    /// An http(s) URL as a link destination, or nil when it cannot be one.
    ///
    /// A URL with white space or a hidden character (``isHidden(_:)``) is
    /// refused: no real address has them. Characters that URLs may not hold
    /// raw (RFC 3986) and that would end the destination or split a table
    /// cell — `|`, `\`, `` ` ``, `"`, `^`, `{`, `}`, `<`, `>` — and the
    /// parentheses, which Markdown would read as the destination's end, are
    /// percent-encoded, as a browser would send them. `&` is left as it is:
    /// a character reference in a destination can change the address a
    /// renderer links to, but not the page's structure.
    static func destination(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return nil }
        var out = ""
        for scalar in url.unicodeScalars {
            if scalar.properties.isWhitespace || isHidden(scalar) { return nil }
            switch scalar {
            case "|", "\\", "`", "\"", "^", "{", "}", "<", ">", "(", ")":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A Markdown table; the cells given must already be escaped.
    static func table(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
        var out = tableHeader(header, alignRight: alignRight)
        for row in rows { out += tableRow(row) }
        return out
    }

    /// The header and rule lines of `table`, for a table written a row at a time.
    static func tableHeader(_ header: [String], alignRight: Set<Int> = []) -> String {
        "| " + header.joined(separator: " | ") + " |\n"
            + "|" + header.indices.map { alignRight.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
    }

    /// A row of `table`.
    static func tableRow(_ row: [String]) -> String {
        "| " + row.joined(separator: " | ") + " |\n"
    }
}
