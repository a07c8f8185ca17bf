/// The layout a file was read in, detected from its content.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable, Comparable {
    /// A Wilson Center Digital Archive export: bold date and title lines, **Citation:** ... **Contents:**, body after `[...]`.
    case wilsonExport = "wilson-export"
    /// A FRUS volume in TEI XML: one document per `div[@type='document']`.
    case teiXML = "frus-tei"
    /// Plain text: title on the first line, an optional dateline, then the body.
    case plainText = "plain-text"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
