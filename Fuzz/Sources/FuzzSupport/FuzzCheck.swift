import ChanceryCorpus

/// Checks that hold for every input, whatever its bytes; a broken one stops the run so libFuzzer keeps the input.
public enum FuzzCheck {
    /// Stops the process with a message when `condition` is false (in every build configuration).
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("fuzz invariant broken: \(message())") }
    }

    /// The bytes libFuzzer hands over, copied into an array.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Reads `bytes` with `format`'s reader and checks what came out; tokenizes every document, as a report does.
    public static func read(_ bytes: [UInt8], as format: DocumentFormat) {
        let result = DocumentReader.read(bytes: bytes, name: "fuzz/input.txt", as: format)
        // Every input gives documents or a reason; none silently vanishes.
        require(!result.documents.isEmpty || !result.problems.isEmpty, "no document and no problem")
        for problem in result.problems {
            require(!problem.message.isEmpty, "a problem without a message")
            // Messages quote hostile input; they must stay short enough to print.
            require(problem.message.utf8.count < 4096 + 4 * bytes.count / 1024, "a \(problem.message.utf8.count)-byte message")
        }
        for document in result.documents {
            require(document.format == format, "read as \(document.format), asked for \(format)")
            tokenized(document)
        }
    }

    /// Tokenizes a document and checks that tokens and sentences are ordered ranges of its body.
    @discardableResult
    public static func tokenized(_ document: Document) -> TokenizedDocument {
        let tokenized = TokenizedDocument(document)
        let length = document.body.utf8.count
        var previous = 0
        for token in tokenized.tokens {
            require(token.range.lowerBound >= previous && !token.range.isEmpty && token.range.upperBound <= length,
                    "token \(token.range) after \(previous) in a body of \(length) bytes")
            require(token.sentence >= 0 && (tokenized.sentences.isEmpty || token.sentence < tokenized.sentences.count),
                    "token in sentence \(token.sentence) of \(tokenized.sentences.count)")
            // The range maps back to text: slicing it must not trap.
            _ = tokenized.surface(token)
            previous = token.range.upperBound
        }
        for sentence in tokenized.sentences {
            require(sentence.lowerBound >= 0 && sentence.upperBound <= length, "sentence \(sentence) in \(length) bytes")
        }
        for span in document.editorialSpans {
            require(span.range.lowerBound >= 0 && span.range.upperBound <= length, "editorial span \(span.range) in \(length) bytes")
        }
        return tokenized
    }
}
