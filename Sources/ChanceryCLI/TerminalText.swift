/// Text for the terminal, in which archive text cannot move the cursor, set the window title, clear
/// the screen or reorder what is shown.
///
/// All text Chancery writes to stdout or stderr passes through here (``Console``, and the
/// interrupt message of `report`); only the progress bar, which holds no such text, does not.
/// Shown escaped, in Swift's notation (`\u{1B}`; `\n`, `\r`, `\t` for those three):
/// - the C0 controls U+0000–U+001F (ESC starts every terminal escape sequence, BEL ends OSC
///   sequences such as "set window title") and DEL U+007F;
/// - the C1 controls U+0080–U+009F (U+009B is CSI and U+009D OSC to terminals that read 8-bit controls);
/// - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which
///   reorder the text around them ("fdp.exe" shown for "exe.pdf").
///
/// The same characters `MarkdownText.isHidden` (Sources/ChanceryReports/Markdown/MarkdownText.swift)
/// shows as code points in Markdown. What each form keeps raw:
/// - ``Form/line``: nothing; a table cell or one message line stays one line;
/// - ``Form/text``: line feed and tab, the layout of tables and messages Chancery composed itself;
/// - ``Form/csv``: line feed, carriage return and tab (CRLF ends records; a quoted field may hold
///   line breaks). CSV on stdout is for reading and piping, so its other controls are shown
///   escaped as in a table; the report's CSV files keep the text exactly;
/// - ``Form/json``: JSON has its own escapes, so the characters are written as `\u001b`, `\u009b`,
///   `\u202e`: the same string to a JSON reader, nothing to obey for a terminal. (The encoders
///   already escape U+0000–U+001F inside strings; DEL, C1 and bidi characters they leave raw.)
///
/// A backslash in the text is not escaped: archive text that spells `\u{1B}` shows the same as an
/// escaped ESC, which is ambiguous to a reader but harmless to a terminal.
enum TerminalText {
    enum Form {
        case line, text, csv, json
    }

    static func escaped(_ text: String, _ form: Form) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }), needsEscaping(text, form) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isHidden(scalar), !keeps(form, scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: form != .json)
            switch (form, scalar) {
            case (.json, _): out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            case (_, "\n"): out.append(contentsOf: "\\n".unicodeScalars)
            case (_, "\r"): out.append(contentsOf: "\\r".unicodeScalars)
            case (_, "\t"): out.append(contentsOf: "\\t".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    private static func keeps(_ form: Form, _ scalar: Unicode.Scalar) -> Bool {
        switch form {
        case .line: false
        case .text: scalar == "\n" || scalar == "\t"
        case .csv: scalar == "\n" || scalar == "\r" || scalar == "\t"
        // Raw line feeds in JSON are the encoder's layout; inside strings they are escaped already.
        case .json: scalar == "\n" || scalar == "\r" || scalar == "\t"
        }
    }

    private static func needsEscaping(_ text: String, _ form: Form) -> Bool {
        text.unicodeScalars.contains { isHidden($0) && !keeps(form, $0) }
    }
}
