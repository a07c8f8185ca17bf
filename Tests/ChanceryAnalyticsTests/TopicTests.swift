import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryAnalytics

@Suite struct TopicTests {
    static func lexicon(_ yaml: String) throws -> Lexicon { try Lexicon(yaml: yaml, source: "test.yml") }

    static var defaultLexicon: Lexicon {
        get throws { try Lexicon(contentsOf: TestData.packageRoot.appendingPathComponent("Corpora/lexicons/cold-war-cables.yml")) }
    }

    static func hits(_ lexicon: Lexicon, _ body: String, editorial: EditorialPolicy = .include) -> [String: [String]] {
        let document = Toy.document("t", body)
        var result: [String: [String]] = [:]
        for match in TopicMatcher(lexicon: lexicon, editorial: editorial).matches(in: document) {
            result[lexicon.topics[match.topic].name, default: []].append(TopicAnalysis.matchedText(match, in: document))
        }
        return result
    }

    @Test(arguments: [
        ("self-reliance", "Self-reliance matters.", ["self-reliance"]),
        ("self-reliance", "Self reliance matters.", ["self reliance"]),
        ("self-reliance", "Selfreliance matters.", ["selfreliance"]),
        ("Kim Il Sung", "Kim Il-sung said; Kim Ilsung said; Kim Il Sung said.", ["kim il-sung", "kim ilsung", "kim il sung"]),
        ("=Kim Il Sung", "Kim Il-sung said; Kim Il Sung said.", ["kim il sung"]),
        ("credit*", "Credits and credit, not accreditation.", ["credits", "credit"]),
        ("gratis assistance", "only gratis\nassistance", ["gratis assistance"]),
        ("our own path", "down our own path.", ["our own path"]),
        ("wom?n", "women and woman and womb", ["women", "woman"]),
        ("party congress*", "the Party Congresses in Sofia", ["party congresses"]),
    ])
    func patternsMatchTheirVariants(_ pattern: String, _ text: String, _ expected: [String]) throws {
        let lexicon = try Self.lexicon("topic:\n  - \"\(pattern)\"\n")
        #expect(Self.hits(lexicon, text)["topic"] ?? [] == expected)
    }

    @Test func phrasesDoNotCrossSentences() throws {
        let lexicon = try Self.lexicon("aid: [gratis assistance]")
        #expect(Self.hits(lexicon, "It was gratis. Assistance came later.").isEmpty)
    }

    @Test func aTokenMatchedByTwoEntriesOfOneTopicCountsOnce() throws {
        let lexicon = try Self.lexicon("aid: [assistance, assist*, gratis assistance]\nother: [assistance]")
        let hits = Self.hits(lexicon, "They gave gratis assistance and more assistance.")
        #expect(hits["aid"] == ["gratis assistance", "assistance"])
        #expect(hits["other"] == ["assistance", "assistance"])
    }

    @Test func editorialWordsCountOnlyWhenIncluded() throws {
        let lexicon = try Self.lexicon("aid: [aid]")
        #expect(Self.hits(lexicon, "They promised free [aid].")["aid"] == ["aid"])
        #expect(Self.hits(lexicon, "They promised free [aid].", editorial: .exclude).isEmpty)
    }

    @Test func nestedKeysBecomeDottedTopics() throws {
        let lexicon = try Self.lexicon("trade:\n  talks: [trade talks]\n  goods:\n    - barter\n")
        #expect(lexicon.topics.map(\.name) == ["trade.talks", "trade.goods"])
    }

    @Test(arguments: [
        ("aid:\n  - \"\"\n", "test.yml:2:5: error: topic \"aid\": pattern \"\": the pattern is empty"),
        ("aid:\n  - aid\n  - \"*\"\n", "test.yml:3:5: error: topic \"aid\": pattern \"*\": the pattern has no letters or digits: it would match every word"),
        ("aid:\n  - free (aid)\n", "test.yml:2:5: error: topic \"aid\": pattern \"free (aid)\": the character \"(\" never occurs inside a word, so the pattern could never match (split phrases with spaces; only * and ? are wildcards)"),
        ("aid: [aid\n", "test.yml:2:1: error: YAML syntax: while parsing a flow sequence did not find expected ',' or ']'"),
        ("- aid\n", "test.yml:1:1: error: a lexicon is a mapping from topic names to lists of patterns"),
        ("aid:\n  - [aid]\n", "test.yml:2:5: error: topic \"aid\": each pattern must be text, not a list or mapping"),
    ])
    func brokenLexiconsNameTheKeyPatternLineAndColumn(_ yaml: String, _ message: String) {
        let error = #expect(throws: LexiconError.self) { try Self.lexicon(yaml) }
        #expect(error?.description == message)
    }

