import Foundation

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

extension TextTable {
    /// The width a table is fitted to: `COLUMNS` when it is a positive number, else the width of the terminal
    /// stdout is (`TIOCGWINSZ`), else `fallback` (stdout a file or a pipe: 100, a page one can read in a pager).
    static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment, fallback: Int = 100) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return columns
        }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }

    /// The table of `render(_:alignRight:)` fitted to `width` characters a line, each cell still on one line.
    ///
    /// A column is as wide as its widest cell (the header's included) until the table is too wide; then, in
    /// turn, the other columns narrow to their `preferred` widths (the widest first), the last column (a sentence)
    /// down to `minimums.last`, and the others down to their `minimums` (the widest first). A column whose
    /// minimum is at or above its width never narrows (dates). A cell cut short ends with "…". A table whose
    /// minimums add up to more than `width` is as narrow as they allow.
    static func fitted(_ rows: [[String]], width: Int, preferred: [Int] = [], minimums: [Int], alignRight: [Bool] = []) -> String {
        let rows = rows.map { $0.map { TerminalText.escaped($0, .line) } }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return render(rows, alignRight: alignRight) }
        var widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func bound(_ list: [Int], _ column: Int) -> Int { min(widths[column], max(1, column < list.count ? list[column] : widths[column])) }
        let floors = (0..<columns).map { bound(minimums, $0) }
        let soft = (0..<columns).map { max(floors[$0], bound(preferred, $0)) }
        var excess = widths.reduce(0, +) + 2 * (columns - 1) - width
        let last = columns - 1
        func narrowOthers(to limits: [Int]) {
            while excess > 0 {
                guard let column = (0..<last).filter({ widths[$0] > limits[$0] }).max(by: { widths[$0] < widths[$1] }) else { return }
                widths[column] -= 1
                excess -= 1
            }
        }
        narrowOthers(to: soft)
        let fromLast = min(max(excess, 0), widths[last] - floors[last])
        widths[last] -= fromLast
        excess -= fromLast
        narrowOthers(to: floors)
        let cut = rows.map { row in
            row.enumerated().map { column, cell in cell.count > widths[column] ? String(cell.prefix(max(0, widths[column] - 1))) + "…" : cell }
        }
        return render(cut, alignRight: alignRight)
    }
}
