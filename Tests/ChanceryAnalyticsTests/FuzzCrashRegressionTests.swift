import ChanceryAnalytics
import ChanceryCorpus
import ChanceryTestSupport
import Foundation
import Testing

/// Replays every input a fuzz target once failed on (Tests/Fixtures/hostile/crashers/TARGET/), and every
/// file of the bad-input collection, through the fuzz targets' entry points (Fuzz/Sources): a crash here
/// is a crash the fuzzers found coming back.
@Suite struct FuzzCrashRegressionTests {
    static let hostile = TestData.fixtures.appendingPathComponent("hostile")

    /// The fuzz targets, by the folder name scripts/fuzz gives them.
    enum Target: String, CaseIterable, CustomTestStringConvertible {
        case wilson, tei, plain, tokenizer, temporal
        var testDescription: String { rawValue }
    }

    /// Every kept crasher, as (target, file name).
    static let crashers: [(Target, String)] = Target.allCases.flatMap { target in
        let folder = hostile.appendingPathComponent("crashers/\(target.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, $0) }
    }

    @Test(arguments: crashers)
    func aKeptCrasherRunsClean(_ target: Target, _ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.hostile.appendingPathComponent("crashers/\(target.rawValue)/\(name)")))
        FuzzEntry.run(target, bytes)
    }

    @Test(arguments: Target.allCases)
    func theBadInputCollectionRunsCleanThroughEveryTarget(_ target: Target) throws {
        let enumerator = FileManager.default.enumerator(atPath: Self.hostile.path)
        var count = 0
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = Self.hostile.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            FuzzEntry.run(target, [UInt8](try Data(contentsOf: url)))
            count += 1
        }
        #expect(count >= 15)
    }
}

/// What each fuzz target does with its bytes (Fuzz/Sources/Fuzz*/), with the same checks as expectations.
enum FuzzEntry {
    static let tagger = TemporalTagger()

    static func run(_ target: FuzzCrashRegressionTests.Target, _ bytes: [UInt8]) {
        switch target {
        case .wilson: read(bytes, as: .wilsonExport)
        case .tei: read(bytes, as: .teiXML)
        case .plain: read(bytes, as: .plainText)
        case .tokenizer: tokenize(bytes)
        case .temporal: tag(bytes)
        }
    }

    static func read(_ bytes: [UInt8], as format: DocumentFormat) {
        let result = DocumentReader.read(bytes: bytes, name: "fuzz/input.txt", as: format)
        #expect(!result.documents.isEmpty || !result.problems.isEmpty)
        for document in result.documents {
            #expect(document.format == format)
            check(TokenizedDocument(document))
        }
    }

    static func tokenize(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var previous = 0
            Tokenizer.scan(buffer) { range, _ in
                #expect(range.lowerBound >= previous && !range.isEmpty && range.upperBound <= buffer.count)
                previous = range.upperBound
                _ = Tokenizer.term(buffer, range)
            }
        }
        let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: nil,
                                body: String(decoding: bytes, as: UTF8.self))
        check(TokenizedDocument(document))
    }

    static func tag(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let dates: [HistoricalDate?] = [nil, try? HistoricalDate(year: 1962, month: 12, day: 8), try? HistoricalDate(year: 1861, month: 3, day: 4),
                                        try? HistoricalDate(year: 1958, month: 1), try? HistoricalDate(year: 1900),
                                        try? HistoricalDate(year: 1, month: 1, day: 1), try? HistoricalDate(year: 9999, month: 12, day: 31)]
        let documentDate = dates[Int(first) % dates.count]
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let tagging = tagger.tag(text, documentDate: documentDate)
        let length = TextNormalizer.nfc(text).utf8.count
        for expression in tagging.expressions {
            #expect(expression.range.lowerBound >= 0 && expression.range.upperBound <= length)
        }
        let date = documentDate.map { DocumentDate(value: $0, text: $0.iso, provenance: .metadata) }
        let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: date, body: text)
        _ = EventBuilder(tagger: tagger).events(TokenizedDocument(document))
    }

    static func check(_ tokenized: TokenizedDocument) {
        let length = tokenized.document.body.utf8.count
        var previous = 0
        for token in tokenized.tokens {
            #expect(token.range.lowerBound >= previous && !token.range.isEmpty && token.range.upperBound <= length)
            _ = tokenized.surface(token)
            previous = token.range.upperBound
        }
        for sentence in tokenized.sentences { #expect(sentence.upperBound <= length) }
    }
}
