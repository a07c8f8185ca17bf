import ChanceryTestSupport
import Foundation
import Testing

/// `chancery timeline` run as a user would.
@Suite struct TimelineCommandTests {
    @Test func tableCSVAndJSONOnTheDemoCorpus() throws {
        let table = try ChanceryProcess.run(["timeline", "--top", "1000", TestData.demoCorpus.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("date"))
        #expect(table.stdout.contains("Cuban Missile Crisis"))

        let csv = try ChanceryProcess.run(["timeline", "--csv", TestData.demoCorpus.path])
        #expect(csv.status == 0)
        let header = csv.stdout.split(separator: "\r\n").first.map(String.init)
        #expect(header?.hasPrefix("date,date_precision,document_id,document_date,expression,resolution,sentence,actors,topics") == true)

        let json = try ChanceryProcess.run(["timeline", "--json", "--from", "1962-01", "--to", "1962-12", TestData.demoCorpus.path])
        #expect(json.status == 0)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { ($0["date"] as? String)?.hasPrefix("1962") == true })
        // `vague` is a JSON boolean, not the string "true"/"false" (issue 16); JSONSerialization reads it as a
        // CFBoolean, which a String cast refuses.
        #expect(events.allSatisfy { $0["vague"] is Bool && !($0["vague"] is String) })
        #expect(json.stdout.contains("\"vague\": false"))
    }

    @Test func actorAndTopicFilters() throws {
        let run = try ChanceryProcess.run(["timeline", "--csv", "--actor", "Pak Yong-su", TestData.demoCorpus.path])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("Pak Yong-su") })
        let topic = try ChanceryProcess.run(["timeline", "--csv", "--topic", "self-reliance", TestData.demoCorpus.path])
        #expect(topic.status == 0, "\(topic.stderr)")
        let topicRows = topic.stdout.split(separator: "\r\n").dropFirst()
        #expect(!topicRows.isEmpty)
        #expect(topicRows.allSatisfy { $0.contains("self-reliance") })
        let unknown = try ChanceryProcess.run(["timeline", "--topic", "no-such-topic", TestData.demoCorpus.path])
        #expect(unknown.status == 2)
    }

    @Test func impossibleDatesAreReportedOnStderr() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "A note\n\nWashington, March 2, 1962.\n\nThe minutes are dated 31 February 1962 in our copy.\n"
            .write(to: folder.appendingPathComponent("note.txt"), atomically: true, encoding: .utf8)
        let run = try ChanceryProcess.run(["timeline", "--csv", folder.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("note.txt (note): sentence 1: warning: date \"31 February 1962\" does not exist: February 1962 has 28 days, not 31"))
        #expect(!run.stdout.contains("1962-02-31"))
        #expect(!run.stdout.contains("1962-03-03"), "never rolled over")
    }

    @Test func aBadGazetteerIsAUsageError() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("events.yaml")
        try "events:\n  - name: A\n    date: 1962-13\n    aliases: [A]\n    source: s\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try ChanceryProcess.run(["timeline", "--gazetteer", file.path, TestData.demoCorpus.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("events.yaml:3:11: error: `date` \"1962-13\" is not an ISO 8601 date"))
    }
}
