import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics
@testable import ChanceryTime
@testable import ChanceryCorpus

/// Every temporal expression of the seed cable (Hao Deqing, 8 December 1962), found and normalized.
///
/// The reasoning, expression by expression (the body is read from ../shared at run time):
/// 1. "7 December [1962]" opens the first sentence: day and month in the text, year in the
///    editor's bracket, so `editorial`, 1962-12-07. It opens the sentence, so the narration
///    of the conversation of 7 December starts here and lasts to the end of the body.
/// 2. "the party congresses in Bulgaria, Hungary, and Czechoslovakia": three congresses named
///    by country; read against 7 December 1962, each is the latest begun by then (Bulgarian
///    Eighth, 5 November; Hungarian Eighth, 20 November; Czechoslovak Twelfth, 4 December 1962).
///    The mention takes the earliest, 1962-11-05, resolution `event`.
/// 3. "yesterday" (Pak says he discussed the issue with Hao) is Pak's yesterday in the narrated
///    conversation: 1962-12-06, `narrative`.
/// 4. "today" (the cable from Ri Ju-yeon) and 5. "Today" ([he] would only say a few words):
///    the day of the conversation, 1962-12-07, `narrative`.
/// 6. "the Cuba issue", after "prior to": the Cuban Missile Crisis, 1962-10, `event`, modifier BEFORE.
/// 7. "the Cuban Missile Crisis" inside the translator's note: the same event, 1962-10, marked editorial.
/// 8. "fifty days" in "the negotiations have gone on for fifty days": a duration, P50D, running up
///    to the narrated 7 December, so it began 1962-10-18 (`narrative`).
/// 9. "Recently": vague, PAST_REF, before 7 December 1962 (`narrative`).
/// Not temporal expressions: "twice" (a count of events), "Afterwards", "At that point",
/// "at the beginning", "in the end", "Originally" (signals and discourse order, not times),
/// "the last paragraph" and "the second speech" ("last" and "second" of things, not times).
@Suite(needsSharedCorpora) struct TemporalSeedTests {
    static func seed() throws -> TokenizedDocument {
        let corpus = try Corpus.load(try TestData.shared("seed/000_194599ba3e5187bf.txt").path)
        return TokenizedDocument(try #require(corpus.documents.first))
    }

    struct Expected: Sendable, CustomStringConvertible {
        var text: String
        var value: String
        var kind: TemporalKind
        var resolution: TemporalResolution
        var modifier: DateModifier? = nil
        var editorial = false
        var description: String { text }
    }

    static let expected: [Expected] = [
        Expected(text: "7 December [1962]", value: "1962-12-07", kind: .date, resolution: .editorial),
        Expected(text: "the party congresses in Bulgaria, Hungary, and Czechoslovakia", value: "1962-11-05", kind: .date, resolution: .event),
        Expected(text: "yesterday", value: "1962-12-06", kind: .date, resolution: .narrative),
        Expected(text: "today", value: "1962-12-07", kind: .date, resolution: .narrative),
        Expected(text: "Today", value: "1962-12-07", kind: .date, resolution: .narrative),
        Expected(text: "the Cuba issue", value: "1962-10", kind: .date, resolution: .event, modifier: .before),
        Expected(text: "the Cuban Missile Crisis", value: "1962-10", kind: .date, resolution: .event, editorial: true),
        Expected(text: "fifty days", value: "P50D", kind: .duration, resolution: .narrative),
        Expected(text: "Recently", value: "PAST_REF", kind: .date, resolution: .narrative),
    ]

    @Test func everyExpressionIsFoundAndNormalized() throws {
        let seed = try Self.seed()
        let tagging = TemporalTagger().tag(seed)
        #expect(tagging.rejected.isEmpty)
        #expect(tagging.expressions.map(\.text) == Self.expected.map(\.text))
        for (found, expected) in zip(tagging.expressions, Self.expected) {
            #expect(found.value == expected.value, "\(expected)")
            #expect(found.kind == expected.kind, "\(expected)")
            #expect(found.resolution == expected.resolution, "\(expected)")
            #expect(found.modifier == expected.modifier, "\(expected)")
            #expect(found.isEditorial == expected.editorial, "\(expected)")
            // Non-destructive: the range maps back to the text as written.
            #expect(seed.document.text(at: found.range) == found.text)
        }
        let congresses = try #require(tagging.expressions.first { $0.text.hasPrefix("the party congresses") })
        #expect(congresses.events == [
            "Eighth Congress of the Bulgarian Communist Party",
            "Eighth Congress of the Hungarian Socialist Workers' Party",
            "Twelfth Congress of the Communist Party of Czechoslovakia",
        ])
        let fifty = try #require(tagging.expressions.first { $0.text == "fifty days" })
        #expect(fifty.impliedStart?.iso == "1962-10-18")
        #expect(fifty.date?.iso == "1962-12-07")
        #expect(tagging.expressions.first?.opensNarration == true)
    }

    @Test func eventsCarryTheSentenceActorsAndDocument() throws {
        let seed = try Self.seed()
        let events = EventBuilder(topics: { document, sentence in
            document.sentenceText(sentence).contains("Self-reliance") || document.sentenceText(sentence).contains("self-reliance") ? ["self-reliance"] : []
        }).events(seed)
        let own = try #require(events.first)
        #expect(own.resolution == .document)
        #expect(own.date.iso == "1962-12-08")
        #expect(own.expression == "December 8, 1962")
        #expect(events.count == 9, "the document, and one per sentence with a dated expression")
        let first = try #require(events.first { $0.expression == "7 December [1962]" })
        #expect(first.actors == ["Zhao Yimin", "Peace and Socialism", "Pak Geum-cheol", "Korean Workers' Party Central Committee"])
        #expect(first.sentenceIndex == 0)
        let yesterday = try #require(events.first { $0.expression == "yesterday" })
        #expect(yesterday.actors == ["Pak", "Hao Deqing"])
        let today = try #require(events.first { $0.expression == "today" })
        #expect(today.actors.contains("Ri Ju-yeon"))
        let cuba = try #require(events.first { $0.expression == "the Cuba issue" })
        #expect(cuba.actors.contains("Kim Il Sung"))
        #expect(cuba.actors.contains("Soviet Ambassador"))
        #expect(!cuba.actors.contains("Premier"))
        #expect(cuba.expressions.count == 2)
        let recently = try #require(events.first { $0.expression == "Recently" })
        #expect(recently.topics == ["self-reliance"])
        #expect(recently.isVague)
    }
}
