import Foundation

/// Numbers as people read them in a terminal or a note: thousands separators, fixed decimals, no locale.
public enum NumberText {
    /// 0.0000028512 with 2 places → "2.85e-06"; 0.0123 → "1.23e-02": one notation for a column of values that
    /// span many orders of magnitude. NaN and infinities as `Cell.plainText` spells them.
    public static func scientific(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return Cell.decimal(value).plainText }
        return String(format: "%.\(min(max(places, 0), 16))e", value)
    }

    /// The shortest scientific form that reads back as the same Double (0.05 → "5e-02", not
    /// "5.0000000000000003e-02"): every digit, and no digit more, for CSV (`CSVWriter`).
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return Cell.decimal(value).plainText }
        for places in 0...16 {
            let text = scientific(value, places: places)
            if Double(text) == value { return text }
        }
        return scientific(value, places: 16)
    }

    /// 12345 → "12,345".
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// 3.14159 with 2 places → "3.14"; tiny or huge values keep their exponent.
    public static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if text.contains("e") { return String(value) }
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < places { text += String(repeating: "0", count: places - decimals) }
        } else if places > 0 {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }
}
