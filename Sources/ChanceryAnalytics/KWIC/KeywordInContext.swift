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
    /// Index of the sentence in the document body.
    public var sentenceIndex: Int
    /// UTF-8 offset of the match in the body.
    public var offset: Int
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
/// edge, so the final stop and an opening quote are kept.
public enum KeywordInContext {
    public static func lines(_ matches: [PatternMatch], in document: TokenizedDocument, options: KWICOptions = KWICOptions(),
                             label: (PatternMatch) -> String) -> [KWICLine] {
        let tokens = document.tokens
        return matches.map { match in
            let first = tokens[match.tokens.lowerBound], last = tokens[match.tokens.upperBound - 1]
            let sentence = document.sentences[first.sentence]
            var leftStart = max(0, match.tokens.lowerBound - options.window)
            var rightEnd = min(tokens.count, match.tokens.upperBound + options.window)
            if options.cutAtSentence {
                while leftStart < match.tokens.lowerBound, tokens[leftStart].sentence != first.sentence { leftStart += 1 }
                while rightEnd > match.tokens.upperBound, tokens[rightEnd - 1].sentence != last.sentence { rightEnd -= 1 }
            }
            var leftOffset = leftStart < match.tokens.lowerBound ? tokens[leftStart].range.lowerBound : first.range.lowerBound
            var rightOffset = rightEnd > match.tokens.upperBound ? tokens[rightEnd - 1].range.upperBound : last.range.upperBound
            if options.cutAtSentence {
                if leftStart == firstToken(of: first.sentence, from: match.tokens.lowerBound, tokens) { leftOffset = sentence.lowerBound }
                if rightEnd == lastToken(of: last.sentence, from: match.tokens.upperBound - 1, tokens) + 1 {
                    rightOffset = document.sentences[last.sentence].upperBound
                }
            }
            return KWICLine(
                documentID: document.document.id, date: document.document.date?.value, topic: label(match),
                left: collapse(document.document.text(at: leftOffset..<first.range.lowerBound)),
                match: collapse(document.document.text(at: first.range.lowerBound..<last.range.upperBound)),
                right: collapse(document.document.text(at: last.range.upperBound..<rightOffset)),
                sentenceIndex: first.sentence, offset: first.range.lowerBound)
        }
    }

    private static func firstToken(of sentence: Int, from index: Int, _ tokens: [Token]) -> Int {
        var i = index
        while i > 0, tokens[i - 1].sentence == sentence { i -= 1 }
        return i
    }

    private static func lastToken(of sentence: Int, from index: Int, _ tokens: [Token]) -> Int {
        var i = index
        while i + 1 < tokens.count, tokens[i + 1].sentence == sentence { i += 1 }
        return i
    }

    private static func collapse(_ text: Substring) -> String {
        text.split(whereSeparator: \.isSpace).joined(separator: " ")
    }
}
