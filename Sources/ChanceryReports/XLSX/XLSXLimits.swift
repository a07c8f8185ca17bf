/// Excel's hard limits and the writer's thresholds, in one place.
///
/// The public writer always uses ``excel``; tests shrink the limits to reach
/// the row cut or the hyperlink cap without writing a million rows.
struct XLSXLimits: Sendable {
    /// Rows in one sheet, the header row included (Excel: 1,048,576).
    var maxRows = 1_048_576
    /// Hyperlinks in one sheet (Excel: 65,530); later URLs are written as plain text.
    var maxLinks = 65_530
    /// Above this many rows in all tables together (or when a table does not know its size)
    /// the whole workbook is written in constant-memory mode.
    var constantMemoryAbove = 100_000
    /// The widest a column is made, in characters.
    var maxColumnWidth = 60

    /// Columns in one sheet (Excel: 16,384).
    static let maxColumns = 16_384
    /// Series in one chart (Excel: 255).
    static let maxSeries = 255

    static let excel = XLSXLimits()
}
