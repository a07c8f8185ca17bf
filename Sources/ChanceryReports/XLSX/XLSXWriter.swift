internal import CXlsxWriter
import ChanceryCorpus
import Foundation

/// Writes typed tables as one XLSX workbook, through libxlsxwriter.
///
/// Each table becomes a sheet named by its title (mended to Excel's rules by
/// `SheetNames`): a bold, frozen header row, an autofilter over the data,
/// columns as wide as their content (measured over every row, at most 60
/// characters). Cells keep their kinds:
/// - `.text` is always a string cell, never a formula, whatever it starts with
///   (`=`, `+`, `-`, `@`, tab, CR): archive text is untrusted;
/// - `.integer` and `.decimal` are numbers, decimals shown to `column.decimals` (or as `0.00E+00` when the
///   column is `scientific`)
///   places (NaN, ±infinity and integers beyond 2^53, which Excel cannot hold
///   exactly, are written as their text);
/// - `.date` from 1900-03-01 on is a date cell formatted at its precision
///   (`yyyy-mm-dd`, `yyyy-mm`, `yyyy`); earlier dates and decades are ISO text,
///   because libxlsxwriter 1.1.4 writes pre-1900 serials that LibreOffice and
///   openpyxl read a day or two off. Every date column is followed by a
///   `<name>_iso` text column (`SheetLayout`);
/// - `.boolean` is a boolean cell (TRUE/FALSE);
/// - `.url` is a hyperlink when `LinkPolicy` allows it (http, https, mailto),
///   up to Excel's 65,530 links per sheet; otherwise plain text.
///
/// Memory: when the tables have more than 100,000 rows in all, or one does not
/// say how many, the workbook is written in libxlsxwriter's constant-memory mode
/// (each row goes to a temporary file as soon as the next one starts; 1M rows ×
/// 5 columns stay far under 50 MB). Column widths are still measured over all
/// rows: libxlsxwriter writes a sheet's column widths, autofilter and panes when
/// it assembles the file at close, so they can be set after the rows even in
/// that mode. A table longer than Excel's 1,048,576 rows is cut: the sheet's
/// last row says how many rows were left out.
///
/// Determinism: the same tables, charts and properties give the same bytes
/// (the creation date is fixed; libxlsxwriter dates the zip entries 1980-01-01).
///
/// The file is written at `url` and nowhere else; libxlsxwriter creates it
/// only when the workbook is closed, after every row has been written, so a
/// failure before then leaves no file. Writing to a temporary name and
/// renaming is the caller's part.
public enum XLSXWriter {
    /// Writes `tables` (one sheet each, in order) and `charts` to a new workbook at `url`.
    public static func write(
        tables: [Table], charts: [ChartSpec] = [], properties: WorkbookProperties = WorkbookProperties(), to url: URL
    ) throws(XLSXError) {
        try write(tables: tables, charts: charts, properties: properties, to: url, limits: .excel)
    }

    static func write(
        tables: [Table], charts: [ChartSpec], properties: WorkbookProperties, to url: URL, limits: XLSXLimits
    ) throws(XLSXError) {
        let path = url.path
        let plan = try WorkbookPlan(tables: tables, charts: charts, limits: limits, path: path)
        try checkDestination(url)

        var options = lxw_workbook_options()
        options.constant_memory = plan.constantMemory ? 1 : 0
        // Only a big workbook can pass zip's 4 GB limits; small ones stay plain zip for every reader.
        options.use_zip64 = plan.constantMemory ? 1 : 0
        guard let workbook = workbook_new_opt(path, &options) else {
            throw XLSXError(library: LXW_ERROR_CREATING_XLSX_FILE,
                            "libxlsxwriter could not start the workbook (no file, no temporary file, or no memory)", path: path)
        }
        var closed = false
        defer { if !closed { lxw_workbook_free(workbook) } }

        let builder = WorkbookBuilder(workbook: workbook, plan: plan, path: path, limits: limits)
        try builder.build(properties: properties)

        closed = true  // workbook_close frees the workbook whatever it returns
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw XLSXError(library: status, "the workbook could not be saved", path: path)
        }
    }

    /// Fails early, before any row is written, when the file cannot be created.
    private static func checkDestination(_ url: URL) throws(XLSXError) {
        func unwritable(_ reason: String) -> XLSXError {
            XLSXError(library: LXW_ERROR_CREATING_XLSX_FILE, "cannot create the workbook: \(reason)", path: url.path)
        }
        guard url.isFileURL else { throw unwritable("\(url.absoluteString) is not a file URL") }
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw unwritable("a folder has that name") }
            if !files.isWritableFile(atPath: url.path) { throw unwritable("the file exists and may not be overwritten") }
            return
        }
        let folder = url.deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw unwritable("there is no folder \(folder)")
        }
        guard files.isWritableFile(atPath: folder) else { throw unwritable("the folder \(folder) may not be written to") }
    }
}

