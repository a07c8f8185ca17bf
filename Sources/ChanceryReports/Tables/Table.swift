import ChanceryCorpus

/// What a column holds; writers choose a cell type and a format from it.
public enum ColumnKind: String, Sendable, Codable {
    /// Text, often from the archive: written as text, never as a formula.
    case text
    case integer
    case decimal
    /// A historical date at its precision, written as ISO 8601 text (and, in XLSX, as a date cell where that is faithful).
    case date
    /// A link, written as a hyperlink where the format has them.
    case url
    /// True or false: `true`/`false` in CSV and Markdown, a JSON boolean, an XLSX boolean cell.
    case boolean
}

/// A column: the name other people's scripts read, and its kind.
public struct Column: Sendable, Hashable {
    /// The public column name (`document_id`, `per_10k`): part of the output contract.
    public var name: String
    public var kind: ColumnKind
    /// Decimal places a writer shows for a `.decimal` column (the value itself is kept whole).
    public var decimals: Int
    /// Whether a `.decimal` column is shown in scientific notation, every value alike (p-values run from 0.04
    /// to 1e-169: in fixed notation most would read 0.000000).
    public var scientific: Bool
    /// Whether a spreadsheet shows the column's text against the right edge of its cells: a KWIC line's left
    /// context, so that the keywords beside it line up (CSV and Markdown have no alignment of cells).
    public var alignRight: Bool

    public init(_ name: String, _ kind: ColumnKind, decimals: Int = 4, scientific: Bool = false, alignRight: Bool = false) {
        self.name = name
        self.kind = kind
        self.decimals = decimals
        self.scientific = scientific
        self.alignRight = alignRight
    }
}

/// One value of a row.
public enum Cell: Sendable, Hashable {
    case empty
    case text(String)
    case integer(Int)
    case decimal(Double)
    case date(HistoricalDate)
    case url(String)
    case boolean(Bool)

    /// The cell as plain text: ISO dates, shortest round-trip decimals; what CSV and Markdown build on.
    public var plainText: String {
        switch self {
        case .empty: ""
        case let .text(text), let .url(text): text
        case let .integer(value): String(value)
        case let .decimal(value): value.isFinite ? String(value) : (value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf"))
        case let .date(date): date.iso
        case let .boolean(value): value ? "true" : "false"
        }
    }
}

/// A typed table: what every analysis renders to and every writer takes.
///
/// Rows are produced on demand, in order, so a writer can stream a table of
/// millions of rows without holding it; a table made from an array simply
/// replays the array. Producing rows twice gives the same rows.
public struct Table: Sendable {
    /// The machine name: the CSV file is `<name>.csv` (`document_terms`).
    public var name: String
    /// The human title: the XLSX sheet name (`Terms`), at most 31 characters.
    public var title: String
    public var columns: [Column]
    /// How many rows `forEachRow` will produce, when known in advance (writers use it to choose constant-memory mode).
    public var rowCount: Int?
    private let produce: @Sendable (_ sink: ([Cell]) throws -> Void) throws -> Void

    /// A table that streams its rows from `produce`, which calls its argument once per row.
    public init(
        name: String, title: String, columns: [Column], rowCount: Int? = nil,
        produce: @escaping @Sendable (_ sink: ([Cell]) throws -> Void) throws -> Void
    ) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rowCount = rowCount
        self.produce = produce
    }

    /// A table over rows already in memory.
    public init(name: String, title: String, columns: [Column], rows: [[Cell]]) {
        self.init(name: name, title: title, columns: columns, rowCount: rows.count) { sink in
            for row in rows { try sink(row) }
        }
    }

    /// A table whose rows are made from `items` one at a time, as a writer asks for them: the rows of a
    /// large table never all exist at once.
    public init<Item: Sendable>(name: String, title: String, columns: [Column], items: [Item], row: @escaping @Sendable (Item) -> [Cell]) {
        self.init(name: name, title: title, columns: columns, rowCount: items.count) { sink in
            for item in items { try sink(row(item)) }
        }
    }

    /// A table whose rows are made group by group (document k's keywords, then document k + 1's), one group at a
    /// time as a writer asks for them: `items(k)` gives the k-th of `groups` groups.
    public init<Item: Sendable>(name: String, title: String, columns: [Column], rowCount: Int? = nil, groups: Int,
                                items: @escaping @Sendable (Int) -> [Item], row: @escaping @Sendable (Item) -> [Cell]) {
        self.init(name: name, title: title, columns: columns, rowCount: rowCount) { sink in
            for group in 0..<groups {
                for item in items(group) { try sink(row(item)) }
            }
        }
    }

    /// Calls `body` with each row in order; each row has one cell per column.
    public func forEachRow(_ body: ([Cell]) throws -> Void) throws {
        try produce(body)
    }

    /// All rows in memory (for tests and small tables).
    public func allRows() throws -> [[Cell]] {
        var rows: [[Cell]] = []
        try forEachRow { rows.append($0) }
        return rows
    }

    /// Index of the column named `name`.
    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
