/// Where a document's date came from.
public enum DateProvenance: String, Sendable, Codable {
    /// A metadata field: the Wilson export's date line, a TEI `date/@when`.
    case metadata
    /// Read from the printed dateline text ("Washington, January 12, 1961, 8:40 p.m.").
    case dateline
    /// Taken from the TEI division's `frus:doc-dateTime-min` attribute, when the dateline has no date.
    case catalogue
}

/// A document's own date: the value, the text it was read from, and where that text stood.
public struct DocumentDate: Hashable, Sendable, Codable {
    public var value: HistoricalDate
    /// The date as printed ("December 8, 1962"), kept for citation.
    public var text: String
    public var provenance: DateProvenance

    public init(value: HistoricalDate, text: String, provenance: DateProvenance) {
        self.value = value
        self.text = text
        self.provenance = provenance
    }
}
