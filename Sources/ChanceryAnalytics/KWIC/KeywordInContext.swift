import ChanceryCorpus

/// A keyword-in-context line (a row of `kwic.csv`).
public struct KWICLine: Sendable, Hashable, Codable {
    public var documentID: String
    public var date: HistoricalDate?
    /// The topic, or the pattern searched for.
    public var topic: String
    public var left: String
    public var match: String
    public var right: String
    /// Index of the sentence in the document body, from 0 (outputs show `sentenceNumber`).
    public var sentenceIndex: Int
    /// UTF-8 offset of the match in the body.
    public var offset: Int
    /// Whether whitespace came before the match in the body (`left` and `match` were apart there).
    public var gapBefore: Bool
    /// Whether whitespace came after the match in the body.
    public var gapAfter: Bool

    public init(documentID: String, date: HistoricalDate?, topic: String, left: String, match: String, right: String,
                sentenceIndex: Int, offset: Int, gapBefore: Bool = true, gapAfter: Bool = true) {
        self.documentID = documentID
        self.date = date
        self.topic = topic
        self.left = left
        self.match = match
        self.right = right
        self.sentenceIndex = sentenceIndex
        self.offset = offset
        self.gapBefore = gapBefore
        self.gapAfter = gapAfter
    }

    /// The sentence's number as outputs show it, counting from 1: the first sentence of the body is sentence 1.
    public var sentenceNumber: Int { sentenceIndex + 1 }

    /// `left` with the space that stood between it and the match, if one did (none when `left` is empty).
    public var leftWithGap: String { gapBefore && !left.isEmpty ? left + " " : left }

    /// `right` with the space that stood between the match and it, if one did (none when `right` is empty).
    public var rightWithGap: String { gapAfter && !right.isEmpty ? " " + right : right }

    /// The line as in the body, runs of whitespace shown as one space: `leftWithGap + match + rightWithGap`.
    public var text: String { leftWithGap + match + rightWithGap }
}

/// Options for KWIC lines.
public struct KWICOptions: Sendable, Hashable, Codable {
    /// Tokens of context on each side.
    public var window: Int
    /// Stop the context at the match's sentence edges.
    public var cutAtSentence: Bool

    public init(window: Int = 5, cutAtSentence: Bool = true) {
        self.window = max(0, window)
        self.cutAtSentence = cutAtSentence
    }
}

/// Builds keyword-in-context lines from pattern matches.
///
/// The context is the original text (punctuation, brackets and all) around
/// the match, `window` tokens on each side, with runs of whitespace shown as
/// one space. When the context reaches the sentence's edge, it runs to the
/// edge, so the final stop and an opening quote are kept. Whether whitespace
/// stood on either side of the match is recorded (`gapBefore`, `gapAfter`), so
/// `trade "on` and `trade"on`, `[self-reliance]` and `[ self-reliance ]` are
/// shown as written; no spacing is guessed from the characters.
public enum KeywordInContext {
    public static func lines(_ matches: [PatternMatch], in document: TokenizedDocument, options: KWICOptions = KWICOptions(),
                             label: (PatternMatch) -> String) -> [KWICLine] {
        var steps = 0
        return lines(matches, in: document, options: options, steps: &steps, label: label)
    }

    /// The lines of `lines(_:in:options:label:)` handed to `each` one by one, in order: a caller that stores them in
    /// another form need not hold them all as lines.
    public static func forEachLine(_ matches: [PatternMatch], in document: TokenizedDocument, options: KWICOptions = KWICOptions(),
                                   label: (PatternMatch) -> String, _ each: (KWICLine) -> Void) {
        var steps = 0
        forEachLine(matches, in: document, options: options, steps: &steps, label: label, each)
    }

    /// `lines`, counting in `steps` the tokens looked at, for tests that bound the work.
    static func lines(_ matches: [PatternMatch], in document: TokenizedDocument, options: KWICOptions, steps: inout Int,
                      label: (PatternMatch) -> String) -> [KWICLine] {
        var lines: [KWICLine] = []
        lines.reserveCapacity(matches.count)
        forEachLine(matches, in: document, options: options, steps: &steps, label: label) { lines.append($0) }
        return lines
    }

    static func forEachLine(_ matches: [PatternMatch], in document: TokenizedDocument, options: KWICOptions, steps: inout Int,
                            label: (PatternMatch) -> String, _ each: (KWICLine) -> Void) {
        let tokens = document.tokens
        for match in matches {
            let first = tokens[match.tokens.lowerBound], last = tokens[match.tokens.upperBound - 1]
            let sentence = document.sentences[first.sentence]
            var leftStart = max(0, match.tokens.lowerBound - options.window)
            var rightEnd = min(tokens.count, match.tokens.upperBound + options.window)
            if options.cutAtSentence {
                while leftStart < match.tokens.lowerBound, tokens[leftStart].sentence != first.sentence { leftStart += 1; steps += 1 }
                while rightEnd > match.tokens.upperBound, tokens[rightEnd - 1].sentence != last.sentence { rightEnd -= 1; steps += 1 }
            }
            var leftOffset = leftStart < match.tokens.lowerBound ? tokens[leftStart].range.lowerBound : first.range.lowerBound
            var rightOffset = rightEnd > match.tokens.upperBound ? tokens[rightEnd - 1].range.upperBound : last.range.upperBound
            if options.cutAtSentence {
                // The tokens from `leftStart` to the match are all in the match's first sentence (tokens are in
                // sentence order): the context reaches the sentence's start when no token of it comes before.
                // Asking the neighbour, not walking back to the sentence's first token, keeps a hit's cost
                // bounded by the window however long its sentence is.
                if leftStart == 0 || tokens[leftStart - 1].sentence != first.sentence { leftOffset = sentence.lowerBound }
                if rightEnd == tokens.count || tokens[rightEnd].sentence != last.sentence {
                    rightOffset = document.sentences[last.sentence].upperBound
                }
                steps += 2
            }
            each(KWICLine(
                documentID: document.document.id, date: document.document.date?.value, topic: label(match),
                left: document.document.collapsedText(at: leftOffset..<first.range.lowerBound),
                match: document.document.collapsedText(at: first.range.lowerBound..<last.range.upperBound),
                right: document.document.collapsedText(at: last.range.upperBound..<rightOffset),
                sentenceIndex: first.sentence, offset: first.range.lowerBound,
                gapBefore: document.document.isWhitespace(before: first.range.lowerBound),
                gapAfter: document.document.isWhitespace(at: last.range.upperBound)))
        }
    }
}
