/// Markdown that archive text cannot break out of.
///
/// Document text is untrusted: a title with `[a](javascript:...)`, `<script>`,
/// a `|` in a table cell or a line starting with `#` must show as the
/// characters it is, not become a link, HTML or structure. Every piece of
/// archive text passes through `escape` (inline) or `cell` (table cells).
enum MarkdownText {
    /// Escapes Markdown and HTML syntax and folds line breaks into spaces.
    static func escape(_ text: some StringProtocol) -> String {
        // Most text has nothing to escape: check its bytes before building a new string.
        if !needsEscaping(text.utf8) {
            let plain = String(text)
            if !(plain.hasPrefix("- ") || plain.hasPrefix("+ ") || plain.first?.isNumber == true) { return plain }
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "{", "}", "~", "$":
                out.append("\\")
                out.append(character)
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n", "\t": out.append(" ")
            default:
                // Control and bidirectional-override characters are shown as their code, never obeyed.
                if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                   scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                    out += "U+" + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.append(character)
                }
            }
        }
        // Text that may start a line must not start a list: "- ", "+ " and "1. " at the start are escaped.
        if out.hasPrefix("- ") || out.hasPrefix("+ ") || out == "-" || out == "+" { out = "\\" + out }
        if let dot = out.firstIndex(where: { $0 == "." || $0 == ")" }), !out[..<dot].isEmpty, out[..<dot].allSatisfy(\.isNumber) {
            let after = out.index(after: dot)
            if after == out.endIndex || out[after] == " " { out.insert("\\", at: dot) }
        }
        return out
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

    /// A link for http(s) URLs only; anything else is shown as escaped text.
    static func link(_ label: some StringProtocol, _ url: String?) -> String {
        guard let url, url.hasPrefix("https://") || url.hasPrefix("http://"),
              !url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == ")" || $0 == "(" })
        else { return escape(label) }
        return "[\(escape(label))](\(url))"
    }

    /// A Markdown table; the cells given must already be escaped.
    static func table(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { alignRight.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
