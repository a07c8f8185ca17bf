import ChanceryPipeline
import Foundation

/// Writes tables as CSV: RFC 4180, UTF-8, a header row, one row per line, CRLF line ends.
///
/// Archive text is untrusted: a text cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be a formula to Excel and LibreOffice
/// (CSV injection), so it is written with a leading apostrophe, which
/// spreadsheets show as text; so is one whose first character after leading
/// spaces is one of these (see ``neutralize(_:)`` for what was tested).
/// Numbers are typed cells and are written as numbers, negative ones
/// included; a text cell that is a plain number ("-5", "+3.2") is left alone,
/// since it cannot run anything. Decimals are written in their shortest
/// round-trip form, so the same input gives the same bytes.
public struct CSVWriter: Sendable {
    /// Start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    public var excelBOM: Bool

    public init(excelBOM: Bool = false) {
        self.excelBOM = excelBOM
    }

    /// The table as CSV text.
    public func string(_ table: Table) throws -> String {
        var output: [UInt8] = []
        try write(table, into: &output) { _ in }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the table to a file, streaming its rows; returns the SHA-256 of the bytes written (for the manifest).
    @discardableResult
    public func write(_ table: Table, to url: URL) throws -> String {
        let file = try PlainFile.Writer(url.path, named: url.lastPathComponent)
        var digest = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.flushAt + 64 * 1024)
        let flush: (inout [UInt8]) throws -> Void = { bytes in
            digest.update(bytes)
            try file.write(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        try write(table, into: &buffer, flush: flush)
        try flush(&buffer)
        return digest.finalize()
    }

    private static let flushAt = 1 << 20

    /// Appends the CSV bytes of the table to `buffer`, calling `flush` whenever it holds a megabyte or more.
    private func write(_ table: Table, into buffer: inout [UInt8], flush: (inout [UInt8]) throws -> Void) throws {
        if excelBOM { buffer += [0xEF, 0xBB, 0xBF] }
        for (index, column) in table.columns.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.appendField(Self.neutralize(column.name), to: &buffer)
        }
        buffer += [0x0D, 0x0A]
        try table.forEachRow { row in
            for (index, cell) in row.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                switch cell {
                case let .decimal(value) where index < table.columns.count && table.columns[index].scientific:
                    // Every digit, in one notation down the column.
                    Self.appendField(NumberText.scientific(value), to: &buffer)
                case .integer, .decimal, .date, .boolean, .empty: Self.appendField(cell.plainText, to: &buffer)
                case let .text(text), let .url(text): Self.appendField(Self.neutralize(text), to: &buffer)
                }
            }
            buffer += [0x0D, 0x0A]
            if buffer.count >= Self.flushAt { try flush(&buffer) }
        }
    }

    /// Appends a field's bytes, quoted (quotes doubled) when it holds a comma, a quote or a line break.
    private static func appendField(_ text: String, to buffer: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: needsQuotes) else {
            buffer += utf8
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in utf8 {
            buffer.append(byte)
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }

    /// Prefixes text that a spreadsheet would read as a formula with an apostrophe.
    ///
    /// Which beginnings run, tested with LibreOffice 7.4 headless (`soffice
    /// --convert-to fods` of a CSV, formulas evaluated on import; the test is
    /// SpreadsheetFormulaTests in Tests/ChanceryReportsTests):
    /// - `=1+1` runs (gives 2); `+`, `-` and `@` do not in LibreOffice but do in
    ///   Excel, so all four are prefixed, and so are a leading tab and carriage
    ///   return (OWASP's list);
    /// - ` =1+1` (ASCII spaces first, unquoted, as this writer leaves a field
    ///   without a comma, quote or line break) runs when the import trims spaces
    ///   (LibreOffice's "Trim spaces" option), so text whose first character
    ///   after leading spaces is one of the four is prefixed too;
    /// - full-width `＝＋－＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20), the small
    ///   `﹦` (U+FE66), and a zero-width or invisible character before `=`, `+`,
    ///   `-` or `@` (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD, U+200E),
    ///   a no-break or ideographic space (U+00A0, U+3000) before `=`: none runs,
    ///   with or without trimming; they stay text and are left alone. Excel could
    ///   not be tried here.
    public static func neutralize(_ text: String) -> String {
        let utf8 = text.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return text }
        switch utf8[start] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isPlainNumber(text[start...]) ? text : "'" + text
        default:
            return text
        }
    }

    /// "-5", "+3.25", "-0.5": a sign, digits, at most one point.
    static func isPlainNumber(_ text: some StringProtocol) -> Bool {
        var digits = 0, points = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "+" where index == 0, "-" where index == 0: continue
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
