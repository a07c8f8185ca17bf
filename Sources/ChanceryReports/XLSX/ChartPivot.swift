import ChanceryCorpus

/// Long-layout rows (category, series, value) gathered into a grid for a chart.
///
/// Filled row by row while the table streams to its own sheet, so the table
/// is read once. Memory grows with categories × series, not with rows.
struct ChartPivot: Sendable {
    /// Table column indices.
    let category: Int
    let series: Int
    let value: Int
    let maxSeries: Int
    /// Rows whose category is not a number ("undated" beside years) are left out (`ChartSpec.numericCategoriesOnly`).
    let numericCategoriesOnly: Bool

    private(set) var categories: [Cell] = []
    private var categoryIndex: [Cell: Int] = [:]
    private(set) var seriesNames: [String] = []
    private var seriesIndex: [String: Int] = [:]
    private var sums: [Pair: Double] = [:]
    private var leftOut: Set<String> = []

    private struct Pair: Hashable, Sendable {
        let category: Int
        let series: Int
    }

    init(category: Int, series: Int, value: Int, maxSeries: Int = XLSXLimits.maxSeries, numericCategoriesOnly: Bool = false) {
        self.category = category
        self.series = series
        self.value = value
        self.maxSeries = maxSeries
        self.numericCategoriesOnly = numericCategoriesOnly
    }

    /// Series left out beyond Excel's 255 per chart.
    var leftOutSeries: Int { leftOut.count }

    mutating func add(_ row: [Cell]) {
        if numericCategoriesOnly {
            switch row[category] {
            case .integer: break
            case let .decimal(number) where number.isFinite: break
            default: return
            }
        }
        let name = row[series].plainText
        let seriesAt: Int
        if let known = seriesIndex[name] {
            seriesAt = known
        } else if seriesNames.count < maxSeries {
            seriesAt = seriesNames.count
            seriesIndex[name] = seriesAt
            seriesNames.append(name)
        } else {
            leftOut.insert(name)
            return
        }
        let key = row[category]
        let categoryAt: Int
        if let known = categoryIndex[key] {
            categoryAt = known
        } else {
            categoryAt = categories.count
            categoryIndex[key] = categoryAt
            categories.append(key)
        }
        let amount: Double
        switch row[value] {
        case let .integer(number): amount = Double(number)
        case let .decimal(number) where number.isFinite: amount = number
        default: return
        }
        sums[Pair(category: categoryAt, series: seriesAt), default: 0] += amount
    }

    /// The value of a category (by index) in a series, nil where the pair never occurred.
    func value(category: Int, series: Int) -> Double? {
        sums[Pair(category: category, series: series)]
    }

    /// Category indices in plotting order: ascending when every category is a
    /// number, or every one a date; otherwise the order they first appeared in.
    var orderedCategories: [Int] {
        let indices = Array(categories.indices)
        if let keys = sortKeys(numeric: true) ?? sortKeys(numeric: false) {
            return indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : keys[$0] < keys[$1] }
        }
        return indices
    }

    private func sortKeys(numeric: Bool) -> [SortKey]? {
        var keys: [SortKey] = []
        for cell in categories {
            switch (cell, numeric) {
            case let (.integer(number), true): keys.append(SortKey(number: Double(number), rank: 0))
            case let (.decimal(number), true): keys.append(SortKey(number: number.isNaN ? .infinity : number, rank: 0))
            case let (.date(date), false):
                keys.append(SortKey(number: Double(date.daysSinceEpoch), rank: DatePrecision.allCases.firstIndex(of: date.precision) ?? 0))
            case (.empty, _): keys.append(SortKey(number: .infinity, rank: Int.max))
            default: return nil
            }
        }
        return keys
    }

    private struct SortKey: Comparable {
        let number: Double
        let rank: Int
        static func < (lhs: Self, rhs: Self) -> Bool {
            lhs.number != rhs.number ? lhs.number < rhs.number : lhs.rank < rhs.rank
        }
    }
}