extension XLSXError {
    /// An error from libxlsxwriter, with `lxw_strerror`'s text.
    init(library status: lxw_error, _ what: String, path: String, sheet: String? = nil, row: Int? = nil) {
        let text = lxw_strerror(status).map { String(cString: $0) } ?? "unknown libxlsxwriter error"
        self.init(code: Code(rawValue: Int(status.rawValue)), message: "\(what): \(text)", path: path, sheet: sheet, row: row)
    }
}

extension XLSXError.Code {
    /// The file could not be created (no such folder, no permission): `LXW_ERROR_CREATING_XLSX_FILE`.
    public static let creatingFile = Self(rawValue: Int(LXW_ERROR_CREATING_XLSX_FILE.rawValue))
    /// libxlsxwriter ran out of memory: `LXW_ERROR_MEMORY_MALLOC_FAILED`.
    public static let memory = Self(rawValue: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue))
    /// A temporary file for constant-memory mode could not be made: `LXW_ERROR_CREATING_TMPFILE`.
    public static let creatingTemporaryFile = Self(rawValue: Int(LXW_ERROR_CREATING_TMPFILE.rawValue))
}

private typealias Workbook = UnsafeMutablePointer<lxw_workbook>
private typealias Worksheet = UnsafeMutablePointer<lxw_worksheet>
private typealias Format = UnsafeMutablePointer<lxw_format>

/// One write call's workbook: its sheets, formats and charts, all local to that call.
private struct WorkbookBuilder {
    let workbook: Workbook
    let plan: WorkbookPlan
    let path: String
    let limits: XLSXLimits

    func build(properties: WorkbookProperties) throws(XLSXError) {
        try setProperties(properties)
        let decimals = Set(plan.sheets.flatMap { $0.table.columns.map { Formats.places($0.decimals) } })
        let formats = try Formats(workbook: workbook, decimals: decimals, path: path)

        var pivots: [Int: ChartPivot] = [:]
        for (index, chart) in plan.charts.enumerated() {
            if case let .pivot(category, series, value) = chart.data {
                pivots[index] = ChartPivot(category: category, series: series, value: value,
                                           numericCategoriesOnly: chart.spec.numericCategoriesOnly)
            }
        }

        var worksheets: [Worksheet] = []
        var lastDataRows: [Int] = []
        for sheet in plan.sheets {
            let worksheet = try addWorksheet(sheet.name)
            var writer = SheetWriter(worksheet: worksheet, sheet: sheet, formats: formats, limits: limits, path: path)
            lastDataRows.append(try writer.write(pivots: &pivots))
            worksheets.append(worksheet)
        }

        var blocks: [Int: PivotBlock] = [:]
        if let name = plan.chartDataSheet {
            let worksheet = try addWorksheet(name)
            var writer = ChartDataWriter(worksheet: worksheet, name: name, formats: formats, limits: limits, path: path)
            blocks = try writer.write(plan: plan, pivots: pivots)
        }

        for (index, chart) in plan.charts.enumerated() {
            try addChart(chart, index: index, worksheets: worksheets, lastDataRows: lastDataRows, blocks: blocks)
        }
    }

    private func addWorksheet(_ name: String) throws(XLSXError) -> Worksheet {
        if let worksheet = workbook_add_worksheet(workbook, name) { return worksheet }
        let status = workbook_validate_sheet_name(workbook, name)
        throw XLSXError(library: status == LXW_NO_ERROR ? LXW_ERROR_MEMORY_MALLOC_FAILED : status,
                        "sheet '\(name)' could not be added", path: path)
    }

