import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics
@testable import ChanceryTime
@testable import ChanceryCorpus

/// Document dates recovered from the printed datelines of the FRUS dev volume, against the gold file.
@Suite(needsSharedCorpora) struct TemporalDatelineTests {
    struct Gold: Decodable {
        var id: String
        var date: String?
    }

    /// Only `metadata.dateline` (the printed text) is read: no TEI attribute. A dateline without a year
    /// ("Washington, October 16, 9:09 p.m.") takes the year nearest the previous document's recovered date.
    @Test func datelinesGiveTheGoldDateForAtLeast99Percent() throws {
        let goldURL = try TestData.shared("frus-dev/frus1961-63v22-part1.gold.jsonl")
        let gold = try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Gold.self, from: Data($0.utf8))
        }
        let corpus = try Corpus.load(try TestData.shared("frus-dev/frus1961-63v22-part1.xml").path)
        let tagger = TemporalTagger()
        var previous: HistoricalDate?
        var recovered: [String: String] = [:]
        for document in corpus.documents {
            guard let dateline = document.metadata.dateline else { continue }
            let date = tagger.datelineDate(dateline, previous: previous)
            if let date { previous = date }
            recovered[String(document.id.split(separator: "/").last ?? "")] = date?.iso
        }
        let wrong = gold.filter { recovered[$0.id] != $0.date }
        let share = Double(gold.count - wrong.count) / Double(gold.count)
        print(String(format: "FRUS dateline dates: %d of %d documents agree with the gold file (%.1f%%)", gold.count - wrong.count, gold.count, share * 100))
        #expect(share >= 0.99, "wrong: \(wrong.map { "\($0.id): \(recovered[$0.id] ?? "nil") vs \($0.date ?? "null")" })")
        // The year-less dateline is completed from its neighbour.
        #expect(recovered["d74"] == "1961-10-16")
    }

    @Test(arguments: [
        ("Washington, January 12, 1961, 8:40 p.m.", "1961-01-12"),
        ("Taipei, February 25, 1961, 9 p.m.", "1961-02-25"),
        ("Washington, February 3, 1961, 3:10-3:40 p.m.", "1961-02-03"),
        ("Hyannis Port, Massachusetts, August 5, 1961.", "1961-08-05"),
        ("Washington, March 14, 1961, 10:35 a.m.-12:15 p.m.", "1961-03-14"),
        ("Washington, October 16, 9:09 p.m.", "1961-10-16"),
        ("Moscow, 8 December 1862.", "1862-12-08"),
        ("Seoul, 3 March 2004", "2004-03-03"),
    ])
    func datelineForms(dateline: String, iso: String) throws {
        let previous = try HistoricalDate(year: 1961, month: 10, day: 14)
        #expect(TemporalTagger().datelineDate(dateline, previous: previous)?.iso == iso)
    }
}
