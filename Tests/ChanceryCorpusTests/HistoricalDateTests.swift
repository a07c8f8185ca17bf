import Testing

@testable import ChanceryCorpus

@Suite struct HistoricalDateTests {
    @Test(arguments: [
        ("December 8, 1962", "1962-12-08"),
        ("Dec. 8, 1962", "1962-12-08"),
        ("8 December 1962", "1962-12-08"),
        ("8th Dec 1962", "1962-12-08"),
        ("December 1962", "1962-12"),
        ("1962", "1962"),
        ("ca. 1962", "1962"),
        ("1962-12-08", "1962-12-08"),
        ("1962-12", "1962-12"),
        ("the 1950s", "195X"),
        ("February 29, 1960", "1960-02-29"),
        ("February 29, 2000", "2000-02-29"),
        ("March 3, 1861", "1861-03-03"),
        ("January 1, 2024", "2024-01-01"),
    ])
    func parsesFields(_ field: String, _ iso: String) throws {
        let match = try #require(DateText.parse(field))
        #expect(try match.result.get().iso == iso)
    }

    @Test(arguments: [
        ("February 31, 1962", "February 1962 has 28 days, not 31"),
        ("February 29, 1900", "February 1900 has 28 days, not 29"),
        ("April 31, 1961", "April 1961 has 30 days, not 31"),
        ("1962-13-01", "there is no month 13"),
    ])
    func rejectsDatesThatDoNotExist(_ field: String, _ reason: String) throws {
        let match = try #require(DateText.parse(field))
        #expect(throws: DateError.self) { try match.result.get() }
        if case let .failure(error) = match.result { #expect(error.description == reason) }
    }

    @Test(arguments: ["not a date", "Urgent", "1197 received", "May we go"])
    func leavesNonDatesAlone(_ field: String) {
        #expect(DateText.parse(field) == nil)
    }

    @Test func findsTheDateInADateline() throws {
        let match = try #require(DateText.find(in: "Washington, January 11, 1958, 12:48 p.m."))
        #expect(match.text == "January 11, 1958")
        #expect(match.characterOffset == 12)
        #expect(try match.result.get().iso == "1958-01-11")
        // A telegram number is not a year unless bare years are asked for.
        #expect(DateText.find(in: "1479. Embtels 1703, 1704.") == nil)
    }

    @Test func ordersCoarserDatesBeforeTheDaysTheyContain() throws {
        let year = try HistoricalDate(year: 1962)
        let month = try HistoricalDate(year: 1962, month: 12)
        let first = try HistoricalDate(year: 1962, month: 12, day: 1)
        let eighth = try HistoricalDate(year: 1962, month: 12, day: 8)
        #expect([eighth, first, month, year].sorted() == [year, first, month, eighth].sorted())
        #expect([eighth, first, month, year].sorted() == [year, month, first, eighth])
        #expect(month.lastDay.iso == "1962-12-31")
        #expect(try HistoricalDate(decade: 1950).lastDay.iso == "1959-12-31")
    }

    @Test func countsDaysAcrossCenturiesInTheProlepticGregorianCalendar() throws {
        let start = try HistoricalDate(year: 1970, month: 1, day: 1)
        #expect(start.daysSinceEpoch == 0)
        #expect(try HistoricalDate(year: 1900, month: 3, day: 1).daysSinceEpoch == -25508)
        #expect(try HistoricalDate(year: 1962, month: 12, day: 8).adding(days: -1).iso == "1962-12-07")
        #expect(try HistoricalDate(year: 1900, month: 2, day: 28).adding(days: 1).iso == "1900-03-01")
        #expect(try HistoricalDate(year: 2000, month: 2, day: 28).adding(days: 1).iso == "2000-02-29")
        // 8 December 1962 was a Saturday; 4 July 1776 a Thursday.
        #expect(try HistoricalDate(year: 1962, month: 12, day: 8).isoWeekday == 6)
        #expect(try HistoricalDate(year: 1776, month: 7, day: 4).isoWeekday == 4)
        #expect(HistoricalDate(iso: "1962-12-08")?.precision == .day)
        #expect(HistoricalDate(iso: "1962-02-30") == nil)
        #expect(HistoricalDate(iso: "196X")?.precision == .decade)
    }
}
