import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryTime
@testable import ChanceryCorpus

@Suite struct GazetteerTests {
    @Test func theBuiltInGazetteerIsTheFileInCorpora() throws {
        let file = try String(contentsOf: TestData.packageRoot.appendingPathComponent("Corpora/gazetteer/events.yaml"), encoding: .utf8)
        #expect(BuiltInGazetteer.yaml + "\n" == file, "run python3 Corpora/gazetteer/embed.py after editing events.yaml")
        let gazetteer = EventGazetteer.builtIn
        #expect(gazetteer.events.count >= 30)
        #expect(gazetteer.events.allSatisfy { !$0.source.isEmpty })
        let cuba = try #require(gazetteer.events.first { $0.name == "Cuban Missile Crisis" })
        #expect(cuba.date.iso == "1962-10")
        #expect(cuba.start?.iso == "1962-10-16")
    }

    @Test func aUserFileAddsEvents() throws {
        let yaml = """
            events:
              - name: Chollima Movement
                date: 1958
                aliases: [Chollima Movement, Chollima campaign]
                source: "invented for this test"
            """
        let gazetteer = EventGazetteer.builtIn.merging(try EventGazetteer(yaml: yaml, file: "mine.yaml"))
        let tagging = TemporalTagger(gazetteer: gazetteer).tag("Output rose during the Chollima campaign.", documentDate: try HistoricalDate(year: 1960, month: 1))
        #expect(tagging.expressions.map(\.value) == ["1958"])
        #expect(tagging.expressions.first?.events == ["Chollima Movement"])
        #expect(tagging.expressions.first?.resolution == .event)
    }

    @Test(arguments: [
        ("events:\n  - name: A\n    date: 1962-02-31\n    aliases: [A]\n    source: s\n",
         "bad.yaml:3:11: error: date \"1962-02-31\" does not exist: February 1962 has 28 days, not 31"),
        ("events:\n  - name: A\n    date: 1962\n    alias: [A]\n    source: s\n",
         "bad.yaml:4:5: error: unknown field \"alias\"; the fields are aliases, country, date, end, identifiers, name, number, series, source, start"),
        ("events:\n  - name: A\n    date: 1962\n    aliases: [A]\n",
         "bad.yaml:2:5: error: event \"A\" needs a `source` saying where its dates come from"),
        ("events:\n  - name: A\n    date: 1962\n    aliases: [A\n",
         "bad.yaml:5:1: error: not valid YAML: did not find expected ',' or ']'"),
        ("- name: A\n", "bad.yaml:1:1: error: expected a mapping with an `events:` list at the top"),
    ])
    func errorsPointAtTheLineAndColumn(yaml: String, message: String) {
        #expect(throws: GazetteerError.self) { try EventGazetteer(yaml: yaml, file: "bad.yaml") }
        do {
            _ = try EventGazetteer(yaml: yaml, file: "bad.yaml")
        } catch {
            #expect(error.description == message)
        }
    }

    /// When events share an alias, the mention takes the latest begun by its reference date.
    @Test(arguments: [("1958-01-10", "1957-11-14"), ("1961-03-01", "1960-11-10"), ("1956-01-01", "1957-11-14")])
    func sharedAliasesArePickedByTheReferenceDate(documentDate: String, expected: String) throws {
        let tagging = TemporalTagger().tag("He quoted the Moscow Declaration and the Moscow Conference.", documentDate: HistoricalDate(iso: documentDate))
        #expect(tagging.expressions.last?.value == expected)
    }
}
