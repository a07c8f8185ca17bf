import Testing

@testable import ChanceryCorpus

@Suite struct SentenceSplitterTests {
    static func sentences(_ text: String) -> [String] {
        SentenceSplitter.sentences(in: text).map { range in
            let utf8 = Array(text.utf8)
            return String(decoding: utf8[range], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("Mr. Pak spoke. Dr. Kim replied.", ["Mr. Pak spoke.", "Dr. Kim replied."]),
        ("The U.S. Government agreed. The Embassy did not.", ["The U.S. Government agreed.", "The Embassy did not."]),
        ("It was sent to the U.S. The reply came later.", ["It was sent to the U.S.", "The reply came later."]),
        ("Telegram No. 1197 arrived on Dec. 8. It was urgent.", ["Telegram No. 1197 arrived on Dec. 8.", "It was urgent."]),
        ("John S. Eisenhower cleared it. Then it went.", ["John S. Eisenhower cleared it.", "Then it went."]),
        ("Pak had no expression. [He] simply asked.", ["Pak had no expression.", "[He] simply asked."]),
        ("A point [trans. note—the crisis] was made. Next.", ["A point [trans. note—the crisis] was made.", "Next."]),
        ("(At this point, he chimed in about Prague.) Then Pak went on.", ["(At this point, he chimed in about Prague.)", "Then Pak went on."]),
        ("He said, “We agree.” The talks ended.", ["He said, “We agree.”", "The talks ended."]),
        ("Is it true? Yes! Good.", ["Is it true?", "Yes!", "Good."]),
        ("Ends at 5 p.m. and resumes.", ["Ends at 5 p.m. and resumes."]),
        ("First paragraph without stop\n\nSecond paragraph.", ["First paragraph without stop", "Second paragraph."]),
        ("He wrote: see pp. 747-749. Done.", ["He wrote: see pp. 747-749.", "Done."]),
        ("An unclosed [bracket here. New sentence.", ["An unclosed [bracket here.", "New sentence."]),
        ("Paragraph 310. Deliver the message.", ["Paragraph 310.", "Deliver the message."]),
    ])
    func splits(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }
}