    private func setProperties(_ properties: WorkbookProperties) throws(XLSXError) {
        // Properties go into XML parts that libxlsxwriter does not escape for control characters.
        func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
            text.isEmpty ? nil : strdup(CellText.xmlSafe(text))
        }
        let strings = [properties.title, properties.subject, properties.author, properties.comments, properties.keywords].map(copy)
        defer { strings.forEach { free($0) } }
        var fields = lxw_doc_properties()
        fields.title = strings[0]
        fields.subject = strings[1]
        fields.author = strings[2]
        fields.comments = strings[3]
        fields.keywords = strings[4]
        fields.created = time_t(properties.createdUnixTime)
        let status = workbook_set_properties(workbook, &fields)
        guard status == LXW_NO_ERROR else {
            throw XLSXError(library: status, "the workbook properties could not be set", path: path)
        }
    }

    private func addChart(
        _ chart: WorkbookPlan.Chart, index: Int, worksheets: [Worksheet], lastDataRows: [Int], blocks: [Int: PivotBlock]
    ) throws(XLSXError) {
        let spec = chart.spec
        let host = plan.sheets[chart.host].name
        func failed(_ status: lxw_error, _ what: String) -> XLSXError {
            XLSXError(library: status, "chart '\(spec.title)': \(what)", path: path, sheet: host)
        }
        let kind: lxw_chart_type = switch spec.kind {
        case .column: LXW_CHART_COLUMN
        case .line: LXW_CHART_LINE
        case .bar: LXW_CHART_BAR
        }
        guard let lxwChart = workbook_add_chart(workbook, UInt8(kind.rawValue)) else {
            throw failed(LXW_ERROR_MEMORY_MALLOC_FAILED, "libxlsxwriter could not add the chart")
        }

        // Ranges: (sheet, category column, value columns, name row, first and last data rows).
        let sheetName: String
        let categoryColumn: Int
        let valueColumns: [Int]
        let nameRow: Int
        let firstRow: Int
        var lastRow: Int
        switch chart.data {
        case let .columns(category, values):
            sheetName = plan.sheets[chart.source].name
            categoryColumn = category
            valueColumns = values
            nameRow = 0
            firstRow = 1
            lastRow = lastDataRows[chart.source]
        case .pivot:
            guard let block = blocks[index], let dataSheet = plan.chartDataSheet else {
                throw XLSXError(code: .invalidChart, message: "chart '\(spec.title)': its pivoted data was not written", path: path)
            }
            sheetName = dataSheet
            categoryColumn = 0
            valueColumns = Array(1...max(1, block.seriesCount))
            nameRow = block.headerRow
            firstRow = block.headerRow + 1
            lastRow = block.headerRow + block.categoryCount
        }
        if let rows = spec.firstRows { lastRow = min(lastRow, firstRow + rows - 1) }
        lastRow = max(lastRow, firstRow)  // no data: one blank row keeps the ranges valid

        for column in valueColumns {
            guard let series = chart_add_series(lxwChart, nil, nil) else {
                throw failed(LXW_ERROR_MEMORY_MALLOC_FAILED, "libxlsxwriter could not add a series")
            }
            chart_series_set_categories(series, sheetName, lxw_row_t(firstRow), lxw_col_t(categoryColumn),
                                        lxw_row_t(lastRow), lxw_col_t(categoryColumn))
            chart_series_set_values(series, sheetName, lxw_row_t(firstRow), lxw_col_t(column),
                                    lxw_row_t(lastRow), lxw_col_t(column))
            // The name comes from the header cell, so a name starting with "=" is never a formula.
            chart_series_set_name_range(series, sheetName, lxw_row_t(nameRow), lxw_col_t(column))
        }

        chart_title_set_name(lxwChart, Self.literal(spec.title))
        chart_legend_set_position(lxwChart, UInt8((valueColumns.count > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE).rawValue))
        let blanks: lxw_chart_blank = switch spec.emptyCells {
        case .gap: LXW_CHART_BLANKS_AS_GAP
        case .zero: LXW_CHART_BLANKS_AS_ZERO
        case .connect: LXW_CHART_BLANKS_AS_CONNECTED
        }
        chart_show_blanks_as(lxwChart, UInt8(blanks.rawValue))

        // libxlsxwriter's y_axis is a bar chart's category axis (drawn vertically).
        let categoryAxis = spec.kind == .bar ? lxwChart.pointee.y_axis : lxwChart.pointee.x_axis
        let valueAxis = spec.kind == .bar ? lxwChart.pointee.x_axis : lxwChart.pointee.y_axis
        if let categoryAxis {
            chart_axis_set_name(categoryAxis, Self.literal(chart.categoryAxis))
            if spec.kind == .bar {
                // A ranking reads from the top: first row first, value axis kept at the bottom.
                chart_axis_set_reverse(categoryAxis)
                chart_axis_set_crossing_max(categoryAxis)
                // Every bar is named (`tickLblSkip` 1): left to itself Excel names every other one of twenty.
                chart_axis_set_interval_unit(categoryAxis, 1)
            }
        }
        if let valueAxis, let name = chart.valueAxis {
            chart_axis_set_name(valueAxis, Self.literal(name))
        }

        var options = lxw_chart_options()
        options.x_scale = Double(spec.width) / 480
        options.y_scale = Double(spec.height) / 288
        let column = min(chart.anchorColumn, XLSXLimits.maxColumns - 1)
        let status = Self.literal(spec.title).withCString { description in
            options.description = UnsafeMutablePointer(mutating: description)
            return worksheet_insert_chart_opt(worksheets[chart.host], lxw_row_t(chart.anchorRow), lxw_col_t(column),
                                              lxwChart, &options)
        }
        guard status == LXW_NO_ERROR else { throw failed(status, "it could not be placed") }
    }

    /// Chart text as shown: libxlsxwriter reads a leading "=" as a cell reference, a space defuses it.
    static func literal(_ text: String) -> String {
        let safe = CellText.xmlSafe(text)
        return safe.hasPrefix("=") ? " " + safe : safe
    }
}

