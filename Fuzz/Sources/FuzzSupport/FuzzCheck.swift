import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTime

/// What each fuzz target does with its bytes, and the checks that hold for every input, whatever its bytes.
///
/// Shared, file for file, by the fuzz targets (Fuzz/Sources/Fuzz*/) and by the replay of the kept crashers
/// in `swift test` (Tests/ChanceryAnalyticsTests/FuzzCheck.swift is a link to this file, replayed by
/// FuzzCrashRegressionTests), so both run the same code with the same checks.
public enum FuzzCheck {
    /// The fuzz targets, by the short names scripts/fuzz and the crashers' folders use.
    public enum Target: String, CaseIterable, Sendable {
        case wilson, tei, plain, tokenizer, temporal
    }

    /// Where a broken check goes: nil (the fuzzers) stops the process so libFuzzer keeps the input; a test sets
    /// a handler that records an issue instead.
    @TaskLocal public static var brokenCheck: (@Sendable (String) -> Void)?

    /// Stops the process (or calls `brokenCheck`) with a message when `condition` is false, in every build configuration.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        guard !condition() else { return }
        if let brokenCheck { brokenCheck("fuzz invariant broken: \(message())") } else { fatalError("fuzz invariant broken: \(message())") }
    }

    /// Runs `target`'s body on `bytes`: what its LLVMFuzzerTestOneInput does.
    public static func run(_ target: Target, _ bytes: [UInt8]) {
        switch target {
        case .wilson: read(bytes, as: .wilsonExport)
        case .tei: read(bytes, as: .teiXML)
        case .plain: read(bytes, as: .plainText)
        case .tokenizer: tokenizer(bytes)
        case .temporal: temporal(bytes)
        }
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
        if format == .teiXML { cutShort(bytes, whole: result) }
    }

    /// A volume cut short keeps the documents completed before the cut: read without its last one, two and
    /// three bytes, each shorter input gives a prefix of the documents of the input one byte longer (same
    /// ids, titles and bodies). A cut inside a character once cost every document. A NUL byte is exempt: it
    /// makes the file binary, refused whole.
    static func cutShort(_ bytes: [UInt8], whole: FileReadResult) {
        var longer = whole
        for cut in 1...3 where cut < bytes.count {
            guard bytes[bytes.count - cut] != 0 else { return }
            let shorter = DocumentReader.read(bytes: Array(bytes.dropLast(cut)), name: "fuzz/input.txt", as: .teiXML)
            let kept = shorter.documents.count <= longer.documents.count
                && zip(shorter.documents, longer.documents).allSatisfy { $0.id == $1.id && $0.title == $1.title && $0.body == $1.body }
            require(kept, "without its last \(cut) byte(s), \(shorter.documents.count) document(s) instead of a prefix of "
                    + "\(longer.documents.count): \(shorter.problems.first?.message.prefix(200) ?? "no problem")")
            longer = shorter
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

    /// The tokenizer's String entry points on the text of the bytes (invalid UTF-8 repaired, as every reader's
    /// text is), then the whole text pipeline on the text. (The byte kernels behind them are `package`;
    /// TokenizerTests scans invalid UTF-8 with them.)
    public static func tokenizer(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let length = text.utf8.count
        var previous = 0
        var count = 0
        Tokenizer.forEachToken(in: text) { range, _ in
            require(range.lowerBound >= previous && !range.isEmpty && range.upperBound <= length,
                    "token \(range) after \(previous) in \(length) bytes")
            previous = range.upperBound
            count += 1
        }
        let terms = Tokenizer.terms(in: text)
        require(terms.count == count, "\(terms.count) terms for \(count) tokens")
        for (index, term) in terms.enumerated() { require(!term.isEmpty, "token \(index) folds to nothing") }
        let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: nil, body: text)
        let tokenized = tokenized(document)
        _ = tokenized.terms
        for index in tokenized.sentences.indices { _ = tokenized.sentenceText(index) }
    }

    /// Built once: the gazetteer's trigger index costs more than tagging a short text.
    static let tagger = TemporalTagger()
    static let builder = EventBuilder(tagger: tagger)

    /// Document dates the first byte chooses from: none, and dates at each precision, before 1900 too.
    static let documentDates: [HistoricalDate?] = [
        nil,
        try? HistoricalDate(year: 1962, month: 12, day: 8),
        try? HistoricalDate(year: 1861, month: 3, day: 4),
        try? HistoricalDate(year: 1958, month: 1),
        try? HistoricalDate(year: 1900),
        try? HistoricalDate(year: 1, month: 1, day: 1),
        try? HistoricalDate(year: 9999, month: 12, day: 31),
    ]

    /// The temporal tagger and the event builder on a text (the bytes after the first), counted from the
    /// document date the first byte chooses.
    public static func temporal(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let documentDate = documentDates[Int(first) % documentDates.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let tagging = tagger.tag(text, documentDate: documentDate)
        let date = documentDate.map { DocumentDate(value: $0, text: $0.iso, provenance: .metadata) }
        let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: date, body: text)
        let length = document.body.utf8.count
        for expression in tagging.expressions {
            require(expression.range.lowerBound >= 0 && expression.range.upperBound <= length,
                    "expression \(expression.range) in \(length) bytes")
            if let value = expression.date { _ = value.iso }
        }
        let tokenized = TokenizedDocument(document)
        for event in builder.events(tokenized) { _ = event.date.iso }
    }
}
