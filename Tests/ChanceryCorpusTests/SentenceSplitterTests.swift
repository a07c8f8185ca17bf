import ChanceryTestSupport
import Foundation
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
        ("(U.N. doc. S/4968) It was adopted.", ["(U.N. doc. S/4968) It was adopted."]),
    ])
    func splits(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    /// A bracket holding a stop holds up to its closing mark and no further (it once held to the paragraph's end:
    /// the closer consumed with the stop's run was never counted).
    @Test(arguments: [
        ("We adjust (i.e. on bases, etc.) slowly. This is bad. The end came.",
         ["We adjust (i.e. on bases, etc.) slowly.", "This is bad.", "The end came."]),
        ("He was [denied?] the visa. This is bad. The end came.", ["He was [denied?] the visa.", "This is bad.", "The end came."]),
        ("Go (now!) or wait. We stay [or go?]. Then we eat.", ["Go (now!) or wait.", "We stay [or go?].", "Then we eat."]),
        ("A list (a. one, b. two) follows. It ends.", ["A list (a. one, b. two) follows.", "It ends."]),
        // A parenthesis of whole sentences splits inside.
        ("(He agreed. He then left. The end.) Then Pak went on.", ["(He agreed.", "He then left.", "The end.)", "Then Pak went on."]),
        ("They met. [Here follow two pages. They are in the Supplement.] It ended.",
         ["They met.", "[Here follow two pages.", "They are in the Supplement.]", "It ended."]),
    ])
    func bracketsHoldOnlyToTheirClose(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    /// An opener closed further than `maximumBracketBytes` on holds nothing: a stray parenthesis does not silence
    /// the sentences after it.
    @Test func aFarCloserHoldsNothing() {
        let rains = SentenceSplitter.maximumBracketBytes / 11 + 5
        let sentences = Self.sentences("A note (see below. " + String(repeating: "It rained. ", count: rains) + "So it ended) here. The end.")
        #expect(sentences.count == 1 + rains + 2)
        #expect(sentences.first == "A note (see below.")
        #expect(sentences.suffix(2) == ["So it ended) here.", "The end."])
        // Within reach, the same bracket holds.
        #expect(Self.sentences("A note (see below. It rained. So it ended) here. The end.") == ["A note (see below. It rained. So it ended) here.", "The end."])
    }

    /// Abbreviations after an opening quote, bracket or dash: `“Mr.` is `Mr.`.
    @Test(arguments: [
        "He said: “Mr. Ambassador, we agree.”", "He said: ‘Dr. Kim, we agree.’", "He said: \"Mr. Kim, we agree.\"",
        "He said: 'Gen. Kim, we agree.'", "He said [Mr. Kim agreed].", "He said (Amb. Kim agreed).", "He said—Mr. Kim agreed.",
    ])
    func abbreviationsAfterAnOpeningMark(_ text: String) {
        #expect(Self.sentences(text) == [text])
    }

    /// The work is linear in the paragraph however many brackets never close (finding a closer once looked to the
    /// paragraph's end from every opener).
    @Test func workIsLinearInUnclosedBrackets() {
        func steps(_ text: String) -> Int {
            var text = text
            var steps = 0
            _ = text.withUTF8 { SentenceSplitter.sentences(in: $0, steps: &steps) }
            return steps
        }
        for unit in ["(a. ", "[(b? ", "(((( ", "([ Z. "] {
            let small = steps(String(repeating: unit, count: 20_000)), large = steps(String(repeating: unit, count: 40_000))
            #expect(small > 0 && Double(large) <= 2.5 * Double(small), "\(unit): \(small) steps, then \(large)")
        }
    }

    static func realSentences() throws -> [(document: String, text: String)] {
        var result: [(document: String, text: String)] = []
        for folder in ["frus-dev", "frus-holdout-plain", "seed"] {
            let corpus = try Corpus.load(try TestData.shared(folder).path)
            for document in corpus.tokenizedDocuments() {
                for index in document.sentences.indices {
                    result.append((document.document.id, document.sentenceText(index).split(whereSeparator: \.isWhitespace).joined(separator: " ")))
                }
            }
        }
        return result
    }

    /// In the real documents no sentence runs on past a word's stop and a clear sentence opener outside any bracket
    /// (`... government. His remarks`): before the fix five did, each after a bracket that held a stop (a FRUS
    /// sentence of 59 words was four).
    @Test(needsSharedCorpora) func realSentencesDoNotRunOnAfterABracket() throws {
        let openers: Set<Substring> = ["The", "This", "These", "He", "She", "It", "We", "They", "His", "Her", "Our", "Their", "In", "On",
                                       "At", "As", "If", "When", "But", "However", "I"]
        var runOn: [String] = []
        for (document, text) in try Self.realSentences() {
            let words = text.split(separator: " ")
            var depth = 0
            for (index, word) in words.enumerated() {
                depth += word.count { $0 == "(" || $0 == "[" } - word.count { $0 == ")" || $0 == "]" }
                guard depth <= 0, index + 1 < words.count, openers.contains(words[index + 1]) else { continue }
                var bare = word
                while let last = bare.last, "\"”’)]".contains(last) { bare.removeLast() }
                guard let stop = bare.last, ".?!".contains(stop) else { continue }
                let stem = bare.dropLast()
                guard stem.count >= 2, stem.allSatisfy(\.isLetter), stem.dropFirst().allSatisfy(\.isLowercase),
                      !SentenceSplitter.abbreviations.contains(stem.lowercased()) else { continue }
                runOn.append("\(document): … \(word) \(words[index + 1]) …")
            }
        }
        #expect(runOn.isEmpty, "sentences run on: \(runOn)")
    }

    /// No real sentence ends at a title after an opening quote or bracket (`“Mr.` ended five sentences in frus-dev).
    @Test(needsSharedCorpora) func realSentencesDoNotEndAtAQuotedTitle() throws {
        let ended = try Self.realSentences().filter { _, text in
            guard let last = text.split(separator: " ").last, last.hasSuffix("."), let first = last.first,
                  "“‘\"'([".contains(first) else { return false }
            return SentenceSplitter.abbreviations.contains(last.dropFirst().dropLast().lowercased())
        }
        #expect(ended.isEmpty, "sentences ended at a quoted title: \(ended.map { "\($0.document): …\($0.text.suffix(30))" })")
    }
}
