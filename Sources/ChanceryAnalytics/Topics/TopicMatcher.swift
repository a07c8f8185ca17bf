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
/// topics may share tokens. A match never spans two sentences, nor uses a
/// token the editorial policy leaves out (`EditorialPolicy`): by default the
/// words of a redaction notice, an elision or a note, with `exclude` every
/// bracket's words.
public struct TopicMatcher: Sendable {
    public let lexicon: Lexicon
    public let editorial: EditorialPolicy

    private typealias Entry = (topic: Int, pattern: Int)
    /// Non-exact patterns without wildcards, by their closed-up form: one token whose skeleton is this.
    private var byClosedUp: [String: [Entry]] = [:]
    /// Multi-part non-exact patterns, by their first part.
    private var byFirstPart: [String: [Entry]] = [:]
    /// Multi-part non-exact patterns, by each closed-up run of two or more of their first parts but not all, up to
    /// the first wildcard ("kimil" for "Kim Il Sung": a token that closes up those parts may start a match),
    /// under a hash of its bytes, with the number of parts. A run is as long as the words before it: keyed by the runs
    /// themselves, the keys of one pattern grew with the square of its length.
    private var byClosedUpRun: [UInt64: [(entry: Entry, parts: Int)]] = [:]
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
    /// Bytes of pattern text read to build the indexes above, for tests that bound the work.
    private(set) var indexBytes = 0

