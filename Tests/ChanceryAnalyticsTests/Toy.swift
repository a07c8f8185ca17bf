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

    static func counter(_ documents: [TokenizedDocument], _ options: TermOptions = TermOptions(stopwords: .none)) -> TermCounter {
        var counter = TermCounter(options: options)
        for document in documents { counter.add(document) }
        return counter
    }

    /// The documents counted, with their rows as a matrix in memory.
    static func matrix(_ documents: [TokenizedDocument], _ options: TermOptions = TermOptions(stopwords: .none),
                       row: TermCounter.RowContents = .wordsAndPhrases) -> (counter: TermCounter, matrix: DocumentTermMatrix<InMemoryDocumentTerms>) {
        var counter = TermCounter(options: options)
        let rows = documents.map { counter.add($0, row: row) }
        return (counter, DocumentTermMatrix(rows, columns: TermColumns(counter, phrases: row == .wordsAndPhrases)))
    }
}
