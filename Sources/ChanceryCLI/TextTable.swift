/// A plain-text table with columns padded to their widest cell.
enum TextTable {
    /// The table; each cell on one line, its control characters shown escaped (``TerminalText``) before
    /// the columns are measured.
    static func render(_ rows: [[String]], alignRight: [Bool] = []) -> String {
        let rows = rows.map { $0.map { TerminalText.escaped($0, .line) } }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let right = column < alignRight.count && alignRight[column]
                return right ? padding + cell : (column == row.count - 1 ? cell : cell + padding)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
