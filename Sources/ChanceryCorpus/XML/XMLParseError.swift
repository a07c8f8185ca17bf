/// A well-formedness or safety error, with the position where it was found.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words meant for the person who owns the document.
    public var message: String
    /// 1-based line of the error.
    public var line: Int
    /// 1-based column, counted in Unicode scalars on that line.
    public var column: Int
    /// 0-based offset of the error in the input bytes.
    public var byteOffset: Int
    /// True when the document is not UTF-8 XML text from `byteOffset` on: another encoding (refused before any
    /// event), or bytes that are not UTF-8 or are NUL (the events before them were returned).
    public var isEncodingError: Bool

    /// Creates an error at an explicit position.
    public init(message: String, line: Int, column: Int, byteOffset: Int, isEncodingError: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.isEncodingError = isEncodingError
    }

    /// `"line:column: message"`.
    public var description: String { "\(line):\(column): \(message)" }
}