/// The cell formats of one workbook, made before any sheet.
private struct Formats {
    let header: Format
    let note: Format
    let day: Format
    let month: Format
    let year: Format
    let decimals: [Int: Format]
    /// `0.00E+00`, for a column in scientific notation.
    let scientific: Format
    /// Text against the right edge of its cell (`Column.alignRight`).
    let rightText: Format

    init(workbook: Workbook, decimals places: Set<Int>, path: String) throws(XLSXError) {
        func make(_ configure: (Format) -> Void) throws(XLSXError) -> Format {
            guard let format = workbook_add_format(workbook) else {
                throw XLSXError(library: LXW_ERROR_MEMORY_MALLOC_FAILED, "libxlsxwriter could not add a cell format", path: path)
            }
            configure(format)
            return format
        }
        header = try make { format_set_bold($0) }
        note = try make { format_set_italic($0) }
        day = try make { format_set_num_format($0, "yyyy-mm-dd") }
        month = try make { format_set_num_format($0, "yyyy-mm") }
        year = try make { format_set_num_format($0, "yyyy") }
        var decimals: [Int: Format] = [:]
        for count in places.sorted() {
            decimals[count] = try make { format_set_num_format($0, Self.numberFormat(places: count)) }
        }
        self.decimals = decimals
        scientific = try make { format_set_num_format($0, "0.00E+00") }
        rightText = try make { format_set_align($0, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
    }

    /// Decimal places Excel can show: 0 to 15.
    static func places(_ decimals: Int) -> Int { min(max(decimals, 0), 15) }

    /// `0`, `0.0`, `0.0000`: no thousands separator, so a copied value reads back as a number anywhere.
    static func numberFormat(places: Int) -> String {
        places == 0 ? "0" : "0." + String(repeating: "0", count: places)
    }

    func date(_ precision: DatePrecision) -> Format? {
        switch precision {
        case .day: day
        case .month: month
        case .year: year
        case .decade: nil
        }
    }
}

/// The first day written as a date cell: 1900-03-01, after Excel's phantom 29 February 1900.
private let firstDateCellDay = (try? HistoricalDate(year: 1900, month: 3, day: 1))?.daysSinceEpoch ?? -25_508

/// One worksheet's cell calls, each checked, its failure naming the sheet and row.
private struct SheetCells {
    let worksheet: Worksheet
    let name: String
    let path: String

    /// A string cell from text already made safe (``CellText/prepared(_:forChart:)``): never a formula.
    func string(_ text: String, row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
        try check(text.withCString { worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), $0, format) }, row: row)
    }

