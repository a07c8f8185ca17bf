import ChanceryCorpus

/// A topic's hits in one document (a row of `topics.csv`).
public struct TopicHitRow: Sendable, Hashable, Codable {
    public var documentID: String
    public var date: HistoricalDate?
    public var topic: String
    public var hits: Int
    /// Tokens counted in the document (under the editorial policy).
    public var tokens: Int
    /// Hits per 1,000 tokens.
    public var per1k: Double
    /// The matched words, lower-cased as written, with counts, most frequent first.
    public var matchedTerms: [MatchedTerm]

    public struct MatchedTerm: Sendable, Hashable, Codable {
        public var text: String
        public var count: Int
    }

    /// "self-reliance (2); self reliance (1)".
    public var matchedTermsText: String {
        matchedTerms.map { "\($0.text) (\($0.count))" }.joined(separator: "; ")
    }
}

/// A topic's hits in one period or group (a row of the per-period topic table).
public struct TopicPeriodRow: Sendable, Hashable, Codable {
    public var period: String
    public var topic: String
    public var documents: Int
    public var documentsWithHits: Int
    public var hits: Int
    public var tokens: Int
    public var per1k: Double
}

/// Topic hits of a lexicon over documents, per document and per period.
public struct TopicAnalysis: Sendable {
    public var lexicon: Lexicon
    public var editorial: EditorialPolicy
    /// Non-zero hits, documents in corpus order, topics in lexicon order.
    public var rows: [TopicHitRow]
    /// Every document (without its body) with its token count, for per-period totals (zeros included).
    public var documents: [(id: String, document: DocumentRecord, tokens: Int)]

    /// Topic results already computed elsewhere (document by document, in parallel).
    public init(lexicon: Lexicon, editorial: EditorialPolicy, rows: [TopicHitRow], documents: [(id: String, document: DocumentRecord, tokens: Int)]) {
        self.lexicon = lexicon
        self.editorial = editorial
        self.rows = rows
        self.documents = documents
    }

    /// Hit rows of one document from its matches; `tokens` is the document's count under the editorial policy.
    public static func rows(_ document: TokenizedDocument, _ matches: [PatternMatch], lexicon: Lexicon, editorial: EditorialPolicy) -> [TopicHitRow] {
        rows(document, matches, lexicon: lexicon, tokens: countedTokens(document, editorial))
    }

    /// Tokens counted under the editorial policy.
    public static func countedTokens(_ document: TokenizedDocument, _ editorial: EditorialPolicy) -> Int {
        let filter = editorial.filter(document.document)
        return filter.keepsEverything ? document.tokens.count : document.tokens.count { filter.counts($0) }
    }

    /// Matches each document; `onMatches` sees every document's matches (for KWIC lines) as they are found.
    public init(_ documents: [TokenizedDocument], lexicon: Lexicon, editorial: EditorialPolicy = .insertions,
                onMatches: (TokenizedDocument, [PatternMatch]) -> Void = { _, _ in }) {
        self.lexicon = lexicon
        self.editorial = editorial
        let matcher = TopicMatcher(lexicon: lexicon, editorial: editorial)
        var rows: [TopicHitRow] = []
        var summaries: [(String, DocumentRecord, Int)] = []
        for document in documents {
            let matches = matcher.matches(in: document)
            onMatches(document, matches)
            let tokens = Self.countedTokens(document, editorial)
            summaries.append((document.document.id, document.document.record, tokens))
            rows += Self.rows(document, matches, lexicon: lexicon, tokens: tokens)
        }
        self.rows = rows
        self.documents = summaries
    }

    static func rows(_ document: TokenizedDocument, _ matches: [PatternMatch], lexicon: Lexicon, tokens: Int) -> [TopicHitRow] {
        var byTopic: [Int: [String: Int]] = [:]
        for match in matches {
            byTopic[match.topic, default: [:]][matchedText(match, in: document), default: 0] += 1
        }
        return byTopic.keys.sorted().map { topic in
            let terms = byTopic[topic]!.map { TopicHitRow.MatchedTerm(text: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
            let hits = terms.reduce(0) { $0 + $1.count }
            return TopicHitRow(documentID: document.document.id, date: document.document.date?.value, topic: lexicon.topics[topic].name,
                               hits: hits, tokens: tokens, per1k: tokens > 0 ? Double(hits) / Double(tokens) * 1000 : 0, matchedTerms: terms)
        }
    }

    /// The matched words as written, lower-cased, whitespace collapsed ("gratis assistance").
    static func matchedText(_ match: PatternMatch, in document: TokenizedDocument) -> String {
        let first = document.tokens[match.tokens.lowerBound], last = document.tokens[match.tokens.upperBound - 1]
        return document.document.collapsedText(at: first.range.lowerBound..<last.range.upperBound).lowercased()
    }

    /// Hits per topic per group of documents (by year by default), every topic listed for every group.
    public func periods(by grouping: TermGrouping = .year) -> [TopicPeriodRow] {
        periods(by: grouping, of: documents)
    }

    /// `periods(by:)` over documents given apart (a caller that keeps its documents elsewhere need not copy them here).
    public func periods<Documents: Sequence>(by grouping: TermGrouping = .year, of documents: Documents) -> [TopicPeriodRow]
    where Documents.Element == (id: String, document: DocumentRecord, tokens: Int) {
        var documentsIn: [String: Int] = [:]
        var tokensIn: [String: Int] = [:]
        var labelOf: [String: String] = [:]
        for entry in documents {
            let label = grouping.label(of: entry.document)
            labelOf[entry.id] = label
            documentsIn[label, default: 0] += 1
            tokensIn[label, default: 0] += entry.tokens
        }
        var hits: [String: [String: (hits: Int, documents: Int)]] = [:]
        for row in rows {
            let label = labelOf[row.documentID] ?? "unknown"
            hits[label, default: [:]][row.topic, default: (0, 0)].hits += row.hits
            hits[label, default: [:]][row.topic, default: (0, 0)].documents += 1
        }
        let labels = documentsIn.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return labels.flatMap { label in
            lexicon.topics.map { topic in
                let found = hits[label]?[topic.name] ?? (0, 0)
                let tokens = tokensIn[label] ?? 0
                return TopicPeriodRow(period: label, topic: topic.name, documents: documentsIn[label] ?? 0, documentsWithHits: found.documents,
                                      hits: found.hits, tokens: tokens, per1k: tokens > 0 ? Double(found.hits) / Double(tokens) * 1000 : 0)
            }
        }
    }

    /// Documents with at least one hit of the topic or a topic nested under it.
    public func documents(withTopic topic: TopicKey) -> Set<String> {
        Set(rows.filter { topic.matches($0.topic) }.map(\.documentID))
    }
}
