import ChanceryCorpus

/// Finds the people and organizations a sentence names.
///
/// Rules, written for translated cables:
/// - a name is a run of capitalized words separated only by spaces
///   ("Pak Geum-cheol", "Korean Workers' Party Central Committee");
///   "of" joins when the run so far ends in an institution word ("Ministry of
///   Foreign Affairs");
/// - titles ("Premier", "Ambassador", "Comrade", "Minister", "Vice Premier",
///   "Mr.") are dropped in front of a name ("Vice Premier Ri Ju-yeon" is
///   "Ri Ju-yeon") and kept when they are all there is ("the Soviet Ambassador"
///   is "Soviet Ambassador");
/// - an editor's resolution names the person: "the Premier [Kim Il Sung]" is
///   "Kim Il Sung", "me [Hao Deqing]" is "Hao Deqing", and "Hao [Deqing]"
///   completes the name to "Hao Deqing";
/// - a sentence's first word counts only when the document also capitalizes
///   it inside a sentence, or a capitalized word follows it (so "Pak then
///   talked" names Pak, "Afterwards, the ..." names no one);
/// - stopwords, months, weekdays, lone nationality adjectives ("Soviet" in
///   "Soviet side", "Korean-Soviet") and the words of temporal expressions are
///   not names.
struct ActorFinder {
    let document: TokenizedDocument
    /// Terms the document capitalizes somewhere other than a sentence's first word.
    private let namesInside: Set<String>

    init(_ document: TokenizedDocument) {
        self.document = document
        var names: Set<String> = []
        var body = document.document.body
        body.withUTF8 { bytes in
            var previousSentence = -1
            for token in document.tokens {
                defer { previousSentence = token.sentence }
                guard token.sentence == previousSentence, Self.isCapital(bytes[token.range.lowerBound]) else { continue }
                names.insert(Tokenizer.term(bytes, token.range))
            }
        }
        namesInside = names
    }

