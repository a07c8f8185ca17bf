import ChanceryCorpus

/// Which documents form the target of a keyness comparison.
///
/// Written on the command line as a year (`1962`), a month (`1962-12`), a day,
/// a date range (`1962-01..1962-06`), a list of document ids separated by
/// commas, or `topic:NAME` (the documents with at least one hit of a topic).
/// A document is in a period when its whole date lies inside it: a document
/// dated only "1962" is not in `1962-01..1962-06`.
public enum KeynessTarget: Sendable, Hashable, CustomStringConvertible {
    case period(from: HistoricalDate, to: HistoricalDate)
    case documents([String])
    case topic(String)

    public init(_ text: String) {
        if text.hasPrefix("topic:") {
            self = .topic(String(text.dropFirst(6)))
        } else if let range = text.range(of: ".."),
                  let from = HistoricalDate(iso: text[..<range.lowerBound]), let to = HistoricalDate(iso: text[range.upperBound...]) {
            self = .period(from: from, to: to)
        } else if let date = HistoricalDate(iso: text) {
            self = .period(from: date, to: date)
        } else {
            self = .documents(text.split(separator: ",").map { $0.trimmingWhitespace })
        }
    }

    public var description: String {
        switch self {
        case let .period(from, to): from == to ? from.iso : "\(from.iso)..\(to.iso)"
        case let .documents(ids): ids.joined(separator: ",")
        case let .topic(name): "topic:\(name)"
        }
    }

    /// Whether a document belongs to the target; `hasTopic` answers for `topic:` targets.
    public func contains(_ document: Document, hasTopic: (Document, String) -> Bool = { _, _ in false }) -> Bool {
        contains(id: document.id, date: document.date) { hasTopic(document, $0) }
    }

    /// Whether a document of this record belongs to the target; `hasTopic` answers for `topic:` targets.
    public func contains(_ document: DocumentRecord, hasTopic: (String) -> Bool = { _ in false }) -> Bool {
        contains(id: document.id, date: document.date, hasTopic: hasTopic)
    }

    private func contains(id: String, date: DocumentDate?, hasTopic: (String) -> Bool) -> Bool {
        switch self {
        case let .period(from, to):
            guard let date = date?.value else { return false }
            return date.firstDay >= from.firstDay && date.lastDay <= to.lastDay
        case let .documents(ids):
            return ids.contains(id)
        case let .topic(name):
            return hasTopic(name)
        }
    }
}

