extension HistoricalDate {
    /// The same precision moved by whole months: `1962-12` + 1 is `1963-01`; a day keeps its day, clamped to the month's end.
    package func adding(months: Int) -> HistoricalDate {
        let index = year * 12 + (month ?? 1) - 1 + months
        let (y, m) = (index / 12, index % 12 + 1)
        switch precision {
        case .day:
            let d = min(day ?? 1, HistoricalDate.daysIn(month: m, year: y))
            return (try? HistoricalDate(year: y, month: m, day: d)) ?? self
        case .month:
            return (try? HistoricalDate(year: y, month: m)) ?? self
        case .year, .decade:
            return adding(years: months / 12)
        }
    }

    /// The same precision moved by whole years (a decade moves by years too).
    package func adding(years: Int) -> HistoricalDate {
        let y = year + years
        switch precision {
        case .day:
            let d = min(day ?? 1, HistoricalDate.daysIn(month: month ?? 1, year: y))
            return (try? HistoricalDate(year: y, month: month ?? 1, day: d)) ?? self
        case .month: return (try? HistoricalDate(year: y, month: month ?? 1)) ?? self
        case .year: return (try? HistoricalDate(year: y)) ?? self
        case .decade: return (try? HistoricalDate(decade: y - y % 10)) ?? self
        }
    }

    /// The date cut to a coarser precision: `1962-12-08` at `.month` is `1962-12`.
    package func truncated(to precision: DatePrecision) -> HistoricalDate {
        guard precision < self.precision else { return self }
        switch precision {
        case .day: return self
        case .month: return (try? HistoricalDate(year: year, month: month ?? 1)) ?? self
        case .year: return (try? HistoricalDate(year: year)) ?? self
        case .decade: return (try? HistoricalDate(decade: year - year % 10)) ?? self
        }
    }

    /// The ISO 8601 week of the first day covered: week-numbering year and week (1–53).
    package var isoWeek: (year: Int, week: Int) {
        let day = firstDay
        // The week belongs to the year of its Thursday.
        let thursday = day.adding(days: 4 - day.isoWeekday)
        let firstOfYear = (try? HistoricalDate(year: thursday.year, month: 1, day: 1)) ?? thursday
        let week = (thursday.daysSinceEpoch - firstOfYear.daysSinceEpoch) / 7 + 1
        return (thursday.year, week)
    }

    /// TIMEX3 text of the ISO week holding this day: `1962-W48`.
    package var isoWeekText: String {
        let (y, w) = isoWeek
        return "\(y)-W\(w < 10 ? "0" : "")\(w)"
    }

    /// The month a week is filed under on a timeline: the month of its Thursday (the ISO week's own rule).
    package var monthOfWeek: HistoricalDate {
        let thursday = firstDay.adding(days: 4 - firstDay.isoWeekday)
        return thursday.truncated(to: .month)
    }

    /// Whole days between the first days of two dates (`other` minus `self`).
    package func days(to other: HistoricalDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }
}

/// Completing dates the text gives without a year ("7 December", "in March").
package enum YearCompletion {
    /// The year, among the reference's year and its neighbours, that puts `month`/`day` nearest the reference.
    ///
    /// "7 December" in a cable of 8 December 1962 is 1962-12-07; "28 December"
    /// in a cable of 3 January 1963 is 1962-12-28; "January" in a cable of 20
    /// December 1962 is 1963-01.
    package static func nearest(month: Int, day: Int?, to reference: HistoricalDate) -> Int {
        guard reference.precision >= .month else { return reference.year }
        var best = reference.year
        var bestDistance = Int.max
        for year in [reference.year, reference.year - 1, reference.year + 1] {
            let candidate: HistoricalDate?
            if let day {
                candidate = try? HistoricalDate(year: year, month: month, day: min(day, HistoricalDate.daysIn(month: month, year: year)))
            } else {
                candidate = try? HistoricalDate(year: year, month: month)
            }
            guard let candidate else { continue }
            let reference = reference.precision == .day || day == nil ? reference : reference.firstDay
            let distance = abs(reference.firstDay.days(to: candidate.firstDay))
            if distance < bestDistance {
                best = year
                bestDistance = distance
            }
        }
        return best
    }
}
