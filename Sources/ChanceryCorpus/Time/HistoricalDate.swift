/// How much of a date is known: a decade, a year, a month or a day.
///
/// Ordered from coarsest to finest, so `precision >= .month` reads as
/// "at least a month is known".
public enum DatePrecision: String, Sendable, Codable, Comparable, CaseIterable {
    case decade, year, month, day

    private var rank: Int {
        switch self {
        case .decade: 0
        case .year: 1
        case .month: 2
        case .day: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A date in the proleptic Gregorian calendar, known to a precision.
///
/// Historical dates are often partial ("December 1962", "1962", "the 1950s").
/// Nothing is padded: a year stays a year, and its ISO text is `1962`, not
/// `1962-01-01`. Years before 1900 (FRUS starts in 1861) and after 2000 are
/// ordinary values.
public struct HistoricalDate: Hashable, Sendable, Codable {
    // Stored in six bytes: a large corpus's events, KWIC lines and topic rows carry millions of dates.
    private let storedYear: Int16
    /// 0 when not known.
    private let storedMonth: UInt8
    /// 0 when not known.
    private let storedDay: UInt8
    public let precision: DatePrecision

    public var year: Int { Int(storedYear) }
    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

    /// Fields already checked (years 1–9999, months 1–12, days of the month).
    private init(checkedYear year: Int, month: Int?, day: Int?, precision: DatePrecision) {
        storedYear = Int16(year)
        storedMonth = UInt8(month ?? 0)
        storedDay = UInt8(day ?? 0)
        self.precision = precision
    }

    private enum CodingKeys: String, CodingKey { case year, month, day, precision }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let month = try container.decodeIfPresent(Int.self, forKey: .month)
        let day = try container.decodeIfPresent(Int.self, forKey: .day)
        let precision = try container.decode(DatePrecision.self, forKey: .precision)
        guard (1...9999).contains(year), (month.map { (1...12).contains($0) } ?? true), (day.map { (1...31).contains($0) } ?? true) else {
            throw DecodingError.dataCorruptedError(forKey: .year, in: container, debugDescription: "not a date: \(year)-\(month ?? 0)-\(day ?? 0)")
        }
        self.init(checkedYear: year, month: month, day: day, precision: precision)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encodeIfPresent(month, forKey: .month)
        try container.encodeIfPresent(day, forKey: .day)
        try container.encode(precision, forKey: .precision)
    }

    /// A day, checked against the calendar: 31 February throws.
    public init(year: Int, month: Int, day: Int) throws(DateError) {
        try Self.check(year: year, month: month)
        let last = Self.daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw DateError.dayOutOfRange(year: year, month: month, day: day, daysInMonth: last)
        }
        self.init(checkedYear: year, month: month, day: day, precision: .day)
    }

    /// A month of a year.
    public init(year: Int, month: Int) throws(DateError) {
        try Self.check(year: year, month: month)
        self.init(checkedYear: year, month: month, day: nil, precision: .month)
    }

    /// A whole year.
    public init(year: Int) throws(DateError) {
        try Self.check(year: year, month: 1)
        self.init(checkedYear: year, month: nil, day: nil, precision: .year)
    }

    /// A decade, named by its first year ("the 1950s" is `decade: 1950`).
    public init(decade: Int) throws(DateError) {
        guard decade % 10 == 0 else { throw DateError.notADecade(decade) }
        try Self.check(year: decade, month: 1)
        self.init(checkedYear: decade, month: nil, day: nil, precision: .decade)
    }

    /// Parses ISO 8601 text at any precision: `1962`, `1962-12`, `1962-12-08`, `196X` (decade).
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return nil }
        if parts.count == 1, parts[0].hasSuffix("X") {
            guard let decade = Int(parts[0].dropLast()), let date = try? HistoricalDate(decade: decade * 10) else { return nil }
            self = date
            return
        }
        guard parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) && !$0.isEmpty }),
              let year = Int(parts[0])
        else { return nil }
        let date: HistoricalDate?
        switch parts.count {
        case 1: date = try? HistoricalDate(year: year)
        case 2: date = parts[1].count == 2 ? Int(parts[1]).flatMap { try? HistoricalDate(year: year, month: $0) } : nil
        default:
            if parts[1].count == 2, parts[2].count == 2, let month = Int(parts[1]), let day = Int(parts[2]) {
                date = try? HistoricalDate(year: year, month: month, day: day)
            } else {
                date = nil
            }
        }
        guard let date else { return nil }
        self = date
    }

    /// ISO 8601 text at the date's precision; a decade is written `196X`.
    public var iso: String {
        let y = Self.pad(year, 4)
        switch precision {
        case .decade: return String(y.dropLast()) + "X"
        case .year: return y
        case .month: return "\(y)-\(Self.pad(month ?? 1, 2))"
        case .day: return "\(y)-\(Self.pad(month ?? 1, 2))-\(Self.pad(day ?? 1, 2))"
        }
    }

    /// The first day the date covers (1 January for a year, the 1st for a month).
    public var firstDay: HistoricalDate {
        // Every component was validated at construction, so the day exists.
        (try? HistoricalDate(year: year, month: month ?? 1, day: day ?? 1)) ?? self
    }

    /// The last day the date covers (31 December for a year, the month's last day for a month).
    public var lastDay: HistoricalDate {
        let lastYear = precision == .decade ? year + 9 : year
        let lastMonth = month ?? 12
        let lastDayOfMonth = day ?? Self.daysIn(month: lastMonth, year: lastYear)
        return (try? HistoricalDate(year: lastYear, month: lastMonth, day: lastDayOfMonth)) ?? self
    }

    /// Days since 1970-01-01 of the first day covered (negative before 1970).
    public var daysSinceEpoch: Int {
        Self.daysFromCivil(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The day that lies `days` after this day; a partial date counts from its first day.
    public func adding(days: Int) -> HistoricalDate {
        let (y, m, d) = Self.civilFromDays(daysSinceEpoch + days)
        return (try? HistoricalDate(year: y, month: m, day: d)) ?? self
    }

    /// The day of the week, 1 = Monday ... 7 = Sunday (ISO 8601), of the first day covered.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (daysSinceEpoch % 7 + 7) % 7
        return (offset + 3) % 7 + 1
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func check(year: Int, month: Int) throws(DateError) {
        guard (1...9999).contains(year) else { throw DateError.yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw DateError.monthOutOfRange(month) }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Howard Hinnant's days-from-civil algorithm, valid for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension HistoricalDate: Comparable {
    /// Chronological order of first days; at the same first day the coarser date comes first.
    ///
    /// So `1962` < `1962-12` < `1962-12-01` < `1962-12-02`: a month-precision
    /// event sorts before the days of that month.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let (l, r) = (lhs.daysSinceEpoch, rhs.daysSinceEpoch)
        if l != r { return l < r }
        return lhs.precision < rhs.precision
    }
}

extension HistoricalDate: CustomStringConvertible {
    public var description: String { iso }
}

/// Why a date does not exist.
public enum DateError: Error, Sendable, Equatable, CustomStringConvertible {
    case dayOutOfRange(year: Int, month: Int, day: Int, daysInMonth: Int)
    case monthOutOfRange(Int)
    case yearOutOfRange(Int)
    case notADecade(Int)

    public var description: String {
        switch self {
        case let .dayOutOfRange(year, month, day, days):
            "\(MonthNames.english[month - 1]) \(year) has \(days) days, not \(day)"
        case let .monthOutOfRange(month): "there is no month \(month)"
        case let .yearOutOfRange(year): "year \(year) is outside 1–9999"
        case let .notADecade(year): "\(year) does not start a decade"
        }
    }
}