    func number(_ value: Double, row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
        try check(worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), value, format), row: row)
    }

    func boolean(_ value: Bool, row: Int, column: Int) throws(XLSXError) {
        try check(worksheet_write_boolean(worksheet, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, nil), row: row)
    }

    /// Column widths from the widest content, in characters: at least 4, at most `cap`, plus one for breathing room.
    func setWidths(_ widths: [Int], cap: Int) throws(XLSXError) {
        for (column, width) in widths.enumerated() {
            let characters = Double(min(max(width, 4), cap) + 1)
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), characters, nil), row: nil)
        }
    }

    /// Throws for a failed call; `row` is zero-based, as libxlsxwriter counts.
    func check(_ status: lxw_error, row: Int?) throws(XLSXError) {
        guard status != LXW_NO_ERROR else { return }
        throw XLSXError(library: status, "a cell could not be written", path: path, sheet: name, row: row.map { $0 + 1 })
    }
}

/// Writes one table's sheet, streaming its rows.
private struct SheetWriter {
    let cells: SheetCells
    let sheet: WorkbookPlan.Sheet
    let formats: Formats
    let limits: XLSXLimits
    /// Widest content per sheet column, in characters.
    private var widths: [Int]
    private let chartText: [Bool]
    private var links = 0

    init(worksheet: Worksheet, sheet: WorkbookPlan.Sheet, formats: Formats, limits: XLSXLimits, path: String) {
        cells = SheetCells(worksheet: worksheet, name: sheet.name, path: path)
        self.sheet = sheet
        self.formats = formats
        self.limits = limits
        // A header needs room for its filter button too.
        widths = sheet.layout.headers.map { CellText.displayWidth($0) + 3 }
        chartText = sheet.layout.headers.indices.map { sheet.chartTextColumns.contains($0) }
    }

    /// Writes the header and every row; returns the last data row written (0 when there is none).
    mutating func write(pivots: inout [Int: ChartPivot]) throws(XLSXError) -> Int {
        for (column, header) in sheet.layout.headers.enumerated() {
            try cells.string(CellText.prepared(header, forChart: true), row: 0, column: column, format: formats.header)
        }

        let lastRow = limits.maxRows - 1  // zero-based: the sheet's last row
        let table = sheet.table
        let columnCount = table.columns.count
        let pivotCharts = sheet.pivotCharts
        var produced = 0
        var held: [Cell]?
        do {
            try table.forEachRow { row in
                guard row.count == columnCount else {
                    throw XLSXError(code: .invalidTable,
                                    message: "row \(produced + 1) of table '\(table.name)' has \(row.count) cells for \(columnCount) columns",
                                    path: cells.path, sheet: sheet.name, row: produced + 2)
                }
                for index in pivotCharts { pivots[index]?.add(row) }
                produced += 1
                if produced < lastRow {
                    try writeRow(row, at: produced)
                } else if produced == lastRow {
                    held = row  // data if nothing follows; else this row carries the note
                } else {
                    held = nil
                }
            }
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError(code: .rowsFailed, message: "the rows of table '\(table.name)' could not be produced: \(error)",
                            path: cells.path, sheet: sheet.name, row: produced + 2)
        }

        if produced <= lastRow {
            if let held { try writeRow(held, at: lastRow) }
            try finish(lastDataRow: produced)
            return produced
        }
        // In constant-memory mode libxlsxwriter refuses an autofilter that ends above the
        // row being written, so the filter is set before the note row.
        let lastDataRow = lastRow - 1
        try finish(lastDataRow: lastDataRow)
        // Never fewer than 2 rows left out: the cut gives up the last data row to this note.
        let note = "\(Self.grouped(produced - lastDataRow)) more rows are not shown: an Excel sheet holds at most \(Self.grouped(limits.maxRows)) rows. \(table.name).csv has every row."
        try cells.string(CellText.prepared(note), row: lastRow, column: 0, format: formats.note)
        return lastDataRow
    }

