import Foundation

/// Numbers as people read them in a terminal or a note: thousands separators, fixed decimals, no locale.
public enum NumberText {
    /// 0.0000028512 with 2 places → "2.85e-06"; 0.0123 → "1.23e-02": one notation for a column of values that
    /// span many orders of magnitude. `places` 16 keeps every digit a Double has (`CSVWriter`).
    public static func scientific(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return String(value) }
        return String(format: "%.\(min(max(places, 0), 16))e", value)
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
