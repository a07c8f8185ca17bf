/// A document without its body: what an analysis keeps of it once its text has been read.
///
/// A large collection's text cannot stay in memory while its results are
/// written, and the writers need only this: the metadata, how many header and
/// closing lines and paragraphs there were, which editorial brackets the body
/// held (their kinds; their offsets and contents point into a body the record
/// does not have) and the persons an edition names. A `Document`'s invariants
/// (an NFC body, spans found in it) cannot be broken by emptying its body,
/// since the record is a separate type.
public struct DocumentRecord: Hashable, Sendable {
    /// The document's id (`Document.id`); numbered like it when two files yield the same.
    public var id: String
    public var file: String
    public var format: DocumentFormat
    public var title: String
    public var date: DocumentDate?
    public var metadata: DocumentMetadata
    public var header: [String]
    public var closing: [String]
    /// The kind of each editorial bracket of the body, in order (`Document.editorialSpans`).
    public var editorialKinds: [EditorialKind]
    public var persons: [PersonMention]
    /// The body's paragraphs (`Document.paragraphCount`).
    public var paragraphCount: Int

    /// The record of `document`.
    public init(_ document: Document) {
        id = document.id
        file = document.file
        format = document.format
        title = document.title
        date = document.date
        metadata = document.metadata
        header = document.header
        closing = document.closing
        editorialKinds = document.editorialSpans.map(\.kind)
        persons = document.persons
        paragraphCount = document.paragraphCount
    }

    /// How many passages are still withheld ("not declassified" and similar), as `Document.redactionCount`.
    public var redactionCount: Int {
        count(of: .redaction)
    }

    /// How many editorial brackets of a kind the body holds: elisions and notes are not counted as words by default
    /// (`EditorialKind.isText`), so reports count them as brackets, beside the redactions.
    public func count(of kind: EditorialKind) -> Int {
        editorialKinds.count { $0 == kind }
    }
}

extension Document {
    /// The document without its body.
    public var record: DocumentRecord { DocumentRecord(self) }
}
