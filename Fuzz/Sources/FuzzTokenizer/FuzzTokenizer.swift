import ChanceryCorpus
import FuzzSupport

/// libFuzzer entry point: the tokenizer on raw bytes (valid UTF-8 or not), then the whole text pipeline on the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    // The scanner reads bytes: it must stay inside them whatever they hold.
    bytes.withUnsafeBufferPointer { buffer in
        var previous = 0
        Tokenizer.scan(buffer) { range, _ in
            FuzzCheck.require(range.lowerBound >= previous && !range.isEmpty && range.upperBound <= buffer.count,
                              "token \(range) after \(previous) in \(buffer.count) bytes")
            previous = range.upperBound
            var scratch: [UInt8] = []
            Tokenizer.fold(buffer, range, into: &scratch)
            FuzzCheck.require(!scratch.isEmpty, "token \(range) folds to nothing")
            _ = Tokenizer.term(buffer, range)
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: nil, body: text)
    let tokenized = FuzzCheck.tokenized(document)
    _ = tokenized.terms
    for index in tokenized.sentences.indices { _ = tokenized.sentenceText(index) }
    return 0
}
