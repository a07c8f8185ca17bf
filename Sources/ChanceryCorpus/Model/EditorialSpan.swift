/// What an editor's or translator's bracket in the text does.
public enum EditorialKind: String, Sendable, Codable, CaseIterable {
    /// Names who or what the text means: "Hao [Deqing]", "the Premier [Kim Il Sung]", "he [Stalin]".
    case resolution
    /// Supplies words the original leaves out: "[1962]", "[us]", "[but]", "[He] asked".
    case insertion
    /// A translator's or editor's note: "[trans. note—...]", "[Editor's note: ...]", a cross-reference "[Document 21]".
    case translatorNote = "translator-note"
    /// Marks text left out by the editors: "[...]", "[Here follows discussion of ...]".
    case elision
    /// Text still withheld: "[less than 1 line not declassified]", "[1 paragraph (6 lines) not declassified]".
    case redaction
    /// The editors could not read or doubt the text, and say so: "[illegible]", "[sic]", "[?]", "[apparent omission]".
    case uncertainty
    /// The editors' doubtful reading of the text's word: "[denied?]", "[staff?]".
    case conjecture

    /// Whether the bracket's words stand in the text: the editors' or translator's reading, completion or naming of
    /// what the document says (a resolution, an insertion, a conjecture). The other kinds are about the text, not
    /// in it: a redaction notice ("[2 lines of source text not declassified]"), an elision ("[...]", "[Here
    /// follows ...]"), a note ("[trans. note—...]", "[Document 21]") or a mark ("[sic]", "[illegible]"). Their words
    /// are left out of counts unless every bracket is asked for (`EditorialPolicy` in ChanceryAnalytics).
    public var isText: Bool {
        switch self {
        case .resolution, .insertion, .conjecture: true
        case .translatorNote, .elision, .redaction, .uncertainty: false
        }
    }
}

/// A bracketed editorial insertion in a document body, kept in the text and marked.
public struct EditorialSpan: Hashable, Sendable, Codable {
    public var kind: EditorialKind
    /// UTF-8 offsets of the whole bracket, brackets included, in the document body.
    public var range: Range<Int>
    /// The text between the brackets.
    public var content: String

    public init(kind: EditorialKind, range: Range<Int>, content: String) {
        self.kind = kind
        self.range = range
        self.content = content
    }
}
