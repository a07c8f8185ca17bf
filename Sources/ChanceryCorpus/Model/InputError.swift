/// A problem with one input file, pointing at the place in it.
///
/// Printed compiler-style, so editors and terminals can jump to it:
/// `cables/1962-12-08.txt:14:3: error: date "February 31, 1962" does not exist: February 1962 has 28 days, not 31`.
public struct InputError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Where in the file: a line (and column) for text, a byte offset for bytes that are not text.
    public enum Location: Hashable, Sendable, Codable {
        case file
        case line(Int, column: Int?)
        case byte(Int)
    }

    /// What kind of problem, so callers can tell them apart; new codes break no one.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unreadable = Code(rawValue: "unreadable")
        public static let empty = Code(rawValue: "empty")
        public static let binary = Code(rawValue: "binary")
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        public static let malformedXML = Code(rawValue: "malformed-xml")
        public static let notTEI = Code(rawValue: "not-tei")
        public static let missingSection = Code(rawValue: "missing-section")
        public static let impossibleDate = Code(rawValue: "impossible-date")
        public static let noDocuments = Code(rawValue: "no-documents")
        /// A symbolic link that leads out of the input folder: never followed.
        public static let outsideInput = Code(rawValue: "outside-input")
        /// A file of a type Chancery does not read (`.pdf`, `.docx`, `.csv`).
        public static let ignoredType = Code(rawValue: "ignored-type")
        /// A README, LICENSE or like file beside the documents.
        public static let ignoredName = Code(rawValue: "ignored-name")
        /// A link to a folder already read, or a folder mounted twice.
        public static let repeatedFolder = Code(rawValue: "repeated-folder")
        /// A link to a file already read.
        public static let repeatedFile = Code(rawValue: "repeated-file")
        /// A named pipe, a device or a socket.
        public static let notRegular = Code(rawValue: "not-regular")
        /// A date that could not be used (a year out of range): the document is read, undated.
        public static let unusableDate = Code(rawValue: "unusable-date")
        /// A document id that repeats an earlier document's: the document is read under a numbered id.
        public static let repeatedID = Code(rawValue: "repeated-id")
    }

    /// How much the problem costs: an error loses a file or documents; a warning keeps the document with
    /// something left out or changed; a note says what was passed by on purpose and loses nothing the
    /// user asked for (a `.pdf`, a README, a second link to a folder already read).
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    public var file: String
    public var location: Location
    public var code: Code
    public var message: String
    public var severity: Severity

    public init(file: String, location: Location, code: Code, message: String, severity: Severity = .error) {
        self.file = file
        self.location = location
        self.code = code
        self.message = message
        self.severity = severity
    }

    /// The place alone: "12:3", "line 12", "byte 4096", or "" for the whole file.
    public var place: String {
        switch location {
        case .file: ""
        case let .line(line, column?): "\(line):\(column)"
        case let .line(line, nil): "\(line)"
        case let .byte(offset): "byte \(offset)"
        }
    }

    public var description: String {
        switch location {
        case .file: "\(file): \(severity.rawValue): \(message)"
        case .line: "\(file):\(place): \(severity.rawValue): \(message)"
        case let .byte(offset): "\(file): byte \(offset): \(severity.rawValue): \(message)"
        }
    }
}
