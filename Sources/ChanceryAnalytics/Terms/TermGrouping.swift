import ChanceryCorpus

/// How documents are grouped for per-period or per-source figures.
public enum TermGrouping: Sendable, Hashable, CustomStringConvertible {
    case document
    case year
    case month
    case language
    /// A metadata field by its output name: `translator`, `place`, `format`, `archive_reference`, `collection`, ...
    case field(String)

    /// Parses `document`, `year`, `month`, `language` or a metadata field name.
    public init(_ text: String) throws(GroupingError) {
        switch text {
        case "document": self = .document
        case "year": self = .year
        case "month": self = .month
        case "language", "original_language": self = .language
        default:
            guard Self.fields.contains(text) else { throw GroupingError(field: text) }
            self = .field(text)
        }
    }

    public static let fields = ["format", "translator", "place", "archive_reference", "collection", "contents", "file", "title"]

    public var description: String {
        switch self {
        case .document: "document"
        case .year: "year"
        case .month: "month"
        case .language: "language"
        case let .field(name): name
        }
    }

    /// The group a document falls in; "undated" or "unknown" when the document does not say.
    public func label(of document: Document) -> String {
        label(id: document.id, file: document.file, format: document.format, title: document.title, date: document.date,
              metadata: document.metadata)
    }

    /// The group a document (kept without its body) falls in.
    public func label(of document: DocumentRecord) -> String {
        label(id: document.id, file: document.file, format: document.format, title: document.title, date: document.date,
              metadata: document.metadata)
    }

    private func label(id: String, file: String, format: DocumentFormat, title: String, date: DocumentDate?,
                       metadata: DocumentMetadata) -> String {
        switch self {
        case .document: return id
        case .year: return date.map { String($0.value.year) } ?? "undated"
        case .month:
            guard let date = date?.value else { return "undated" }
            return date.precision >= .month ? String(date.iso.prefix(7)) : "\(date.iso) (month unknown)"
        case .language: return metadata.originalLanguage ?? "unknown"
        case let .field(name):
            let value: String? = switch name {
            case "format": format.rawValue
            case "translator": metadata.translator
            case "place": metadata.place
            case "archive_reference": metadata.archiveReference
            case "collection": metadata.collection
            case "contents": metadata.contentsKind
            case "file": file
            case "title": title
            default: nil
            }
            return value ?? "unknown"
        }
    }
}

/// A grouping field that does not exist.
public struct GroupingError: Error, CustomStringConvertible {
    public var field: String
    public var description: String {
        "cannot group by \"\(field)\": use document, year, month, language or one of \(TermGrouping.fields.joined(separator: ", "))"
    }
}

/// Term frequencies per group (a row of the grouped terms table).
public struct GroupedTermRow: Sendable, Hashable, Codable {
    public var group: String
    public var term: String
    public var n: Int
    public var count: Int
    public var per10k: Double
    public var documentFrequency: Int
}

/// Term frequencies of each group of documents, groups in label order.
public struct GroupedTermFrequencies: Sendable {
    public var grouping: TermGrouping
    public var options: TermOptions
    public var groups: [(label: String, frequencies: TermFrequencies)]

    public init(_ documents: [TokenizedDocument], by grouping: TermGrouping, options: TermOptions, minimumCount: Int = 1) {
        var counters: [String: TermCounter] = [:]
        var order: [String] = []
        for document in documents {
            let label = grouping.label(of: document.document)
            if counters[label] == nil { order.append(label) }
            counters[label, default: TermCounter(options: options)].add(document)
        }
        self.init(order.map { ($0, counters[$0]!) }, by: grouping, options: options, minimumCount: minimumCount)
    }

    /// The frequencies of groups already counted (`CorpusAnalysis.groups`), each group's label and counter in the
    /// order of its first document.
    public init(_ counted: [(label: String, counter: TermCounter)], by grouping: TermGrouping, options: TermOptions, minimumCount: Int = 1) {
        self.grouping = grouping
        self.options = options
        var counted = counted
        // Documents keep corpus order; other groups sort by label (years and months sort as text).
        if grouping != .document { counted.sort { $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) } }
        groups = counted.map { ($0.label, TermFrequencies($0.counter, minimumCount: minimumCount)) }
    }

    /// Long-format rows: each group's terms by count.
    public func rows(top: Int? = nil) -> [GroupedTermRow] {
        groups.flatMap { group in
            group.frequencies.rows.prefix(top ?? .max).map {
                GroupedTermRow(group: group.label, term: $0.term, n: $0.n, count: $0.count, per10k: $0.per10k, documentFrequency: $0.documentFrequency)
            }
        }
    }
}
