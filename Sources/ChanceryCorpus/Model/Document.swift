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
    /// Body paragraphs in Unicode NFC, separated by blank lines ("\n\n"); set once, since `editorialSpans` and every
    /// token's offsets point into it (`record` is the document without it).
    public private(set) var body: String
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
    /// "\n\n" gives the same pieces as splitting the characters. The bytes are read from the body's buffer, not
    /// through its UTF-8 view (a record is made of every document an analysis reads; the view took four times as long).
    public var paragraphCount: Int {
        var body = body
        return body.withUTF8 { bytes in
            var count = 0
            var pieceLength = 0
            var pendingNewline = false
            for byte in bytes {
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
    }

    /// How many passages are still withheld ("not declassified" and similar).
    public var redactionCount: Int {
        editorialSpans.count { $0.kind == .redaction }
    }

    /// The text at UTF-8 offsets of the body, each run of whitespace shown as one space, none at either end
    /// (as `text(at:).split(whereSeparator: \.isWhitespace).joined(separator: " ")`).
    ///
    /// Splitting a substring into characters costs time in the length of the grapheme cluster its start falls
    /// in: a hostile body can hold thousands of tokens in one cluster ("a" and a thousand times a mark and a
    /// zero-width joiner), and a piece of text per token cost time quadratic in the cluster. ASCII text is
    /// collapsed byte by byte; other text is copied first, so that its characters start where it starts.
    public func collapsedText(at range: Range<Int>) -> String {
        var body = body
        return body.withUTF8 { bytes in
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            guard !slice.contains(where: { $0 >= 0x80 }) else {
                return String(decoding: slice, as: UTF8.self).split(whereSeparator: \.isSpace).joined(separator: " ")
            }
            var text: [UInt8] = []
            text.reserveCapacity(slice.count)
            var pendingSpace = false
            for byte in slice {
                if byte.isASCIIWhitespace {
                    pendingSpace = !text.isEmpty
                } else {
                    if pendingSpace { text.append(0x20) }
                    pendingSpace = false
                    text.append(byte)
                }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Whether the character before UTF-8 offset `offset` of the body is whitespace (false at the start).
    public func isWhitespace(before offset: Int) -> Bool {
        let utf8 = body.utf8
        guard offset > 0, offset <= utf8.count else { return false }
        let end = utf8.index(utf8.startIndex, offsetBy: offset)
        let scalars = body.unicodeScalars
        return scalars[scalars.index(before: end)].properties.isWhitespace
    }

    /// Whether the character at UTF-8 offset `offset` of the body is whitespace (false at the end).
    public func isWhitespace(at offset: Int) -> Bool {
        let utf8 = body.utf8
        guard offset >= 0, offset < utf8.count else { return false }
        return body.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: offset)].properties.isWhitespace
    }

    /// The text at UTF-8 offsets of the body.
    public func text(at range: Range<Int>) -> Substring {
        let utf8 = body.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return body[lower..<upper]
    }
}
