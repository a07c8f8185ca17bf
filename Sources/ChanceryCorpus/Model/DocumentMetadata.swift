/// What an archive says about a document, apart from its text.
///
/// Fields a format does not carry stay nil; nothing is invented.
public struct DocumentMetadata: Hashable, Sendable, Codable {
    /// The full citation as the archive gives it.
    public var citation: String?
    /// The document's page at the archive.
    public var sourceURL: String?
    /// The archive's own reference: fonds, file and folios ("PRC FMA 106-00645-04, 118-119").
    public var archiveReference: String?
    /// Who translated the document, from "Translated by ...".
    public var translator: String?
    /// The archive's summary.
    public var summary: String?
    /// The archive's credit line.
    public var credits: String?
    /// The language the document was written in.
    public var originalLanguage: String?
    /// What the export contains ("Translation - English", "Original Document").
    public var contentsKind: String?
    /// The document's number in its volume (FRUS `@n`).
    public var number: String?
    /// The volume or collection the document belongs to (FRUS volume id).
    public var collection: String?
    /// The place in the dateline ("Washington", "Taipei").
    public var place: String?
    /// The dateline as printed.
    public var dateline: String?
    /// The editors' source note (FRUS `note n="0"`): where the original is held and how it was classified.
    public var sourceNote: String?

    public init() {}
}
