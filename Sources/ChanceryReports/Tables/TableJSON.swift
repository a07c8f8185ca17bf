/// Tables as JSON: an array of objects with keys in column order; numbers as numbers, dates as ISO text, empty cells as null.
///
/// Written by hand rather than through JSONSerialization so that key order,
/// and so the bytes, are the same on every run.
public enum TableJSON {
    public static func string(_ table: Table) throws -> String {
        var out = "[\n"
        var first = true
        try table.forEachRow { row in
            if !first { out += ",\n" }
            first = false
            out += "  {"
            for (index, column) in table.columns.enumerated() {
                if index > 0 { out += ", " }
                out += quote(column.name) + ": " + value(index < row.count ? row[index] : .empty)
            }
            out += "}"
        }
        return out + (first ? "]\n" : "\n]\n")
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .empty: "null"
        case let .integer(value): String(value)
        case let .decimal(value): value.isFinite ? String(value) : "null"
        case let .date(date): quote(date.iso)
        case let .boolean(value): value ? "true" : "false"
        case let .text(text), let .url(text): quote(text)
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20 || s.value == 0x2028 || s.value == 0x2029:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
