import ChanceryCorpus

/// Where a lexicon pattern matched: a run of tokens of one sentence.
public struct PatternMatch: Sendable, Hashable {
    /// Index of the topic in the lexicon.
    public var topic: Int
    /// Index of the pattern within its topic.
    public var pattern: Int
    /// Token indices of the match in the tokenized document.
    public var tokens: Range<Int>
}

/// Finds a lexicon's patterns in documents.
///
/// Within one topic, a token is counted once: where two patterns of a topic
/// match overlapping tokens ("assist*" and "gratis assistance"), the match
/// that starts first wins, and at the same start the longer one. Different
/// topics may share tokens. A match never spans two sentences. With the
/// editorial policy `exclude`, tokens inside editorial brackets never match.
public struct TopicMatcher: Sendable {
    public let lexicon: Lexicon
    public let editorial: EditorialPolicy

    private typealias Entry = (topic: Int, pattern: Int)
    /// Non-exact patterns without wildcards, by their closed-up form: one token whose skeleton is this.
    private var byClosedUp: [String: [Entry]] = [:]
    /// Multi-part non-exact patterns without wildcards, by their first part and by closed-up prefixes of their parts.
    private var byFirstPart: [String: [Entry]] = [:]
    /// Exact patterns without a wildcard in their first part, by that part.
    private var exactByFirstPart: [String: [Entry]] = [:]
    /// Patterns with a wildcard in the first part, by the first `prefixKeyLength` characters of their literal
    /// prefix ("credit*" under "cre"); those with a shorter literal prefix are tried at every token.
    private var wildcardByPrefix: [String: [Entry]] = [:]
    private var wildcardAnywhere: [Entry] = []
    private static let prefixKeyLength = 3

