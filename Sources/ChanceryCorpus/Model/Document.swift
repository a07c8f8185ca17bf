/// One archival document: metadata, body text and editorial marks.
///
/// The body holds the prose only; a cable's routing header ("Urgent",
/// "ILD Received No. 1197") and its closing signature and date lines are kept
/// in `header` and `closing`, so counts are not inflated by them. Editorial
/// brackets stay in the body and are listed in `editorialSpans`.
public struct Document: Hashable, Sendable, Codable, Identifiable {
    /// Unique within a corpus: the file's path without extension, or the volume and `xml:id` for TEI.
    public var id: String
    /// The file the document was read from, relative to the corpus root.
    public var file: String
    public var format: DocumentFormat
    public var title: String
    public var date: DocumentDate?
    public var metadata: DocumentMetadata
    /// Lines before the prose: routing, classification, heading, addressee.
    public var header: [String]
    /// Body paragraphs in Unicode NFC, separated by blank lines ("\n\n").
    public var body: String
    /// Lines after the prose: signature, closing date, complimentary close.
    public var closing: [String]
    public var editorialSpans: [EditorialSpan]
    public var notes: [Note]
    public var persons: [PersonMention]

    public init(
        id: String, file: String, format: DocumentFormat, title: String, date: DocumentDate?,
        metadata: DocumentMetadata = DocumentMetadata(), header: [String] = [], body: String,
        closing: [String] = [], notes: [Note] = [], persons: [PersonMention] = []
    ) {
        self.id = id
        self.file = file
        self.format = format
        self.title = title
        self.date = date
        self.metadata = metadata
        self.header = header
        self.body = TextNormalizer.nfc(body)
        self.closing = closing
        self.editorialSpans = EditorialSpanFinder.spans(in: self.body)
        self.notes = notes
        self.persons = persons
    }

    /// The body's paragraphs.
    public var paragraphs: [Substring] {
        body.split(separator: "\n\n", omittingEmptySubsequences: true)
    }

    /// `paragraphs.count`, counted over the UTF-8 bytes without making the paragraphs.
    ///
    /// A line feed is always a character of its own, so splitting the bytes at
    /// "\n\n" gives the same pieces as splitting the characters.
    public var paragraphCount: Int {
        var count = 0
        var pieceLength = 0
        var pendingNewline = false
        for byte in body.utf8 {
            if byte == 0x0A, pendingNewline {
                if pieceLength > 0 { count += 1 }
                pieceLength = 0
                pendingNewline = false
            } else if byte == 0x0A {
                pendingNewline = true
            } else {
                pieceLength += pendingNewline ? 2 : 1
                pendingNewline = false
            }
        }
        if pieceLength > 0 || pendingNewline { count += 1 }
        return count
    }

    /// How many passages are still withheld ("not declassified" and similar).
    public var redactionCount: Int {
        editorialSpans.count { $0.kind == .redaction }
    }

    /// The text at UTF-8 offsets of the body.
    public func text(at range: Range<Int>) -> Substring {
        let utf8 = body.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return body[lower..<upper]
    }
}
