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
    }

    public var file: String
    public var location: Location
    public var code: Code
    public var message: String

    public init(file: String, location: Location, code: Code, message: String) {
        self.file = file
        self.location = location
        self.code = code
        self.message = message
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
        case .file: "\(file): error: \(message)"
        case .line: "\(file):\(place): error: \(message)"
        case let .byte(offset): "\(file): byte \(offset): error: \(message)"
        }
    }
}
