/// Everything decided before the first byte is written: sheet names, column
/// layouts, which chart reads what and where it goes, and the memory mode.
///
/// Building the plan checks every chart against its table, so a chart that
/// names a missing column fails at once, not after a million rows.
struct WorkbookPlan: Sendable {
    struct Sheet: Sendable {
        let table: Table
        let name: String
        let layout: SheetLayout
        /// Sheet columns whose text a chart also caches (category labels).
        var chartTextColumns: Set<Int> = []
        /// Indices into `charts` of the long-layout charts this table feeds.
        var pivotCharts: [Int] = []
    }

    enum ChartData: Sendable {
        /// Wide layout: sheet columns on the source sheet.
        case columns(category: Int, values: [Int])
        /// Long layout: table columns, pivoted onto the `Chart data` sheet.
        case pivot(category: Int, series: Int, value: Int)
    }

    struct Chart: Sendable {
        let spec: ChartSpec
        /// Sheet index of the table plotted.
        let source: Int
        /// Sheet index of the sheet that shows the chart.
        let host: Int
        let data: ChartData
        /// Zero-based cell of the chart's top-left corner on the host sheet.
        let anchorRow: Int
        let anchorColumn: Int
        /// The category and value axis titles.
        let categoryAxis: String
        let valueAxis: String?
    }

    var sheets: [Sheet]
    var charts: [Chart]
    /// The name of the sheet holding pivoted chart data, when any chart needs one.
    let chartDataSheet: String?
    let constantMemory: Bool

    static let chartDataTitle = "Chart data"
    /// Rows a chart of `height` pixels covers at the default row height (20 px), plus a blank row.
    static func rowsCovered(height: Int) -> Int { (max(height, 20) + 19) / 20 + 1 }

    init(tables: [Table], charts specs: [ChartSpec], limits: XLSXLimits, path: String) throws(XLSXError) {
        func invalid(_ code: XLSXError.Code, _ message: String) -> XLSXError {
            XLSXError(code: code, message: message, path: path)
        }

        let needsChartData = specs.contains { if case .pivot = $0.series { true } else { false } }
        let names = SheetNames.assign(tables.map(\.title) + (needsChartData ? [Self.chartDataTitle] : []))
        var sheets: [Sheet] = []
        for (index, table) in tables.enumerated() {
            let layout = SheetLayout(table.columns)
            guard layout.count <= XLSXLimits.maxColumns else {
                throw invalid(.invalidTable, "table '\(table.name)' needs \(layout.count) columns (with the _iso columns beside its dates); an Excel sheet holds \(XLSXLimits.maxColumns)")
            }
            sheets.append(Sheet(table: table, name: names[index], layout: layout))
        }
        chartDataSheet = needsChartData ? names.last : nil
        // In the normal mode libxlsxwriter holds every cell until the file is closed: ten sheets of 90,000 rows
        // cost as much memory as one of 900,000, so the rows of all sheets count together.
        constantMemory = tables.contains { $0.rowCount == nil }
            || tables.reduce(0) { $0 + ($1.rowCount ?? 0) } > limits.constantMemoryAbove

        func sheetIndex(_ reference: String) -> Int? {
            tables.firstIndex { $0.title == reference } ?? tables.firstIndex { $0.name == reference }
        }

        var charts: [Chart] = []
        var rowsUsed: [Int: Int] = [:]  // host sheet → rows taken by its charts
        for spec in specs {
            let label = "chart '\(spec.title)'"
            guard let source = sheetIndex(spec.table) else {
                throw invalid(.invalidChart, "\(label) plots table '\(spec.table)', which is not among the tables (\(tables.map(\.title).joined(separator: ", ")))")
            }
            let table = tables[source]
            let layout = sheets[source].layout
            func column(_ name: String, numeric: Bool) throws(XLSXError) -> Int {
                guard let index = table.columnIndex(name) else {
                    throw invalid(.invalidChart, "\(label): table '\(table.title)' has no column '\(name)' (it has \(table.columns.map(\.name).joined(separator: ", ")))")
                }
                let kind = table.columns[index].kind
                guard !numeric || kind == .integer || kind == .decimal else {
                    throw invalid(.invalidChart, "\(label): column '\(name)' of table '\(table.title)' holds \(kind.rawValue), not numbers")
                }
                return index
            }
            if let rows = spec.firstRows, rows < 1 {
                throw invalid(.invalidChart, "\(label): firstRows is \(rows); plot at least 1 row, or pass nil for all")
            }
            guard spec.width > 0, spec.height > 0 else {
                throw invalid(.invalidChart, "\(label): size \(spec.width)×\(spec.height) px is empty")
            }
            let category = try column(spec.category, numeric: false)
            let data: ChartData
            let valueAxis: String?
            switch spec.series {
            case let .columns(values):
                guard (1...XLSXLimits.maxSeries).contains(values.count) else {
                    throw invalid(.invalidChart, "\(label) has \(values.count) value columns; an Excel chart takes 1 to \(XLSXLimits.maxSeries)")
                }
                var valueColumns: [Int] = []
                for name in values { valueColumns.append(layout.sheetColumn[try column(name, numeric: true)]) }
                // A date category is plotted by its ISO text: one kind of label, whatever became a date cell.
                let categoryColumn = layout.isoColumn[category] ?? layout.sheetColumn[category]
                data = .columns(category: categoryColumn, values: valueColumns)
                sheets[source].chartTextColumns.insert(categoryColumn)
                valueAxis = values.count == 1 ? values[0] : nil
            case let .pivot(seriesColumn, valueColumn):
                data = .pivot(category: category, series: try column(seriesColumn, numeric: false),
                              value: try column(valueColumn, numeric: true))
                sheets[source].pivotCharts.append(charts.count)
                valueAxis = valueColumn
            }
            let host: Int
            switch spec.placement {
            case .besideData: host = source
            case let .onSheet(reference):
                guard let index = sheetIndex(reference) else {
                    throw invalid(.invalidChart, "\(label) is placed on sheet '\(reference)', which is not among the tables (\(tables.map(\.title).joined(separator: ", ")))")
                }
                host = index
            }
            let row = 1 + rowsUsed[host, default: 0]
            rowsUsed[host, default: 0] += Self.rowsCovered(height: spec.height)
            charts.append(Chart(spec: spec, source: source, host: host, data: data,
                                anchorRow: row, anchorColumn: sheets[host].layout.count + 1,
                                categoryAxis: spec.category, valueAxis: valueAxis))
        }
        self.sheets = sheets
        self.charts = charts
    }
}