    static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The actors of sentence `index`, skipping tokens inside the given ranges (the temporal expressions).
    func actors(inSentence index: Int, excluding excluded: [Range<Int>]) -> [String] {
        var body = document.document.body
        let spans = document.document.editorialSpans
        return body.withUTF8 { bytes -> [String] in
            let sentence = document.sentences[index]
            let tokens = document.tokens.filter { $0.sentence == index }
            var actors: [String] = []
            var run: [Token] = []
            func text(_ token: Token) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self) }
            func flush() {
                defer { run.removeAll() }
                var words = run.map(text)
                while let first = words.first, Self.titles.contains(first.lowercased()), words.count > 1,
                      !words.dropFirst().allSatisfy({ Self.titles.contains($0.lowercased()) || Self.adjectives.contains($0.lowercased()) }) {
                    words.removeFirst()
                }
                guard !words.isEmpty else { return }
                if words.count == 1, Self.isAdjective(words[0]) { return }
                // A trailing adjective belongs to the noun after it ("North Korean military").
                if let last = words.last, Self.isAdjective(last), words.allSatisfy({ Self.isAdjective($0) || ["north", "south", "east", "west"].contains($0.lowercased()) }) { return }
                let name = words.joined(separator: " ")
                if !actors.contains(name) { actors.append(name) }
            }
            // A short quoted title of capitalized words is one name: "Peace and Socialism".
            var quoted: [Range<Int>] = []
            var quotedNames: [(Int, String)] = []
            var open: Int?
            for k in sentence where bytes[k] == UInt8(ascii: "\"") || (bytes[k] == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D)) {
                if let start = open {
                    let inner = tokens.filter { $0.range.lowerBound > start && $0.range.upperBound <= k }
                    if (1...6).contains(inner.count), Self.isCapital(bytes[inner[0].range.lowerBound]),
                       inner.allSatisfy({ Self.isCapital(bytes[$0.range.lowerBound]) || ["and", "of", "the", "for"].contains(Tokenizer.term(bytes, $0.range)) }) {
                        let range = inner[0].range.lowerBound..<inner[inner.count - 1].range.upperBound
                        quoted.append(range)
                        quotedNames.append((range.lowerBound, String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
                    }
                    open = nil
                } else {
                    open = k
                }
            }
            var previous: Token?
            for token in tokens {
                if let (start, name) = quotedNames.first, token.range.lowerBound >= start {
                    flush()
                    if !actors.contains(name) { actors.append(name) }
                    quotedNames.removeFirst()
                }
                if quoted.contains(where: { $0.contains(token.range.lowerBound) }) {
                    flush()
                    previous = token
                    continue
                }
                let inExpression = excluded.contains { $0.contains(token.range.lowerBound) }
                let term = Tokenizer.term(bytes, token.range)
                let first = token.range.lowerBound == sentence.lowerBound
                var capitalized = Self.isCapital(bytes[token.range.lowerBound]) && !token.isNumeric
                if capitalized, Self.stopwords.contains(term) || Self.notNames.contains(term) || MonthNames.number(of: term) != nil && term.count > 2 { capitalized = false }
                if capitalized, first, !namesInside.contains(term), !Self.titles.contains(term) { capitalized = false }
                if capitalized, inExpression { capitalized = false }
                // Resolution brackets are handled as whole names below.
                if token.isEditorial, spans.contains(where: { $0.kind == .resolution && $0.range.contains(token.range.lowerBound) }) { capitalized = false }
                if capitalized {
                    let joined: Bool
                    if let previous, let last = run.last, last == previous {
                        let gap = bytes[previous.range.upperBound..<token.range.lowerBound]
                        joined = gap.allSatisfy { $0 == 0x20 } || (gap.elementsEqual(". ".utf8) && Self.abbreviatedTitles.contains(text(previous).lowercased()))
                    } else if let last = run.last, let previous, Tokenizer.term(bytes, previous.range) == "of",
                              Self.institutions.contains(text(last).lowercased()) {
                        joined = true
                        run.append(previous)
                    } else {
                        joined = false
                    }
                    if !joined { flush() }
                    run.append(token)
                } else if !(term == "of" && run.last.map { Self.institutions.contains(text($0).lowercased()) } == true) {
                    flush()
                }
                previous = token
            }
            flush()
            // Editorial resolutions stand for the person: "[Kim Il Sung]", and complete a name before them: "Hao [Deqing]".
            for span in spans where span.kind == .resolution && sentence.contains(span.range.lowerBound) {
                let content = span.content.trimmingCharacters(in: .whitespaces)
                guard let initial = content.utf8.first, Self.isCapital(initial) else { continue }
                var name = content
                if let before = tokens.last(where: { $0.range.upperBound <= span.range.lowerBound }),
                   span.range.lowerBound - before.range.upperBound <= 1, Self.isCapital(bytes[before.range.lowerBound]),
                   !Self.titles.contains(text(before).lowercased()), !content.hasPrefix(text(before)),
                   !Self.stopwords.contains(text(before).lowercased()), !Self.notNames.contains(text(before).lowercased()) {
                    let surname = text(before)
                    name = surname + " " + content
                    actors.removeAll { $0 == surname || $0.hasSuffix(" " + surname) }
                }
                if let index = actors.firstIndex(where: { Self.titles.contains($0.lowercased()) }), span.range.lowerBound > 0 {
                    // "the Premier [Kim Il Sung]": the title alone gives way to the name.
                    let title = actors[index]
                    if let titleToken = tokens.last(where: { $0.range.upperBound <= span.range.lowerBound }), text(titleToken) == title.split(separator: " ").last.map(String.init) {
                        actors.remove(at: index)
                    }
                }
                if !actors.contains(name) { actors.append(name) }
            }
            return actors
        }
    }

    static func isAdjective(_ word: String) -> Bool {
        let parts = word.lowercased().split(separator: "-")
        return !parts.isEmpty && parts.allSatisfy { adjectives.contains(String($0)) }
    }

    static let stopwords = StopwordList.english.words

    static let notNames: Set<String> = [
        "today", "yesterday", "tomorrow", "recently", "afterwards", "originally", "observations", "however",
        "no", "nos", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "we", "he", "she", "they",
    ]

    static let titles: Set<String> = [
        "premier", "ambassador", "comrade", "comrades", "minister", "vice", "deputy", "foreign", "prime", "president",
        "chairman", "secretary", "general", "marshal", "mr", "mrs", "ms", "dr", "consul", "counselor", "counsellor",
        "director", "chief", "commander", "admiral", "colonel", "king", "queen", "prince", "emperor", "envoy",
        "chargé", "attaché", "first", "second", "third", "under", "assistant", "acting", "sir", "madame", "leader",
    ]

    static let abbreviatedTitles: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "adm", "amb", "sen", "gov"]

    static let adjectives: Set<String> = [
        "soviet", "korean", "chinese", "american", "japanese", "cuban", "german", "hungarian", "czechoslovak", "czech",
        "bulgarian", "polish", "romanian", "albanian", "vietnamese", "british", "french", "indian", "mongolian",
        "yugoslav", "russian", "communist", "socialist", "western", "eastern", "italian", "asian", "european",
    ]

    static let institutions: Set<String> = [
        "ministry", "department", "committee", "council", "bank", "republic", "union", "office", "bureau", "embassy",
        "commission", "institute", "league", "organization", "federation", "academy", "association", "assembly",
        "secretary", "minister", "people's",
    ]
}
