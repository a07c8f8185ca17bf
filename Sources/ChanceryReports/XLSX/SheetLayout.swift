/// Where a table's columns land on its sheet.
///
/// Every `.date` column is followed by a text column `<name>_iso` holding the
/// ISO 8601 text (`1962-12-08`, `1962-12`, `1962`, `196X`), so each sheet sorts
/// by date whatever became a date cell and whatever stayed text (dates before
/// 1900-03-01, decades). A table that already has a column of that name keeps
/// its own and gets no second one.
struct SheetLayout: Sendable {
    /// The header of each sheet column.
    let headers: [String]
    /// The sheet column of each table column.
    let sheetColumn: [Int]
    /// The `_iso` sheet column of each table column, for date columns.
    let isoColumn: [Int?]

    init(_ columns: [Column]) {
        let names = Set(columns.map(\.name))
        var headers: [String] = []
        var sheetColumn: [Int] = []
        var isoColumn: [Int?] = []
        for column in columns {
            sheetColumn.append(headers.count)
            headers.append(column.name)
            let companion = column.name + "_iso"
            if column.kind == .date, !names.contains(companion) {
                isoColumn.append(headers.count)
                headers.append(companion)
            } else {
                isoColumn.append(nil)
            }
        }
        self.headers = headers
        self.sheetColumn = sheetColumn
        self.isoColumn = isoColumn
    }

    var count: Int { headers.count }
}