    public init(lexicon: Lexicon, editorial: EditorialPolicy = .include) {
        self.lexicon = lexicon
        self.editorial = editorial
        for (t, topic) in lexicon.topics.enumerated() {
            for (p, pattern) in topic.patterns.enumerated() {
                let entry = (t, p)
                let first = pattern.parts[0]
                if first.contains("*") || first.contains("?") {
                    let literal = first.prefix { $0 != "*" && $0 != "?" }
                    if literal.count >= Self.prefixKeyLength {
                        wildcardByPrefix[String(literal.prefix(Self.prefixKeyLength)), default: []].append(entry)
                    } else {
                        wildcardAnywhere.append(entry)
                    }
                } else if pattern.isExact {
                    exactByFirstPart[first, default: []].append(entry)
                } else {
                    if !pattern.hasWildcards { byClosedUp[pattern.closedUp, default: []].append(entry) }
                    if pattern.parts.count > 1 {
                        byFirstPart[first, default: []].append(entry)
                        if !pattern.hasWildcards {
                            for r in 2..<pattern.parts.count {
                                byFirstPart[pattern.parts[0..<r].joined(), default: []].append(entry)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The forms of each token a pattern is compared with.
    private struct TokenForms {
        var term: String
        /// Hyphen-separated pieces; only hyphenated terms ("self-reliance") have more than one.
        var pieces: [String]
        /// The pieces closed up ("selfreliance"); the term itself when it has no hyphen.
        var skeleton: String

        init(_ term: String) {
            self.term = term
            // Most terms have no hyphen: no splitting, no new strings.
            guard term.utf8.contains(UInt8(ascii: "-")) else {
                pieces = [term]
                skeleton = term
                return
            }
            pieces = term.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
            if pieces.isEmpty { pieces = [term] }
            skeleton = pieces.count == 1 ? term : pieces.joined()
        }

        /// The first piece, without building the pieces array's element when there is one piece.
        var firstPiece: String { pieces[0] }
    }

    /// All matches in a document, overlaps within a topic resolved, ordered by position then topic.
    public func matches(in document: TokenizedDocument) -> [PatternMatch] {
        matches(in: document, terms: document.terms)
    }

    /// All matches, given the document's terms already computed (`document.terms`).
    public func matches(in document: TokenizedDocument, terms: [String]) -> [PatternMatch] {
        let forms = terms.map(TokenForms.init)
        let tokens = document.tokens
        var candidates: [PatternMatch] = []
        for start in tokens.indices where allowed(tokens[start]) {
            let form = forms[start]
            var tried: Set<Int> = []
            func attempt(_ entries: [Entry]?) {
                for entry in entries ?? [] {
                    let key = entry.topic << 20 | entry.pattern
                    guard tried.insert(key).inserted else { continue }
                    if let end = match(lexicon.topics[entry.topic].patterns[entry.pattern], from: start, forms, tokens) {
                        candidates.append(PatternMatch(topic: entry.topic, pattern: entry.pattern, tokens: start..<end))
                    }
                }
            }
            attempt(byClosedUp[form.skeleton])
            attempt(byFirstPart[form.firstPiece])
            attempt(byFirstPart[form.skeleton])
            attempt(exactByFirstPart[form.term])
            if !wildcardByPrefix.isEmpty {
                for key in Set([form.term, form.firstPiece, form.skeleton].map { String($0.prefix(Self.prefixKeyLength)) }) {
                    attempt(wildcardByPrefix[key])
                }
            }
            attempt(wildcardAnywhere)
        }
        return Self.resolveOverlaps(candidates)
    }

    private func allowed(_ token: Token) -> Bool {
        editorial == .include || !token.isEditorial
    }

    /// End (exclusive) of the longest match of `pattern` starting at token `start`, or nil.
    private func match(_ pattern: LexiconPattern, from start: Int, _ forms: [TokenForms], _ tokens: [Token]) -> Int? {
        let sentence = tokens[start].sentence
        let parts = pattern.parts
        func usable(_ t: Int) -> Bool { t < tokens.count && tokens[t].sentence == sentence && allowed(tokens[t]) }

        if pattern.isExact {
            var t = start
            for part in parts {
                guard usable(t), part.globMatches(forms[t].term) else { return nil }
                t += 1
            }
            return t
        }
        // Parts j..., from token t: a token covers one or more whole parts, piece by piece or closed up.
        func extend(_ j: Int, _ t: Int) -> Int? {
            if j == parts.count { return t }
            guard usable(t) else { return nil }
            let form = forms[t]
            var best: Int?
            let pieces = form.pieces
            if pieces.count <= parts.count - j,
               zip(pieces, parts[j..<(j + pieces.count)]).allSatisfy({ $1.globMatches($0) }),
               let end = extend(j + pieces.count, t + 1) {
                best = end
            }
            if parts.count - j >= 2 {
                for r in 2...(parts.count - j) where !parts[j..<(j + r)].contains(where: { $0.contains("*") || $0.contains("?") }) {
                    if parts[j..<(j + r)].joined() == form.skeleton, let end = extend(j + r, t + 1) {
                        best = max(best ?? end, end)
                    }
                }
            }
            if parts.count - j == 1, pieces.count > 1, parts[j].globMatches(form.skeleton) || parts[j].globMatches(form.term),
               let end = extend(j + 1, t + 1) {
                best = max(best ?? end, end)
            }
            return best
        }
        return extend(0, start)
    }

    /// The topics matched in each sentence, in lexicon order: what an event in that sentence is about.
    public func sentenceTopics(_ matches: [PatternMatch], in document: TokenizedDocument) -> [Int: [String]] {
        var topics: [Int: Set<Int>] = [:]
        for match in matches {
            topics[document.tokens[match.tokens.lowerBound].sentence, default: []].insert(match.topic)
        }
        return topics.mapValues { $0.sorted().map { lexicon.topics[$0].name } }
    }

    /// Within each topic, keeps the earliest (then longest) of overlapping matches.
    static func resolveOverlaps(_ candidates: [PatternMatch]) -> [PatternMatch] {
        let sorted = candidates.sorted { a, b in
            if a.topic != b.topic { return a.topic < b.topic }
            if a.tokens.lowerBound != b.tokens.lowerBound { return a.tokens.lowerBound < b.tokens.lowerBound }
            if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
            return a.pattern < b.pattern
        }
        var kept: [PatternMatch] = []
        var lastEnd: [Int: Int] = [:]
        for candidate in sorted where candidate.tokens.lowerBound >= lastEnd[candidate.topic, default: 0] {
            kept.append(candidate)
            lastEnd[candidate.topic] = candidate.tokens.upperBound
        }
        return kept.sorted { a, b in
            a.tokens.lowerBound != b.tokens.lowerBound ? a.tokens.lowerBound < b.tokens.lowerBound : a.topic < b.topic
        }
    }
}