    @Test func theDefaultLexiconHasTheRequiredTopics() throws {
        let names = Set(try Self.defaultLexicon.topics.map(\.name))
        #expect(names.isSuperset(of: ["self-reliance", "aid", "trade", "military", "ideological dispute", "party congress", "sovereignty"]))
    }

    @Test(needsSharedCorpora) func theDefaultLexiconFindsTheSeedsAidAndSelfReliance() throws {
        let corpus = try Corpus.load(try TestData.shared("seed").path)
        let lexicon = try Self.defaultLexicon
        let analysis = TopicAnalysis(corpus.tokenizedDocuments(), lexicon: lexicon)
        let aid = try #require(analysis.rows.first { $0.topic == "aid" })
        #expect(aid.matchedTerms.map(\.text).contains("gratis assistance"))
        let selfReliance = try #require(analysis.rows.first { $0.topic == "self-reliance" })
        #expect(selfReliance.matchedTerms.first { $0.text == "self-reliance" }?.count == 2)
        let excluded = TopicAnalysis(corpus.tokenizedDocuments(), lexicon: lexicon, editorial: .exclude)
        // "[aid]" and "[self-reliance]" stand inside editorial brackets.
        #expect(excluded.rows.first { $0.topic == "aid" }?.hits == aid.hits - 1)
        #expect(excluded.rows.first { $0.topic == "self-reliance" }?.hits == selfReliance.hits - 1)
        let periods = analysis.periods()
        #expect(periods.count == lexicon.topics.count)
        #expect(periods.allSatisfy { $0.period == "1962" })
    }

    @Test(needsSharedCorpora) func topicsRunOverTheWholeFRUSVolume() throws {
        let corpus = try Corpus.load(try TestData.shared("frus-dev").path)
        var seen = 0
        let analysis = TopicAnalysis(corpus.tokenizedDocuments(), lexicon: try Self.defaultLexicon) { _, _ in seen += 1 }
        #expect(seen == corpus.documents.count)
        #expect(analysis.documents.count == corpus.documents.count)
        #expect(analysis.rows.contains { $0.topic == "military" })
        #expect(analysis.rows.allSatisfy { $0.hits > 0 && $0.per1k > 0 && $0.per1k.isFinite })
    }

    @Test func theDemoCorpusShowsAidGivingWayToSelfReliance() throws {
        let corpus = try Corpus.load(TestData.demoCorpus.path)
        let periods = TopicAnalysis(corpus.tokenizedDocuments(), lexicon: try Self.defaultLexicon).periods()
        func hits(_ topic: String, _ years: ClosedRange<Int>) -> Int {
            periods.filter { $0.topic == topic && Int($0.period).map(years.contains) == true }.reduce(0) { $0 + $1.hits }
        }
        #expect(hits("aid", 1956...1960) > hits("self-reliance", 1956...1960))
        #expect(hits("self-reliance", 1963...1966) > hits("aid", 1963...1966) / 2)
    }
}

/// The rule for a topic named by a user, in one place (`TopicKey`): the topic and those nested under it, any case.
@Suite struct TopicKeyTests {
    @Test(arguments: [("economy", "economy", true), ("economy", "Economy.Aid", true), ("ECONOMY", "economy.aid.credits", true),
                      ("econ", "economy", false), ("economy", "economy-aid", false), ("economy.aid", "economy", false),
                      ("aid", "economy.aid", false)])
    func matches(_ key: String, _ topic: String, _ expected: Bool) {
        #expect(TopicKey(key).matches(topic) == expected)
    }
}

