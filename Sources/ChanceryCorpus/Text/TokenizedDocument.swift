/// A document with its sentences and tokens: the input of every analysis.
///
/// Tokenization is non-destructive: every token and sentence is a range of
/// the body, so the original text, brackets and punctuation stay available
/// for display and for keyword-in-context lines.
public struct TokenizedDocument: Sendable {
    public let document: Document
    /// UTF-8 offset ranges of the body's sentences.
    public let sentences: [Range<Int>]
    public let tokens: [Token]

    public init(_ document: Document) {
        self.document = document
        var body = document.body
        let spans = document.editorialSpans.map(\.range)
        (sentences, tokens) = body.withUTF8 { bytes in
            let sentences = SentenceSplitter.sentences(in: bytes)
            var tokens: [Token] = []
            if bytes.count > Self.countedFirstAbove {
                // A large text's tokens are counted before they are stored: a guess that fell short doubled the
                // array, and for a moment held it three times over.
                var count = 0
                Tokenizer.scan(bytes, inChunks: { count += $0.count })
                tokens.reserveCapacity(count)
            } else {
                tokens.reserveCapacity(bytes.count / 6)
            }
            var sentence = 0
            var span = 0
            Tokenizer.scan(bytes) { range, isNumeric in
                while sentence + 1 < sentences.count, sentences[sentence].upperBound <= range.lowerBound { sentence += 1 }
                while span < spans.count, spans[span].upperBound <= range.lowerBound { span += 1 }
                let isEditorial = span < spans.count && spans[span].contains(range.lowerBound)
                tokens.append(Token(range: range, sentence: sentence, isEditorial: isEditorial, isNumeric: isNumeric))
            }
            // The guess of one token per six bytes is kept only when near: a text of short words would hold up to
            // twice the tokens' size in capacity, for as long as the document is held (`terms` holds every
            // document's tokens at once).
            if tokens.capacity > tokens.count + tokens.count / 16 + 64 { tokens = tokens.withUnsafeBufferPointer { Array($0) } }
            return (sentences, tokens)
        }
    }

    /// Texts longer than this (in UTF-8 bytes) have their tokens counted before they are stored.
    static let countedFirstAbove = 1 << 20

    /// The token as written ("Self-reliance").
    public func surface(_ token: Token) -> Substring {
        document.text(at: token.range)
    }

    /// The token's counting form ("self-reliance").
    public func term(_ token: Token) -> String {
        var body = document.body
        return body.withUTF8 { Tokenizer.term($0, token.range) }
    }

    /// Every token's counting form, in order.
    public var terms: [String] {
        var body = document.body
        return body.withUTF8 { bytes in tokens.map { Tokenizer.term(bytes, $0.range) } }
    }

    /// The number of distinct counting forms among the tokens: `Set(terms).count`, without an array of every
    /// token's form (16 bytes a token, more for a long word) on the way.
    public var distinctTermCount: Int {
        var body = document.body
        return body.withUTF8 { bytes in
            var seen: Set<String> = []
            for token in tokens { seen.insert(Tokenizer.term(bytes, token.range)) }
            return seen.count
        }
    }

    /// The sentence's text.
    public func sentenceText(_ index: Int) -> Substring {
        document.text(at: sentences[index])
    }
}
