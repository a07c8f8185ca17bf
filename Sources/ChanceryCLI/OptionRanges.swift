import ArgumentParser
import ChanceryCorpus
import ChanceryReports

/// The values numeric options accept, checked in `validate()` before anything is read: a value out of
/// range is refused with the range it should be in, never clamped or ignored.
enum OptionRanges {
    /// KWIC context, in tokens on each side (`kwic`, `topics --kwic`, `report`): 0 shows the match alone.
    /// A thousand tokens is pages of text around each hit; more would only make each line a document,
    /// and a window near Int.max overflowed the context's arithmetic (a crash, before this bound).
    static let kwicWindow = 0...1_000
    /// Collocation window, in tokens on each side (`terms --collocates`).
    static let collocationWindow = 1...1_000
    /// N-gram lengths (`--ngram`).
    static let ngram = 1...3

    /// Throws unless `value` lies in `range`, naming the option, the range and the value.
    static func check(_ name: String, _ value: Int, in range: ClosedRange<Int>, unit: String = "") throws {
        guard !range.contains(value) else { return }
        let unitText = unit.isEmpty ? "" : " (\(unit))"
        throw ValidationError("\(name) must be from \(NumberText.integer(range.lowerBound)) to \(NumberText.integer(range.upperBound))\(unitText), not \(value)")
    }

    /// Throws unless `value` is at least `minimum`.
    static func check(_ name: String, _ value: Int, atLeast minimum: Int) throws {
        guard value < minimum else { return }
        throw ValidationError("\(name) must be at least \(minimum), not \(value)")
    }

    /// `N`, `N-M` or `N..M` with 1 ≤ N ≤ M ≤ 3; anything else (a negative, an overflowing number,
    /// a reversed range, a stray character) is refused.
    static func ngramRange(_ text: String) throws -> ClosedRange<Int> {
        let parts: [Substring]
        if text.contains("..") {
            parts = text.split(separator: "..", omittingEmptySubsequences: false)
        } else {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
        }
        let numbers = parts.map { part in part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) ? Int(part) : nil }
        guard (1...2).contains(numbers.count), let low = numbers.first ?? nil, let high = numbers.last ?? nil,
              ngram.contains(low), ngram.contains(high), low <= high else {
            throw ValidationError("--ngram takes 1, 2 or 3 (words per n-gram) or a range of them such as 1-3, not \"\(text)\"")
        }
        return low...high
    }

    /// Whether a period holds no date: `from` starts after `to` ends (1963 to 1962; 1962-12-02 to
    /// 1962-12-01). 1962-12 to 1962 is not reversed: December 1962 lies in both.
    static func isReversed(from: HistoricalDate, to: HistoricalDate) -> Bool {
        from.firstDay > to.lastDay
    }

}
