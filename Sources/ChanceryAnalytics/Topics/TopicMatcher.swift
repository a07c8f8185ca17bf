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
    /// A bit per ASCII three-byte prefix of a key above (zero-padded when shorter). A token without a hyphen
    /// whose first three bytes are ASCII and not among them has no candidate pattern, which is true of most
    /// tokens: they are passed over without a dictionary lookup.
    private var keyPrefixes = [UInt64](repeating: 0, count: (1 << 21) / 64)

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
        for key in [byClosedUp.keys, byFirstPart.keys, exactByFirstPart.keys, wildcardByPrefix.keys].joined() {
            if let code = Self.asciiPrefixCode(key) { keyPrefixes[code >> 6] |= 1 << UInt64(code & 63) }
        }
    }

    /// The first three bytes of a term packed seven bits each, or nil when one of them is not ASCII.
    @inline(__always)
    private static func asciiPrefixCode(_ term: String) -> Int? {
        var code = 0
        var shift = 0
        for byte in term.utf8.prefix(3) {
            guard byte < 0x80 else { return nil }
            code |= Int(byte) << shift
            shift += 7
        }
        return code
    }

    /// Whether a token with this term can have a candidate pattern at all (false only when surely not).
    @inline(__always)
    private func mayStartMatch(_ term: String) -> Bool {
        guard wildcardAnywhere.isEmpty, let code = Self.asciiPrefixCode(term), !term.utf8.contains(UInt8(ascii: "-")) else { return true }
        return keyPrefixes[code >> 6] & (1 << UInt64(code & 63)) != 0
    }

    /// The forms of each token a pattern is compared with.
    private struct TokenForms {
        var term: String
        /// Hyphen-separated pieces of a hyphenated term ("self-reliance"); nil for the many terms without a hyphen.
        var hyphenated: [String]?
        /// The pieces closed up ("selfreliance"); the term itself when it has no hyphen.
        var skeleton: String

        init(_ term: String) {
            self.term = term
            // Most terms have no hyphen: no splitting, no new strings, no array.
            guard term.utf8.contains(UInt8(ascii: "-")) else {
                hyphenated = nil
                skeleton = term
                return
            }
            let pieces = term.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
            hyphenated = pieces.count > 1 ? pieces : nil
            skeleton = pieces.count > 1 ? pieces.joined() : term
        }

        var pieces: [String] { hyphenated ?? [term] }
        var firstPiece: String { hyphenated?[0] ?? term }
    }

    /// The patterns worth trying at a token with these forms, each once.
    private func candidates(for form: TokenForms) -> [Entry] {
        var entries: [Entry] = []
        func add(_ more: [Entry]?) {
            // Candidate lists are short: a linear check is cheaper than hashing.
            for entry in more ?? [] where !entries.contains(where: { $0 == entry }) { entries.append(entry) }
        }
        add(byClosedUp[form.skeleton])
        add(byFirstPart[form.firstPiece])
        if form.hyphenated != nil { add(byFirstPart[form.skeleton]) }
        add(exactByFirstPart[form.term])
        if !wildcardByPrefix.isEmpty {
            let termKey = String(form.term.prefix(Self.prefixKeyLength))
            add(wildcardByPrefix[termKey])
            if form.hyphenated != nil {
                for other in [form.firstPiece, form.skeleton] {
                    let key = String(other.prefix(Self.prefixKeyLength))
                    if key != termKey { add(wildcardByPrefix[key]) }
                }
            }
        }
        add(wildcardAnywhere)
        return entries
    }

    /// Candidate patterns per term, kept while a run of documents is matched (terms recur across documents).
    public struct CandidateCache: Sendable {
        fileprivate var entries: [String: [(topic: Int, pattern: Int)]] = [:]
        public init() {}
    }

    /// All matches in a document, overlaps within a topic resolved, ordered by position then topic.
    public func matches(in document: TokenizedDocument) -> [PatternMatch] {
        matches(in: document, terms: document.terms)
    }

    /// All matches, given the document's terms already computed (`document.terms`).
    public func matches(in document: TokenizedDocument, terms: [String]) -> [PatternMatch] {
        var cache = CandidateCache()
        return matches(in: document, terms: terms, cache: &cache)
    }

    /// All matches, reusing candidate lookups from earlier documents.
    public func matches(in document: TokenizedDocument, terms: [String], cache: inout CandidateCache) -> [PatternMatch] {
        // A token's forms are made where a pattern looks at it, not for every token: few tokens start a match.
        let tokens = document.tokens
        var found: [PatternMatch] = []
        for start in tokens.indices where allowed(tokens[start]) {
            guard mayStartMatch(terms[start]) else { continue }
            let form = TokenForms(terms[start])
            let entries: [Entry]
            if let cached = cache.entries[form.term] {
                entries = cached
            } else {
                entries = candidates(for: form)
                cache.entries[form.term] = entries
            }
            for entry in entries {
                if let end = match(lexicon.topics[entry.topic].patterns[entry.pattern], from: start, terms, tokens) {
                    found.append(PatternMatch(topic: entry.topic, pattern: entry.pattern, tokens: start..<end))
                }
            }
        }
        return Self.resolveOverlaps(found)
    }

    private func allowed(_ token: Token) -> Bool {
        editorial == .include || !token.isEditorial
    }

    /// End (exclusive) of the longest match of `pattern` starting at token `start`, or nil.
    private func match(_ pattern: LexiconPattern, from start: Int, _ terms: [String], _ tokens: [Token]) -> Int? {
        let parts = pattern.parts
        if pattern.isExact {
            var t = start
            for part in parts {
                guard usable(t, start, tokens), part.globMatches(terms[t]) else { return nil }
                t += 1
            }
            return t
        }
        return extend(pattern, 0, start, start, terms, tokens)
    }

    /// A token the match may use: in the sentence where it started, and allowed by the editorial policy.
    @inline(__always)
    private func usable(_ t: Int, _ start: Int, _ tokens: [Token]) -> Bool {
        t < tokens.count && tokens[t].sentence == tokens[start].sentence && allowed(tokens[t])
    }

    /// Parts j... of a pattern from token t: a token covers one or more whole parts, piece by piece or closed up.
    private func extend(_ pattern: LexiconPattern, _ j: Int, _ t: Int, _ start: Int, _ terms: [String], _ tokens: [Token]) -> Int? {
        let parts = pattern.parts
        if j == parts.count { return t }
        guard usable(t, start, tokens) else { return nil }
        let form = TokenForms(terms[t])
        var best: Int?
        let pieceCount = form.hyphenated?.count ?? 1
        if pieceCount <= parts.count - j {
            var aligned = true
            if let pieces = form.hyphenated {
                for (k, piece) in pieces.enumerated() where !parts[j + k].globMatches(piece) {
                    aligned = false
                    break
                }
            } else {
                aligned = parts[j].globMatches(form.term)
            }
            if aligned, let end = extend(pattern, j + pieceCount, t + 1, start, terms, tokens) { best = end }
        }
        if parts.count - j >= 2 {
            for r in 2...(parts.count - j) where !pattern.hasWildcards(in: j..<(j + r)) {
                if parts[j..<(j + r)].joined() == form.skeleton, let end = extend(pattern, j + r, t + 1, start, terms, tokens) {
                    best = max(best ?? end, end)
                }
            }
        }
        if parts.count - j == 1, pieceCount > 1, parts[j].globMatches(form.skeleton) || parts[j].globMatches(form.term),
           let end = extend(pattern, j + 1, t + 1, start, terms, tokens) {
            best = max(best ?? end, end)
        }
        return best
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
