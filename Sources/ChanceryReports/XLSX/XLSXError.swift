/// Why a workbook could not be written, with the file and, where there is one, the sheet and row.
///
/// Errors from libxlsxwriter keep its `lxw_error` value as the code and its
/// `lxw_strerror` text in the message; errors found by Chancery before the
/// library is called (a chart that names a missing column, a row with the
/// wrong number of cells) have codes of their own, from 1001.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure: an `lxw_error` value, or one of Chancery's own codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// A table the workbook cannot hold as given (a row with the wrong number of cells, too many columns).
        public static let invalidTable = Code(rawValue: 1001)
        /// A chart that names a table, sheet or column that is not there, or a column that holds no numbers.
        public static let invalidChart = Code(rawValue: 1002)
        /// A table's rows could not be produced: the table's own source threw.
        public static let rowsFailed = Code(rawValue: 1003)

        /// Whether the code is libxlsxwriter's `lxw_error` value.
        public var isLibraryError: Bool { rawValue < 1000 }

        public var description: String {
            switch self {
            case .invalidTable: "invalid table"
            case .invalidChart: "invalid chart"
            case .rowsFailed: "rows failed"
            default: "lxw_error \(rawValue)"
            }
        }
    }

    public var code: Code
    /// What happened, and for library errors `lxw_strerror`'s text.
    public var message: String
    /// The workbook being written.
    public var path: String
    /// The sheet being written, when the failure belongs to one.
    public var sheet: String?
    /// The 1-based sheet row (as Excel numbers rows), when the failure belongs to one.
    public var row: Int?

    public init(code: Code, message: String, path: String, sheet: String? = nil, row: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sheet = sheet
        self.row = row
    }

    /// `out/chancery.xlsx: sheet 'Terms', row 12: error: ... (lxw_error 2)`, as a compiler would put it.
    public var description: String {
        var place = path
        if let sheet { place += ": sheet '\(sheet)'" }
        if let row { place += sheet == nil ? ": row \(row)" : ", row \(row)" }
        return "\(place): error: \(message) (\(code))"
    }
}
