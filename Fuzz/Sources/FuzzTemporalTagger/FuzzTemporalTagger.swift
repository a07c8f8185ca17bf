import ChanceryAnalytics
import ChanceryCorpus
import FuzzSupport

/// Built once: the gazetteer's trigger index costs more than tagging a short text.
let tagger = TemporalTagger()
let builder = EventBuilder(tagger: tagger)

/// Document dates the first byte chooses from: none, and dates at each precision, before 1900 too.
let documentDates: [HistoricalDate?] = [
    nil,
    try? HistoricalDate(year: 1962, month: 12, day: 8),
    try? HistoricalDate(year: 1861, month: 3, day: 4),
    try? HistoricalDate(year: 1958, month: 1),
    try? HistoricalDate(year: 1900),
    try? HistoricalDate(year: 1, month: 1, day: 1),
    try? HistoricalDate(year: 9999, month: 12, day: 31),
]

/// libFuzzer entry point: the temporal tagger and the event builder on a text, counted from a chosen document date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzCheck.bytes(data, size)
    guard let first = bytes.first else { return 0 }
    let documentDate = documentDates[Int(first) % documentDates.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let tagging = tagger.tag(text, documentDate: documentDate)
    let date = documentDate.map { DocumentDate(value: $0, text: $0.iso, provenance: .metadata) }
    let document = Document(id: "fuzz", file: "fuzz.txt", format: .plainText, title: "", date: date, body: text)
    let length = document.body.utf8.count
    for expression in tagging.expressions {
        FuzzCheck.require(expression.range.lowerBound >= 0 && expression.range.upperBound <= length,
                          "expression \(expression.range) in \(length) bytes")
        if let value = expression.date { _ = value.iso }
    }
    let tokenized = TokenizedDocument(document)
    for event in builder.events(tokenized) { _ = event.date.iso }
    return 0
}
