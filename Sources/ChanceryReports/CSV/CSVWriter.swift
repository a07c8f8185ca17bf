import Foundation

/// Writes tables as CSV: RFC 4180, UTF-8, a header row, one row per line, CRLF line ends.
///
/// Archive text is untrusted: a text cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be a formula to Excel and LibreOffice
/// (CSV injection), so it is written with a leading apostrophe, which
/// spreadsheets show as text. Numbers are typed cells and are written as
/// numbers, negative ones included; a text cell that is a plain number
/// ("-5", "+3.2") is left alone, since it cannot run anything. Decimals are
/// written in their shortest round-trip form, so the same input gives the
/// same bytes.
public struct CSVWriter: Sendable {
    /// Start the file with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    public var excelBOM: Bool

    public init(excelBOM: Bool = false) {
        self.excelBOM = excelBOM
    }

    /// The table as CSV text.
    public func string(_ table: Table) throws -> String {
        var output = Data()
        try write(table) { output.append($0) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the table to a file, streaming its rows.
    public func write(_ table: Table, to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        try write(table) { chunk in
            buffer.append(chunk)
            if buffer.count >= 1 << 20 {
                // The throwing write: `write(_:)` traps on a full disk.
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    private func write(_ table: Table, _ emit: (Data) throws -> Void) throws {
        if excelBOM { try emit(Data([0xEF, 0xBB, 0xBF])) }
        try emit(Data(line(table.columns.map { Self.escape(Self.neutralize($0.name)) }).utf8))
        try table.forEachRow { row in
            try emit(Data(line(row.map(Self.field)).utf8))
        }
    }

    private func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// The CSV field of a cell.
    static func field(_ cell: Cell) -> String {
        switch cell {
        case .integer, .decimal, .date, .empty: escape(cell.plainText)
        case let .text(text), let .url(text): escape(neutralize(text))
        }
    }

    /// Prefixes text that a spreadsheet would read as a formula with an apostrophe.
    public static func neutralize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// "-5", "+3.25", "-0.5": a sign, digits, at most one point.
    static func isPlainNumber(_ text: String) -> Bool {
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

    /// Quotes a field when it holds a comma, a quote or a line break, doubling quotes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
