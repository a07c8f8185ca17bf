/// A native Excel chart over one table's sheet: what to plot and where to put it.
///
/// The data stays in the cells: a chart's series are ranges into the sheet
/// (or, for long-layout data, into the `Chart data` sheet the writer adds),
/// so a reader who changes a number sees the chart change.
///
/// The report's three charts:
/// ```swift
/// ChartSpec(.column, title: "Documents per year", table: "Years",
///           category: "year", values: ["documents"])
/// ChartSpec(.column, title: "Topic hits per 1,000 tokens, by year", table: "Topics by year",
///           category: "year", seriesColumn: "topic", valueColumn: "per_1k", numericCategoriesOnly: true)
/// ChartSpec(.bar, title: "Top 20 terms", table: "Terms",
///           category: "term", values: ["count"], firstRows: 20)
/// ```
///
/// Years are categories, evenly spaced whatever the gap between them: a line would join 1887 straight to 1956,
/// so periods are drawn as columns. A bar chart names every bar (`tickLblSkip` 1).
public struct ChartSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Vertical bars: counts per period.
        case column
        /// Lines: trends over periods, one line per series.
        case line
        /// Horizontal bars, first row at the top: rankings such as top terms.
        case bar
    }

    /// Where the values come from.
    public enum Series: Sendable, Hashable {
        /// Wide layout: one series per named numeric column, named by the column.
        case columns([String])
        /// Long layout: one series per distinct value of `seriesColumn`, its values from `valueColumn`.
        ///
        /// The writer pivots the rows into a block on the `Chart data` sheet
        /// (categories down, one column per series; a category and series met
        /// twice are summed; a pair never met is left blank) and plots that
        /// block. Numeric and date categories are sorted; text categories keep
        /// the order they first appear in. At most 255 series (Excel's limit):
        /// later ones are left out, and the block says how many.
        case pivot(seriesColumn: String, valueColumn: String)
    }

    /// Which sheet shows the chart. Charts on one sheet are stacked top to
    /// bottom to the right of that sheet's data, one blank column away.
    public enum Placement: Sendable, Hashable {
        /// On the sheet of the table it plots.
        case besideData
        /// On the sheet of another table, named by its title or name (such as `Summary`).
        case onSheet(String)
    }

    /// How a line or bar treats a blank cell (a pair a pivot never met).
    public enum EmptyCells: Sendable, Hashable {
        case gap, zero, connect
    }

    public var kind: Kind
    /// The chart's title, shown as given (a leading `=` is not a formula).
    public var title: String
    /// The table plotted, by its title (the sheet name as given) or its `name`.
    public var table: String
    /// The column that gives the categories (years, terms). A date column is plotted by its ISO text.
    public var category: String
    public var series: Series
    /// Plot only the first rows (the top 20 of a sorted table); nil plots every row on the sheet.
    public var firstRows: Int?
    public var placement: Placement
    public var emptyCells: EmptyCells
    /// Long layout only: plot the rows whose category is a number (a year), leaving out the others ("undated").
    public var numericCategoriesOnly: Bool
    /// Size in pixels.
    public var width: Int
    public var height: Int

    /// A chart of one or more numeric columns (wide layout).
    public init(
        _ kind: Kind, title: String, table: String, category: String, values: [String],
        firstRows: Int? = nil, placement: Placement = .besideData, emptyCells: EmptyCells = .gap,
        width: Int = 720, height: Int = 360
    ) {
        self.init(kind, title: title, table: table, category: category, series: .columns(values),
                  firstRows: firstRows, placement: placement, emptyCells: emptyCells, width: width, height: height)
    }

    /// A chart with one series per value of `seriesColumn` (long layout, pivoted by the writer).
    public init(
        _ kind: Kind, title: String, table: String, category: String, seriesColumn: String, valueColumn: String,
        firstRows: Int? = nil, placement: Placement = .besideData, emptyCells: EmptyCells = .gap,
        numericCategoriesOnly: Bool = false, width: Int = 720, height: Int = 360
    ) {
        self.init(kind, title: title, table: table, category: category,
                  series: .pivot(seriesColumn: seriesColumn, valueColumn: valueColumn),
                  firstRows: firstRows, placement: placement, emptyCells: emptyCells, width: width, height: height)
        self.numericCategoriesOnly = numericCategoriesOnly
    }

    public init(
        _ kind: Kind, title: String, table: String, category: String, series: Series,
        firstRows: Int? = nil, placement: Placement = .besideData, emptyCells: EmptyCells = .gap,
        width: Int = 720, height: Int = 360
    ) {
        self.kind = kind
        self.title = title
        self.table = table
        self.category = category
        self.series = series
        self.firstRows = firstRows
        self.placement = placement
        self.emptyCells = emptyCells
        self.numericCategoriesOnly = false
        self.width = width
        self.height = height
    }
}
