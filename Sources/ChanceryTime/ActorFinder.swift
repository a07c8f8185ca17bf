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

    /// Lines that read as headings (`headingLines`), in text order.
    private let headings: [Range<Int>]

    init(_ document: TokenizedDocument) {
        self.document = document
        var names: Set<String> = []
        var body = document.document.body
        var headings: [Range<Int>] = []
        body.withUTF8 { bytes in
            headings = Self.headingLines(bytes)
            var walk = RangeWalk(headings)
            var steps = 0
            var previousSentence = -1
            for token in document.tokens {
                defer { previousSentence = token.sentence }
                let inHeading = walk.contains(token.range.lowerBound, &steps)
                guard token.sentence == previousSentence, ASCII.isUppercase(bytes[token.range.lowerBound]), !inHeading,
                      !Self.opensClause(bytes, at: token.range.lowerBound) else { continue }
                names.insert(Tokenizer.term(bytes, token.range))
            }
        }
        namesInside = names
        self.headings = headings
    }

    /// The actors of sentence `index`, skipping tokens inside the given ranges (the temporal expressions).
    func actors(inSentence index: Int, excluding excluded: [Range<Int>]) -> [String] {
        var steps = 0
        return actors(inSentence: index, excluding: excluded, steps: &steps)
    }

    /// `actors`, counting in `steps` the tokens, spans, ranges and names looked at, for tests that bound the work.
    ///
    /// Every lookup is in the sentence and costs the same however many came before: the sentence's tokens and
    /// spans are found by binary search (they are in text order), the ranges to skip are passed in order, and the
    /// names found are kept in a `NameList`. Filtering the document's tokens for each sentence, and asking every
    /// range, span and name at every token, made a document of many sentences, or one long sentence of many
    /// dates, quadratic (a 10 MB document took three minutes).
    func actors(inSentence index: Int, excluding excluded: [Range<Int>], steps: inout Int) -> [String] {
        names(inSentence: index, excluding: excluded, steps: &steps).names
    }

    /// The names of sentence `index`, each with the number of times the sentence names it and whether a title came
    /// before it at least once ("Adm Felt": a name, though the document also writes "felt") (`PersonFinder`).
    func namesWithCounts(inSentence index: Int, steps: inout Int) -> [(name: String, count: Int, titled: Bool)] {
        let list = names(inSentence: index, excluding: [], steps: &steps)
        return list.namesWithCounts.map { ($0.name, $0.count, list.titled.contains($0.name)) }
    }

    private func names(inSentence index: Int, excluding excluded: [Range<Int>], steps: inout Int) -> NameList {
        var body = document.document.body
        let spans = document.document.editorialSpans
        return body.withUTF8 { bytes -> NameList in
            let sentence = document.sentences[index]
            let all = document.tokens
            let first = Self.firstIndex(in: all.indices) { all[$0].sentence >= index }
            let tokens = all[first..<Self.firstIndex(in: first..<all.count) { all[$0].sentence > index }]
            steps += tokens.count
            /// The last token of the sentence that ends at or before `offset`.
            func lastToken(endingBy offset: Int) -> Token? {
                let end = Self.firstIndex(in: tokens.indices) { tokens[$0].range.upperBound > offset }
                return end > tokens.startIndex ? tokens[end - 1] : nil
            }
            var actors = NameList()
            var run: [Token] = []
            func text(_ token: Token) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self) }
            func flush() {
                defer { run.removeAll() }
                // "Meinert & Co.": the ampersand between two words of the run is kept.
                var words: [String] = []
                for (k, token) in run.enumerated() {
                    if k > 0, bytes[run[k - 1].range.upperBound..<token.range.lowerBound].contains(UInt8(ascii: "&")) { words.append("&") }
                    // An initial keeps its period: "Walt W. Rostow".
                    if k > 0, run[k - 1].range.count == 1, bytes[run[k - 1].range.upperBound] == UInt8(ascii: ".") { words[words.count - 1] += "." }
                    words.append(text(token))
                }
                // A possessive names the person ("Kim's" is Kim); a title's possessive ("Ambassador's") names no one.
                if let last = words.last, let cut = Self.possessiveStem(last) {
                    if words.dropLast().allSatisfy({ Self.titles.contains($0.lowercased()) || Self.isAdjective($0) }),
                       Self.titles.contains(cut.lowercased()) { return }
                    words[words.count - 1] = cut
                }
                var titled = false
                // Titles are stepped over, then cut once; whether all words after one are titles or adjectives is
                // known from one pass from the end (a run of 20,000 titles was 2×10⁸ lower-casings).
                let lower = words.map { $0.lowercased() }
                var qualifiersFrom = [Bool](repeating: true, count: words.count + 1)
                for k in stride(from: words.count - 1, through: 0, by: -1) {
                    qualifiersFrom[k] = qualifiersFrom[k + 1] && (Self.titles.contains(lower[k]) || Self.adjectives.contains(lower[k]))
                }
                steps += words.count
                var start = 0
                while words.count - start > 1, Self.titles.contains(lower[start]) || Self.abbreviatedTitles.contains(lower[start]),
                      !qualifiersFrom[start + 1] {
                    steps += 1
                    // A person's title ("Adm", "Ambassador"), not a qualifier of an office ("Foreign Trade", "Vice ...").
                    titled = !Self.qualifyingTitles.contains(lower[start])
                    start += 1
                }
                words.removeFirst(start)
                guard !words.isEmpty else { return }
                if titled { actors.titled.insert(words.joined(separator: " ")) }
                if words.count == 1, Self.isAdjective(words[0]) { return }
                // A trailing adjective belongs to the noun after it ("North Korean military").
                if let last = words.last, Self.isAdjective(last), words.allSatisfy({ Self.isAdjective($0) || ["north", "south", "east", "west"].contains($0.lowercased()) }) { return }
                actors.add(words.joined(separator: " "))
            }
            // A short quoted title of capitalized words is one name: "Peace and Socialism".
            var quoted: [Range<Int>] = []
            var quotedNames: [(Int, String)] = []
            var open: Int?
            for k in sentence where bytes[k] == UInt8(ascii: "\"") || (bytes[k] == 0xE2 && k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D)) {
                if let start = open {
                    // The tokens strictly inside the quotes: a run of the sentence's tokens, in text order.
                    let from = Self.firstIndex(in: tokens.indices) { tokens[$0].range.lowerBound > start }
                    let to = Self.firstIndex(in: from..<tokens.endIndex) { tokens[$0].range.upperBound > k }
                    let inner = tokens[from..<max(from, to)]
                    steps += 2
                    // One quoted word is a word like any other (“Discussion.”, a heading cited); a title of words is one name.
                    if (2...6).contains(inner.count), ASCII.isUppercase(bytes[inner[inner.startIndex].range.lowerBound]),
                       inner.allSatisfy({ ASCII.isUppercase(bytes[$0.range.lowerBound]) || ["and", "of", "the", "for"].contains(Tokenizer.term(bytes, $0.range)) }) {
                        let range = inner[inner.startIndex].range.lowerBound..<inner[inner.endIndex - 1].range.upperBound
                        quoted.append(range)
                        quotedNames.append((range.lowerBound, String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
                    }
                    open = nil
                } else {
                    open = k
                }
            }
            // Ranges a token may fall in, each walked once as the tokens go by (tokens are in text order): the
            // quoted names, the expressions to skip, and editorial resolutions.
            var nextQuotedName = 0
            var quotedWalk = RangeWalk(quoted)
            var excludedWalk = RangeWalk(excluded)
            let firstSpan = Self.firstIndex(in: spans.indices) { spans[$0].range.upperBound > sentence.lowerBound }
            let firstHeading = Self.firstIndex(in: headings.indices) { headings[$0].upperBound > sentence.lowerBound }
            var headingWalk = RangeWalk(headings[firstHeading...].prefix { $0.lowerBound < sentence.upperBound })
            var resolutionWalk = RangeWalk(spans[firstSpan...].lazy.prefix { $0.range.lowerBound < sentence.upperBound }
                .filter { $0.kind == .resolution }.map(\.range))
            var previous: Token?
            for token in tokens {
                steps += 1
                if nextQuotedName < quotedNames.count, token.range.lowerBound >= quotedNames[nextQuotedName].0 {
                    flush()
                    actors.add(quotedNames[nextQuotedName].1)
                    nextQuotedName += 1
                }
                if quotedWalk.contains(token.range.lowerBound, &steps) {
                    flush()
                    previous = token
                    continue
                }
                let inExpression = excludedWalk.contains(token.range.lowerBound, &steps)
                let inResolution = resolutionWalk.contains(token.range.lowerBound, &steps)
                let term = Tokenizer.term(bytes, token.range)
                let inHeading = headingWalk.contains(token.range.lowerBound, &steps)
                let first = token.range.lowerBound == sentence.lowerBound || inHeading || Self.opensClause(bytes, at: token.range.lowerBound)
                var capitalized = ASCII.isUppercase(bytes[token.range.lowerBound]) && !token.isNumeric
                if capitalized, Self.stopwords.contains(term) || Self.notNames.contains(term) || MonthNames.number(of: term) != nil && term.count > 2 { capitalized = false }
                // "Kim's view ..." opens a sentence: Kim is a name when the document writes "Kim" inside a sentence.
                if capitalized, first, !namesInside.contains(term), !namesInside.contains(Self.possessiveStem(term) ?? term),
                   !Self.titles.contains(term) { capitalized = false }
                if capitalized, inExpression { capitalized = false }
                // Resolution brackets are handled as whole names below.
                if token.isEditorial, inResolution { capitalized = false }
                if capitalized {
                    let joined: Bool
                    if let previous, let last = run.last, last == previous,
                       // A possessive ends a name: "Kishi's Washington visit" ("People's Republic" goes on).
                       Self.possessiveStem(text(previous)) == nil || Self.institutions.contains(text(previous).lowercased()) {
                        let gap = bytes[previous.range.upperBound..<token.range.lowerBound]
                        // Spaces and at most one line end ("Pak\nYong-guk" wrapped in a plain-text file), or " & ".
                        // A line end joins only at the end of a long line: in a list of names one a line ("Present:\nKim Il
                        // Sung\nPak Hon Yong") each line is a name of its own.
                        let lineEnds = gap.count { $0 == 0x0A }
                        joined = !gap.isEmpty && gap.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }
                            && (lineEnds == 0 || lineEnds == 1 && Self.endsALongLine(bytes, at: previous.range.upperBound))
                            || gap.elementsEqual(" & ".utf8)
                            || (gap.elementsEqual(". ".utf8) && Self.abbreviatedTitles.contains(text(previous).lowercased()))
                            // An initial: "Walt W. Rostow", "Adlai E. Stevenson".
                            || (gap.elementsEqual(". ".utf8) && previous.range.count == 1)
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
            for span in spans[firstSpan...].prefix(while: { $0.range.lowerBound < sentence.upperBound })
            where span.kind == .resolution && sentence.contains(span.range.lowerBound) {
                steps += 1
                let content = span.content.trimmingCharacters(in: .whitespaces)
                guard let initial = content.utf8.first, ASCII.isUppercase(initial) else { continue }
                var name = content
                if let before = lastToken(endingBy: span.range.lowerBound),
                   span.range.lowerBound - before.range.upperBound <= 1, ASCII.isUppercase(bytes[before.range.lowerBound]),
                   !Self.titles.contains(text(before).lowercased()), !content.hasPrefix(text(before)),
                   !Self.stopwords.contains(text(before).lowercased()), !Self.notNames.contains(text(before).lowercased()) {
                    let surname = text(before)
                    name = surname + " " + content
                    actors.remove(endingWith: surname)
                }
                if let title = actors.firstTitle, span.range.lowerBound > 0 {
                    // "the Premier [Kim Il Sung]": the title alone gives way to the name.
                    if let titleToken = lastToken(endingBy: span.range.lowerBound), text(titleToken) == title.split(separator: " ").last.map(String.init) {
                        actors.remove(title)
                    }
                }
                actors.add(name)
            }
            return actors
        }
    }

    /// Whether the word at `offset` opens a line, a numbered point ("2. Consult ...", "(b) Recognizing ...") or follows
    /// an end mark (below), where a
    /// telegram capitalizes any word, as at a sentence's start (the sentence splitter does not split there).
    static func opensClause(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var k = offset - 1
        while k >= 0, bytes[k] == 0x20 || bytes[k] == 0x09 { k -= 1 }
        if k < 0 || bytes[k] == 0x0A { return true }
        // The first word of a quotation is capitalized as a sentence's is: “Recognizing that ...”, “Discussion.”
        if k >= 2, bytes[k] == 0x9C, bytes[k - 1] == 0x80, bytes[k - 2] == 0xE2 { return true }
        if bytes[k] == UInt8(ascii: "\""), k == 0 || [0x20, 0x0A, 0x09, UInt8(ascii: "(")].contains(bytes[k - 1]) { return true }
        // A parenthesis that opens a sentence of its own: "... in our hands. (Incidentally the ...", "(Reporter absent ...)".
        if bytes[k] == UInt8(ascii: "(") {
            var j = k - 1
            while j >= 0, bytes[j] == 0x20 || bytes[j] == 0x09 { j -= 1 }
            if j < 0 || [0x0A, UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":")].contains(bytes[j]) { return true }
        }
        // After ". ", "? ", "! " or ": " where the sentence splitter saw no end ("(as in Korea). Therefore"), but not
        // after a title or an initial ("Mr. Kim", "U. Alexis Johnson").
        if [UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":")].contains(bytes[k]) { return true }
        if bytes[k] == UInt8(ascii: "."), k > 0 {
            var w = k - 1
            while w >= 0, ASCII.isLetter(bytes[w]) { w -= 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[(w + 1)..<k]), as: UTF8.self).lowercased()
            if word.count > 1, !abbreviatedTitles.contains(word), !(w >= 0 && bytes[w] == UInt8(ascii: ".")) { return true }
            // A sentence that ends in a bracket or parenthesis: "e [f]. Finally", "(as agreed). Therefore".
            if word.isEmpty, w >= 0, bytes[w] == UInt8(ascii: "]") || bytes[w] == UInt8(ascii: ")") { return true }
        }
        // "2." or "(b)" or "b)" opening the line.
        var end = k
        if bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") { end -= 1 } else { return false }
        var start = end
        while start >= 0, start > end - 3, (0x30...0x39).contains(bytes[start]) || (0x61...0x7A).contains(bytes[start]) { start -= 1 }
        guard start < end else { return false }
        // "(11) Consult": an item marker in parentheses, wherever it stands.
        if start >= 0, bytes[start] == UInt8(ascii: "("), bytes[end + 1] == UInt8(ascii: ")") { return true }
        let inline = start >= 0 && (bytes[start] == 0x20 || bytes[start] == 0x09)
        while start >= 0, bytes[start] == 0x20 || bytes[start] == 0x09 { start -= 1 }
        if start < 0 || bytes[start] == 0x0A { return true }
        // An item marker inside a paragraph after a clause's end, "...: (a) None of", "; (10) Complete", ". c. Elimination":
        // a lower-case letter or a number, so that an initial ("U. Alexis Johnson") is not taken for one.
        return inline && [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "]")].contains(bytes[start])
    }

    /// The lines of `bytes` that read as headings: up to 12 words, none in lower case but joining words ("The Problem",
    /// "Policy Toward Japan", "Preamble:"), some letter in lower case (a line in capitals opens a FRUS document and
    /// names people), no comma, title or initial (a participant list's line names a person), and no sentence end. A word there is capitalized as a heading's, as at a sentence's start.
    static func headingLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if isHeading(bytes[start..<end]) { lines.append(start..<end) }
            start = end + 1
        }
        return lines
    }

    private static func isHeading(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let last = line.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return false }
        if [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ",")].contains(line[last]) { return false }
        let words = line[...last].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard (1...12).contains(words.count), line.contains(where: { (0x61...0x7A).contains($0) }),
              !line.contains(UInt8(ascii: ",")) else { return false }
        // A participant list's line is no heading: "Ambassador Adlai E. Stevenson", "Mr. John Russell", "Governor Williams",
        // "The Honorable Peter Ramsbotham".
        if words.contains(where: { word in
            let text = String(decoding: word, as: UTF8.self)
            let bare = text.lowercased().trimmingCharacters(in: ["."])
            return titles.contains(bare) || abbreviatedTitles.contains(bare) || ["honorable", "honourable", "hon", "lord", "lady", "excellency"].contains(bare)
                || (text.hasSuffix(".") && text.dropLast().allSatisfy { $0.isUppercase || $0 == "." })
        }) {
            return false
        }
        return words.allSatisfy { word in
            guard let first = word.first(where: { !($0 == UInt8(ascii: "(") || $0 == 0xE2 || $0 == 0x80 || $0 == 0x9C || $0 == UInt8(ascii: "\"")) }) else { return true }
            if !(0x61...0x7A).contains(first) { return true }
            return headingJoiners.contains(String(decoding: word, as: UTF8.self).lowercased())
        }
    }

    static let headingJoiners: Set<String> = [
        "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "toward",
        "towards", "with", "vs", "versus", "concerning", "regarding",
    ]

    /// Whether the line that holds `offset` runs at least `longLine` bytes before it: a line wrapped in running text,
    /// not a short line of a list. Looks back `longLine` bytes at most.
    static func endsALongLine(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var k = offset
        while k > 0, offset - k < longLine {
            k -= 1
            if bytes[k] == 0x0A { return false }
        }
        return offset - k >= longLine
    }

    /// The bytes before a line end from which the line counts as wrapped text (`endsALongLine`).
    static let longLine = 40

    /// "Kim's" → "Kim", "Workers’" stays (a plural's apostrophe is no possessive of a name); nil when not possessive.
    static func possessiveStem(_ word: String) -> String? {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) && word.count > suffix.count {
            return String(word.dropLast(suffix.count))
        }
        return nil
    }

    /// The first index of `range` where `isPast` holds (it holds from some index on), by binary search.
    static func firstIndex(in range: Range<Int>, where isPast: (Int) -> Bool) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if isPast(mid) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Ranges asked about at increasing offsets: each is passed once. An offset is in one of them when one that
    /// starts at or before it ends after it.
    private struct RangeWalk {
        private let ranges: [Range<Int>]
        private var next = 0
        private var furthestEnd = Int.min

        init(_ ranges: some Sequence<Range<Int>>) {
            self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
        }

        mutating func contains(_ offset: Int, _ steps: inout Int) -> Bool {
            while next < ranges.count, ranges[next].lowerBound <= offset {
                furthestEnd = max(furthestEnd, ranges[next].upperBound)
                next += 1
                steps += 1
            }
            return furthestEnd > offset
        }
    }

    /// The names of a sentence in the order found, each once, with the removals resolutions make: each in a
    /// step, however many names there are.
    private struct NameList {
        private var entries: [String?] = []
        /// How many times each entry was added.
        private var counts: [Int] = []
        /// Where each name present is.
        private var position: [String: Int] = [:]
        /// Names present by their last word ("Pak Geum-cheol" under "Geum-cheol").
        private var byLastWord: [Substring: [Int]] = [:]
        /// Names that followed a title at least once ("Adm Felt" gives "Felt").
        var titled: Set<String> = []
        /// Names present that are a title alone ("Premier"), in order; those removed since are skipped.
        private var titlePositions: [Int] = []
        private var firstTitlePosition = 0

        mutating func add(_ name: String) {
            if let index = position[name] {
                counts[index] += 1
                return
            }
            let index = entries.count
            entries.append(name)
            counts.append(1)
            position[name] = index
            byLastWord[name.split(separator: " ").last ?? Substring(name), default: []].append(index)
            if ActorFinder.titles.contains(name.lowercased()) { titlePositions.append(index) }
        }

        mutating func remove(_ name: String) {
            guard let index = position.removeValue(forKey: name) else { return }
            entries[index] = nil
        }

        /// Removes the name `word` and every name ending in " `word`" (`word` has no space).
        mutating func remove(endingWith word: String) {
            for index in byLastWord.removeValue(forKey: Substring(word)) ?? [] {
                if let name = entries[index] { remove(name) }
            }
        }

        /// The first name present that is a title alone.
        var firstTitle: String? {
            mutating get {
                while firstTitlePosition < titlePositions.count, entries[titlePositions[firstTitlePosition]] == nil { firstTitlePosition += 1 }
                return firstTitlePosition < titlePositions.count ? entries[titlePositions[firstTitlePosition]] : nil
            }
        }

        var names: [String] { entries.compactMap { $0 } }

        var namesWithCounts: [(name: String, count: Int)] {
            zip(entries, counts).compactMap { entry, count in entry.map { ($0, count) } }
        }
    }

    static func isAdjective(_ word: String) -> Bool {
        let parts = word.lowercased().split(separator: "-")
        return !parts.isEmpty && parts.allSatisfy { adjectives.contains(String($0)) }
    }

    static let stopwords = StopwordList.english.words

    static let notNames: Set<String> = [
        "today", "yesterday", "tomorrow", "recently", "afterwards", "originally", "observations", "however",
        "no", "nos",
        // Cable jargon and headings, capitalized but no one's name (Deptel = Department telegram).
        "deptel", "deptels", "embtel", "embtels", "reftel", "reftels", "urtel", "mytel", "codel", "secto", "tosec",
        "sending", "reference", "ref", "subject", "info", "priority", "chicom", "chicoms", "chirep", "usg",
        "fonoff", "fonmin", "primin", "govt", "self", "self-reliance", "ibid", "confidential", "secret", "unclassified", "page", "following", "recommend", "comment", "summary", "begin", "end", "quote", "unquote",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "we", "he", "she", "they",
        "secnog", "secnogs", "fyi", "re", "christmas", "easter", "chinat", "chinats", "commie", "commies",
    ]

    static let titles: Set<String> = [
        "premier", "ambassador", "comrade", "comrades", "minister", "vice", "deputy", "foreign", "prime", "president",
        "chairman", "secretary", "general", "marshal", "mr", "mrs", "ms", "dr", "consul", "counselor", "counsellor",
        "director", "chief", "commander", "admiral", "colonel", "king", "queen", "prince", "emperor", "envoy",
        "chargé", "attaché", "first", "second", "third", "under", "assistant", "acting", "sir", "madame", "leader",
        "section", "governor", "senator", "captain", "major", "lieutenant", "sergeant", "commissioner", "high",
    ]

    /// Title words that qualify an office rather than name a person's rank: "Foreign" in "Foreign Trade".
    static let qualifyingTitles: Set<String> = [
        "foreign", "vice", "deputy", "prime", "first", "second", "third", "under", "assistant", "acting", "section",
        "high", "chief", "leader",
    ]

    static let abbreviatedTitles: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "adm", "amb", "sen", "gov", "capt", "maj", "sgt", "cdr", "rep", "pm",
        "vicemin", "secy", "secgen",
    ]

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