    private mutating func writeRow(_ row: [Cell], at index: Int) throws(XLSXError) {
        for (position, cell) in row.enumerated() {
            if case .empty = cell { continue }
            try writeCell(cell, column: sheet.table.columns[position], row: index, at: sheet.layout.sheetColumn[position])
            if let iso = sheet.layout.isoColumn[position] {
                try writeText(cell.plainText, row: index, at: iso)
            }
        }
    }

    private mutating func writeCell(_ cell: Cell, column: Column, row: Int, at index: Int) throws(XLSXError) {
        switch cell {
        case .empty:
            return
        case let .text(text):
            try writeText(text, row: row, at: index, format: column.alignRight ? formats.rightText : nil)
        case let .integer(value):
            // A double holds every integer up to 2^53 exactly; beyond, the digits are kept as text.
            guard value.magnitude <= 1 << 53 else { return try writeText(String(value), row: row, at: index) }
            try cells.number(Double(value), row: row, column: index)
            widen(index, to: String(value).utf8.count)
        case let .decimal(value):
            guard value.isFinite else { return try writeText(cell.plainText, row: row, at: index) }
            if column.scientific {
                try cells.number(value, row: row, column: index, format: formats.scientific)
                return widen(index, to: 10)
            }
            let places = Formats.places(column.decimals)
            try cells.number(value, row: row, column: index, format: formats.decimals[places])
            let whole = String(Int(exactly: value.rounded(.towardZero)) ?? Int.max).utf8.count
            widen(index, to: whole + (places > 0 ? places + 1 : 0) + (value < 0 ? 1 : 0))
        case let .boolean(value):
            try cells.boolean(value, row: row, column: index)
            widen(index, to: value ? 4 : 5)
        case let .date(date):
            guard let format = formats.date(date.precision), date.daysSinceEpoch >= firstDateCellDay else {
                return try writeText(date.iso, row: row, at: index)
            }
            var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month ?? 1), day: Int32(date.day ?? 1),
                                     hour: 0, min: 0, sec: 0)
            try cells.check(worksheet_write_datetime(cells.worksheet, lxw_row_t(row), lxw_col_t(index), &value, format), row: row)
            widen(index, to: date.iso.count)
        case let .url(url):
            // Excel refuses URLs over 2,079 characters; escaping only lengthens them. The shown
            // text is the whole URL (libxlsxwriter alone would drop a leading "mailto:").
            if links < limits.maxLinks, url.utf8.count <= 2_079, LinkPolicy.isLinkable(url),
               worksheet_write_url_opt(cells.worksheet, lxw_row_t(row), lxw_col_t(index), url, nil, url, nil) == LXW_NO_ERROR {
                links += 1
                measure(url, at: index)
            } else {
                try writeText(url, row: row, at: index)
            }
        }
    }

    /// A string cell: never a formula, whatever the text starts with.
    private mutating func writeText(_ text: String, row: Int, at index: Int, format: Format? = nil) throws(XLSXError) {
        guard !text.isEmpty else { return }
        let safe = CellText.prepared(text, forChart: chartText[index])
        try cells.string(safe, row: row, column: index, format: format)
        measure(safe, at: index)
    }

    /// Widths, frozen header and autofilter.
    ///
    /// libxlsxwriter keeps these and writes them when it assembles the sheet at
    /// close, so even in constant-memory mode they may follow the rows, and the
    /// widths measured over every row (the autofilter must not end above the row
    /// being written, though: set it before the note row of a cut sheet).
    private func finish(lastDataRow: Int) throws(XLSXError) {
        guard !widths.isEmpty else { return }
        try cells.setWidths(widths, cap: limits.maxColumnWidth)
        worksheet_freeze_panes(cells.worksheet, 1, 0)
        try cells.check(worksheet_autofilter(cells.worksheet, 0, 0, lxw_row_t(lastDataRow), lxw_col_t(widths.count - 1)), row: nil)
    }

    private mutating func measure(_ text: String, at index: Int) {
        let known = widths[index]
        guard known < limits.maxColumnWidth, text.utf8.count > known else { return }
        widths[index] = max(known, CellText.displayWidth(text))
    }

    private mutating func widen(_ index: Int, to width: Int) {
        widths[index] = max(widths[index], width)
    }

    /// 1048576 → "1,048,576", the same on every machine (no locale).
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }
}

