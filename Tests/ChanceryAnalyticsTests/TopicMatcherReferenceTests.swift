import Foundation
import ChanceryCorpus
import Testing

@testable import ChanceryAnalytics

/// The matcher against the way it used to match (issue 14, item 15): one walk along the text instead of every
/// way of covering the parts, and closed-up runs found by hash instead of by a key per run, must find the same
/// matches. The reference below tries every pattern at every token and every way at every step, as
/// TopicMatcher.extend did before; it is exponential, so the inputs are small.
@Suite struct TopicMatcherReferenceTests {
    static func reference(_ lexicon: Lexicon, _ document: TokenizedDocument) -> [PatternMatch] {
        let terms = document.terms, tokens = document.tokens
        func usable(_ t: Int, _ start: Int) -> Bool { t < tokens.count && tokens[t].sentence == tokens[start].sentence }
        func pieces(_ term: String) -> [String]? {
            let split = term.split(separator: "-").map(String.init)
            return term.contains("-") && split.count > 1 ? split : nil
        }
        func extend(_ parts: [String], _ wild: [Bool], _ j: Int, _ t: Int, _ start: Int) -> Int? {
            if j == parts.count { return t }
            guard usable(t, start) else { return nil }
            let term = terms[t], hyphenated = pieces(term), skeleton = hyphenated?.joined() ?? term
            var best: Int?
            let pieceCount = hyphenated?.count ?? 1
            if pieceCount <= parts.count - j {
                let aligned = hyphenated.map { $0.enumerated().allSatisfy { parts[j + $0.offset].globMatches($0.element) } } ?? parts[j].globMatches(term)
                if aligned, let end = extend(parts, wild, j + pieceCount, t + 1, start) { best = end }
            }
            if parts.count - j >= 2 {
                for r in 2...(parts.count - j) where !wild[j..<(j + r)].contains(true) {
                    if parts[j..<(j + r)].joined() == skeleton, let end = extend(parts, wild, j + r, t + 1, start) { best = max(best ?? end, end) }
                }
            }
            if parts.count - j == 1, pieceCount > 1, parts[j].globMatches(skeleton) || parts[j].globMatches(term),
               let end = extend(parts, wild, j + 1, t + 1, start) {
                best = max(best ?? end, end)
            }
            return best
        }
        var found: [PatternMatch] = []
        for start in tokens.indices {
            for (t, topic) in lexicon.topics.enumerated() {
                for (p, pattern) in topic.patterns.enumerated() {
                    let wild = pattern.parts.map { $0.contains("*") || $0.contains("?") }
                    let end: Int?
                    if pattern.isExact {
                        var k = start
                        for part in pattern.parts where usable(k, start) && part.globMatches(terms[k]) { k += 1 }
                        end = k - start == pattern.parts.count ? k : nil
                    } else {
                        end = extend(pattern.parts, wild, 0, start, start)
                    }
                    if let end { found.append(PatternMatch(topic: t, pattern: p, tokens: start..<end)) }
                }
            }
        }
        return TopicMatcher.resolveOverlaps(found)
    }

    /// Random texts and patterns over a few words and their hyphenated and closed-up forms.
    @Test func theMatcherFindsWhatEveryWayOfMatchingFinds() throws {
        var generator = SeededGenerator(seed: 14)
        let words = ["self", "reliance", "kim", "il", "sung", "aid", "ai", "d", "selfreliance", "kimil", "ilsung"]
        func word() -> String { words.randomElement(using: &generator)! }
        var matched = 0, multiToken = 0
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 4...14, using: &generator)).map { _ -> String in
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: return word() + "-" + word()
                case 1: return word() + "-" + word() + "-" + word()
                case 2: return word() + "."
                default: return word()
                }
            }.joined(separator: " ")
            let textWords = text.split(separator: " ").map { $0.filter { $0 != "." } }
            let patterns = try (0..<Int.random(in: 1...4, using: &generator)).map { _ -> LexiconPattern in
                // Half the patterns are a stretch of the text, its hyphens made spaces or kept, neighbours joined
                // by a hyphen or closed up: the ways a pattern matches its variants.
                if Bool.random(using: &generator) {
                    let start = Int.random(in: 0..<textWords.count, using: &generator)
                    let stretch = textWords[start..<min(textWords.count, start + Int.random(in: 1...3, using: &generator))]
                    var pattern = ""
                    for (k, word) in stretch.enumerated() {
                        if k > 0 { pattern += ["", " ", " ", "-"].randomElement(using: &generator)! }
                        var word = Bool.random(using: &generator) ? word : word.replacingOccurrences(of: "-", with: " ")
                        // A closed-up word of the text split into the parts it closes up.
                        if Bool.random(using: &generator) {
                            for (closed, open) in [("selfreliance", "self reliance"), ("kimil", "kim il"), ("ilsung", "il sung"), ("aid", "ai d")] {
                                word = word.replacingOccurrences(of: closed, with: open)
                            }
                        }
                        pattern += word
                    }
                    if Int.random(in: 0..<4, using: &generator) == 0, pattern.count > 2 { pattern = String(pattern.dropLast()) + "*" }
                    return try LexiconPattern(pattern)
                }
                var parts = (0..<Int.random(in: 1...4, using: &generator)).map { _ -> String in
                    switch Int.random(in: 0..<8, using: &generator) {
                    case 0: return word() + "-" + word()
                    case 1: return String(word().prefix(2)) + "*"
                    default: return word()
                    }
                }
                if Int.random(in: 0..<6, using: &generator) == 0 { parts[0] = "=" + parts[0] }
                return try LexiconPattern(parts.joined(separator: " "))
            }
            let lexicon = Lexicon(topics: [.init(name: "a", patterns: Array(patterns.prefix(2))), .init(name: "b", patterns: Array(patterns.dropFirst(2)))]
                .filter { !$0.patterns.isEmpty }, source: "test")
            let document = Toy.document("d", text)
            let found = TopicMatcher(lexicon: lexicon).matches(in: document)
            #expect(found == Self.reference(lexicon, document), "\(text) | \(patterns.map(\.source))")
            matched += found.count
            multiToken += found.count { $0.tokens.count > 1 }
        }
        // The cases are not trivial: many matches, many of several tokens.
        #expect(matched > 1_000 && multiToken > 300, "\(matched) matches, \(multiToken) of several tokens")
    }

    /// A pattern of more than 100 words is refused with its place in the lexicon, its start shown.
    @Test func aPatternTooLongIsRefusedWithItsPlace() {
        let pattern = (0..<101).map { "word\($0)" }.joined(separator: " ")
        let error = #expect(throws: LexiconError.self) { try Lexicon(yaml: "aid:\n  - aid\n  - \(pattern)\n", source: "long.yml") }
        #expect(error?.description == "long.yml:3:5: error: topic \"aid\": pattern \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9…\": "
            + "the pattern has 101 words and hyphenated pieces; a pattern may have at most 100 (a phrase that long is most likely pasted text: split it into the phrases to look for)")
        #expect(throws: Never.self) { try Lexicon(yaml: "aid:\n  - \((0..<100).map { "w\($0)" }.joined(separator: " "))\n", source: "ok.yml") }
    }
}

/// A small deterministic generator (SplitMix64), so the random cases are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
