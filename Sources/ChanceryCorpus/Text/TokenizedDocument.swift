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
            tokens.reserveCapacity(bytes.count / 6)
            var sentence = 0
            var span = 0
            Tokenizer.scan(bytes) { range, isNumeric in
                while sentence + 1 < sentences.count, sentences[sentence].upperBound <= range.lowerBound { sentence += 1 }
                while span < spans.count, spans[span].upperBound <= range.lowerBound { span += 1 }
                let isEditorial = span < spans.count && spans[span].contains(range.lowerBound)
                tokens.append(Token(range: range, sentence: sentence, isEditorial: isEditorial, isNumeric: isNumeric))
            }
            return (sentences, tokens)
        }
    }

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

    /// The sentence's text.
    public func sentenceText(_ index: Int) -> Substring {
        document.text(at: sentences[index])
    }
}