    public init(lexicon: Lexicon, editorial: EditorialPolicy = .insertions) {
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
                        indexClosedUpRuns(pattern, entry)
                    }
                }
            }
        }
        for key in [byClosedUp.keys, byFirstPart.keys, exactByFirstPart.keys, wildcardByPrefix.keys].joined() {
            indexBytes += key.utf8.count
            if let code = Self.asciiPrefixCode(key.utf8) { keyPrefixes[code >> 6] |= 1 << UInt64(code & 63) }
        }
    }

    /// Indexes the closed-up runs of parts 0..<r, 2 <= r < parts, of a pattern, as long as they hold no wildcard
    /// (a closed-up run never does): each run's hash continues the one before, so the pattern's bytes are read once.
    ///
    /// Before, only patterns without any wildcard were indexed so: "kimil" did not start `kim il sung*`.
    private mutating func indexClosedUpRuns(_ pattern: LexiconPattern, _ entry: Entry) {
        var hash = Self.hashSeed
        var hashed = 0
        for r in 2..<pattern.parts.count where !pattern.hasWildcards(in: 0..<r) {
            let end = pattern.partOffsets[r]
            hash = Self.hash(pattern.closedUpBytes[hashed..<end], from: hash)
            hashed = end
            byClosedUpRun[hash, default: []].append((entry, r))
            // The first three bytes of the run, for `keyPrefixes`: the same for every run once it is that long.
            if let code = Self.asciiPrefixCode(pattern.closedUpBytes[0..<end]) {
                keyPrefixes[code >> 6] |= 1 << UInt64(code & 63)
            }
        }
        indexBytes += hashed
    }

    /// A candidate as one integer, for a set of them.
    private static func key(_ entry: Entry) -> Int { entry.topic << 32 | entry.pattern }

    /// FNV-1a, 64 bits: a hash that can be continued byte by byte (and is the same in every run).
    private static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    private static func hash(_ bytes: some Sequence<UInt8>, from seed: UInt64 = hashSeed) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The first three bytes of a term packed seven bits each, or nil when one of them is not ASCII.
    @inline(__always)
    private static func asciiPrefixCode(_ term: some Collection<UInt8>) -> Int? {
        var code = 0
        var shift = 0
        for byte in term.prefix(3) {
            guard byte < 0x80 else { return nil }
            code |= Int(byte) << shift
            shift += 7
        }
        return code
    }

    /// Whether a token with this term can have a candidate pattern at all (false only when surely not).
    @inline(__always)
    private func mayStartMatch(_ term: String) -> Bool {
        guard wildcardAnywhere.isEmpty, let code = Self.asciiPrefixCode(term.utf8), !term.utf8.contains(UInt8(ascii: "-")) else { return true }
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
    private func candidates(for form: TokenForms, steps: inout Int) -> [Entry] {
        var entries: [Entry] = []
        // Candidate lists are short: a linear check for repeats is cheaper than hashing, up to a point; a
        // lexicon where many patterns share a word needs the set (each entry compared with every other is
        // quadratic in their number).
        var seen: Set<Int>?
        func add(_ more: some Collection<Entry>) {
            for entry in more {
                steps += 1
                if let set = seen {
                    if set.contains(Self.key(entry)) { continue }
                    seen!.insert(Self.key(entry))
                } else {
                    steps += entries.count
                    if entries.contains(where: { $0 == entry }) { continue }
                    if entries.count == 16 { seen = Set(entries.map(Self.key) + [Self.key(entry)]) }
                }
                entries.append(entry)
            }
        }
        func add(_ more: [Entry]?) { add(more ?? []) }
        /// Patterns whose first parts, closed up, are `key` (checked byte by byte: the index holds hashes).
        func addClosedUpRuns(_ key: String) {
            var key = key
            guard let runs = byClosedUpRun[Self.hash(key.utf8)] else { return }
            let matching = key.withUTF8 { bytes in
                runs.filter { lexicon.topics[$0.entry.topic].patterns[$0.entry.pattern].closedUpParts(from: 0, equal: bytes) == $0.parts }
            }
            steps += runs.count
            add(matching.map(\.entry))
        }
        add(byClosedUp[form.skeleton])
        add(byFirstPart[form.firstPiece])
        addClosedUpRuns(form.firstPiece)
        if form.hyphenated != nil {
            add(byFirstPart[form.skeleton])
            addClosedUpRuns(form.skeleton)
        }
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

    /// Candidate patterns per term, kept while a run of documents is matched (terms recur across documents):
    /// scratch state of the report's run, `package` like the tokenizer's byte kernels.
    package struct CandidateCache: Sendable {
        fileprivate var entries: [String: [(topic: Int, pattern: Int)]] = [:]
        package init() {}
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
    package func matches(in document: TokenizedDocument, terms: [String], cache: inout CandidateCache) -> [PatternMatch] {
        var steps = 0
        return matches(in: document, term: { terms[$0] }, cache: &cache, steps: &steps)
    }

    /// All matches, reusing candidate lookups from earlier documents, each token's term made where a pattern looks
    /// at it: a large document's terms, an array of strings, took three times the memory of its text.
    package func matches(in document: TokenizedDocument, cache: inout CandidateCache) -> [PatternMatch] {
        var body = document.document.body
        let tokens = document.tokens
        return body.withUTF8 { bytes in
            var steps = 0
            return matches(in: document, term: { Tokenizer.term(bytes, tokens[$0].range) }, cache: &cache, steps: &steps)
        }
    }

    /// `matches`, counting in `steps` the pattern parts and candidates looked at, for tests that bound the work.
    func matches(in document: TokenizedDocument, terms: [String], cache: inout CandidateCache, steps: inout Int) -> [PatternMatch] {
        matches(in: document, term: { terms[$0] }, cache: &cache, steps: &steps)
    }

    /// The matches, with token `k`'s term given by `term(k)`.
    private func matches(in document: TokenizedDocument, term: (Int) -> String, cache: inout CandidateCache, steps: inout Int) -> [PatternMatch] {
        // A token's forms are made where a pattern looks at it, not for every token: few tokens start a match.
        let tokens = document.tokens
        let filter = editorial.filter(document.document)
        var found: [PatternMatch] = []
        for start in tokens.indices where filter.counts(tokens[start]) {
            let startTerm = term(start)
            guard mayStartMatch(startTerm) else { continue }
            let form = TokenForms(startTerm)
            let entries: [Entry]
            if let cached = cache.entries[form.term] {
                entries = cached
            } else {
                entries = candidates(for: form, steps: &steps)
                cache.entries[form.term] = entries
            }
            for entry in entries {
                if let end = match(lexicon.topics[entry.topic].patterns[entry.pattern], from: start, term, tokens, filter, &steps) {
                    found.append(PatternMatch(topic: entry.topic, pattern: entry.pattern, tokens: start..<end))
                }
            }
        }
        return Self.resolveOverlaps(consume found)
    }

    /// End (exclusive) of the longest match of `pattern` starting at token `start`, or nil.
    private func match(_ pattern: LexiconPattern, from start: Int, _ term: (Int) -> String, _ tokens: [Token], _ filter: EditorialFilter,
                       _ steps: inout Int) -> Int? {
        let parts = pattern.parts
        if pattern.isExact {
            var t = start
            for part in parts {
                steps += 1
                guard usable(t, start, tokens, filter), part.globMatches(term(t)) else { return nil }
                t += 1
            }
            return t
        }
        return extend(pattern, from: start, term, tokens, filter, &steps)
    }

    /// A token the match may use: in the sentence where it started, and allowed by the editorial policy.
    @inline(__always)
    private func usable(_ t: Int, _ start: Int, _ tokens: [Token], _ filter: EditorialFilter) -> Bool {
        t < tokens.count && tokens[t].sentence == tokens[start].sentence && filter.counts(tokens[t])
    }

    /// End (exclusive) of the match of parts 0... of a non-exact pattern from token `start`: a token covers one or
    /// more whole parts, piece by piece ("self-reliance" for `self reliance`) or closed up ("selfreliance").
    ///
    /// The two ways never lead to different places: when a token's pieces match parts one by one and the same
    /// token closed up matches a run of parts, that run is the same parts (parts and pieces are never empty,
    /// and a run that is closed up holds no wildcard). So the match is one walk along the text, a step per
    /// token; trying both ways at every token, as before, took time exponential in the hyphenated words.
    private func extend(_ pattern: LexiconPattern, from start: Int, _ term: (Int) -> String, _ tokens: [Token], _ filter: EditorialFilter,
                        _ steps: inout Int) -> Int? {
        let parts = pattern.parts
        var j = 0, t = start
        while j < parts.count {
            steps += 1
            guard usable(t, start, tokens, filter) else { return nil }
            let form = TokenForms(term(t))
            let pieceCount = form.hyphenated?.count ?? 1
            // Piece by piece.
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
                steps += pieceCount
                if aligned {
                    j += pieceCount
                    t += 1
                    continue
                }
            }
            // Closed up: the one run of parts as long as the token.
            if parts.count - j >= 2 {
                var skeleton = form.skeleton
                if let r = skeleton.withUTF8({ pattern.closedUpParts(from: j, equal: $0) }) {
                    j += r
                    t += 1
                    continue
                }
            }
            // The last part may match a hyphenated token whole ("selfreliance" or "self-reliance" for `self*`).
            if parts.count - j == 1, pieceCount > 1, parts[j].globMatches(form.skeleton) || parts[j].globMatches(form.term) {
                return t + 1
            }
            return nil
        }
        return t
    }

    /// The topics matched in each sentence, in lexicon order: what an event in that sentence is about. A compact
    /// index, two 32-bit numbers a match: a dictionary of sets took a hundred bytes and more a sentence (a large
    /// document's was larger than its tokens).
    public func sentenceTopicIndex(_ matches: [PatternMatch], in document: TokenizedDocument) -> SentenceTopicIndex {
        var pairs = matches.map { (sentence: Int32(document.tokens[$0.tokens.lowerBound].sentence), topic: Int32($0.topic)) }
        // Matches come by position, so by sentence; sorted anyway when given otherwise.
        if !zip(pairs, pairs.dropFirst()).allSatisfy({ $0.sentence <= $1.sentence }) {
            pairs.sort { $0.sentence != $1.sentence ? $0.sentence < $1.sentence : $0.topic < $1.topic }
        }
        return SentenceTopicIndex(sentences: pairs.map(\.sentence), topics: pairs.map(\.topic), names: lexicon.topics.map(\.name))
    }

    /// Within each topic, keeps the earliest (then longest) of overlapping matches; sorted in place, so that a
    /// document dense in hits holds its candidates twice at most, not four times.
    static func resolveOverlaps(_ candidates: consuming [PatternMatch]) -> [PatternMatch] {
        candidates.sort { a, b in
            if a.topic != b.topic { return a.topic < b.topic }
            if a.tokens.lowerBound != b.tokens.lowerBound { return a.tokens.lowerBound < b.tokens.lowerBound }
            if a.tokens.count != b.tokens.count { return a.tokens.count > b.tokens.count }
            return a.pattern < b.pattern
        }
        var kept: [PatternMatch] = []
        var lastEnd: [Int: Int] = [:]
        for candidate in candidates where candidate.tokens.lowerBound >= lastEnd[candidate.topic, default: 0] {
            kept.append(candidate)
            lastEnd[candidate.topic] = candidate.tokens.upperBound
        }
        // The candidates go before the kept ones are sorted.
        candidates = []
        kept.sort { a, b in
            a.tokens.lowerBound != b.tokens.lowerBound ? a.tokens.lowerBound < b.tokens.lowerBound : a.topic < b.topic
        }
        return kept
    }
}

/// The topics matched in each sentence of a document, in lexicon order (`TopicMatcher.sentenceTopicIndex`).
public struct SentenceTopicIndex: Sendable {
    /// The sentence of each match, in order, and its topic.
    let sentences: [Int32]
    let topics: [Int32]
    let names: [String]

    /// The names of the topics matched in `sentence`, in lexicon order; empty when none.
    public func topics(of sentence: Int) -> [String] {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sentences[mid]) < sentence { low = mid + 1 } else { high = mid }
        }
        var found: [Int32] = []
        var k = low
        while k < sentences.count, Int(sentences[k]) == sentence {
            if !found.contains(topics[k]) { found.append(topics[k]) }
            k += 1
        }
        return found.sorted().map { names[Int($0)] }
    }
}