/// Where one long-layout chart's pivoted block sits on the `Chart data` sheet.
private struct PivotBlock {
    /// The row of the block's header (category name, then one series name per column).
    let headerRow: Int
    let categoryCount: Int
    let seriesCount: Int
}

/// Writes the `Chart data` sheet: one block per long-layout chart, top to bottom.
///
/// Each block: a title row naming the chart and its source sheet, a header
/// row (the category column's name, then one series name per column), one row
/// per category, a note when series were left out, a blank row.
private struct ChartDataWriter {
    let cells: SheetCells
    let formats: Formats
    let limits: XLSXLimits
    private var widths: [Int] = []

    init(worksheet: Worksheet, name: String, formats: Formats, limits: XLSXLimits, path: String) {
        cells = SheetCells(worksheet: worksheet, name: name, path: path)
        self.formats = formats
        self.limits = limits
    }

    mutating func write(plan: WorkbookPlan, pivots: [Int: ChartPivot]) throws(XLSXError) -> [Int: PivotBlock] {
        var blocks: [Int: PivotBlock] = [:]
        var row = 0
        for (index, chart) in plan.charts.enumerated() {
            guard let pivot = pivots[index] else { continue }
            let source = plan.sheets[chart.source]
            try text("\(chart.spec.title) (from sheet '\(source.name)')", row: row, column: 0, format: formats.header, measured: false)
            row += 1
            let header = row
            try text(source.table.columns[pivot.category].name, row: row, column: 0, format: formats.header)
            for (offset, series) in pivot.seriesNames.enumerated() {
                try text(series.isEmpty ? "(none)" : series, row: row, column: offset + 1, format: formats.header)
            }
            let order = pivot.orderedCategories
            for category in order {
                row += 1
                try categoryCell(pivot.categories[category], row: row)
                for series in pivot.seriesNames.indices {
                    guard let value = pivot.value(category: category, series: series) else { continue }
                    try cells.number(value, row: row, column: series + 1)
                    widen(series + 1, to: String(value).count)
                }
            }
            if pivot.leftOutSeries > 0 {
                row += 1
                try text("\(pivot.leftOutSeries) more series are not charted: an Excel chart holds at most \(XLSXLimits.maxSeries).",
                         row: row, column: 0, format: formats.note, measured: false)
            }
            blocks[index] = PivotBlock(headerRow: header, categoryCount: order.count, seriesCount: pivot.seriesNames.count)
            row += 2
        }
        try cells.setWidths(widths, cap: limits.maxColumnWidth)
        return blocks
    }

    /// A category label: numbers stay numbers, everything else (dates included) is its plain text.
    private mutating func categoryCell(_ cell: Cell, row: Int) throws(XLSXError) {
        switch cell {
        case let .integer(value) where value.magnitude <= 1 << 53:
            try cells.number(Double(value), row: row, column: 0)
            widen(0, to: String(value).count)
        case let .decimal(value) where value.isFinite:
            try cells.number(value, row: row, column: 0)
            widen(0, to: String(value).count)
        default:
            try text(cell.plainText, row: row, column: 0, format: nil)
        }
    }

    private mutating func text(_ text: String, row: Int, column: Int, format: Format?, measured: Bool = true) throws(XLSXError) {
        guard !text.isEmpty else { return }
        let safe = CellText.prepared(text, forChart: true)
        try cells.string(safe, row: row, column: column, format: format)
        if measured { widen(column, to: CellText.displayWidth(safe)) }
    }

    private mutating func widen(_ column: Int, to width: Int) {
        while widths.count <= column { widths.append(0) }
        widths[column] = max(widths[column], width)
    }
}
