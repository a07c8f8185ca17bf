import ChanceryAnalytics
import ChanceryCorpus

/// Small hand-made documents for measures checked by hand.
enum Toy {
    static func document(_ id: String, _ body: String, year: Int? = nil, language: String? = nil) -> TokenizedDocument {
        var metadata = DocumentMetadata()
        metadata.originalLanguage = language
        let date = year.map { DocumentDate(value: try! HistoricalDate(year: $0), text: String($0), provenance: .metadata) }
        return TokenizedDocument(Document(id: id, file: "\(id).txt", format: .plainText, title: id, date: date, metadata: metadata, body: body))
    }

    static func counter(_ documents: [TokenizedDocument], _ options: TermOptions = TermOptions(stopwords: .none), recordDocuments: Bool = false) -> TermCounter {
        var counter = TermCounter(options: options, recordDocuments: recordDocuments)
        for document in documents { counter.add(document) }
        return counter
    }
}
