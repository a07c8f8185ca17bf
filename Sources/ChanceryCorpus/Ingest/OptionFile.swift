#if canImport(Glibc)
import Glibc
#endif

/// Reads the files that options name (a stopword list, a lexicon, a gazetteer): bounded, checked, with errors a
/// user can act on.
///
/// Such a file is read whole and parsed in memory, so its size is capped; only a regular file is read (a device
/// such as /dev/zero, a FIFO or a folder would never end or mean nothing); and the text must be UTF-8, which the
/// error says how to get when it is not.
public enum OptionFile {
    /// The largest option file read: far above any real list or lexicon (the default lexicon is 12 KB), far below
    /// what parsing could not hold in memory.
    public static let maximumBytes = 10 * 1024 * 1024

    /// The file's text, without a byte order mark. `kind` names the file in messages ("stopword list").
    public static func text(_ path: String, kind: String, maximumBytes: Int = maximumBytes) throws(OptionFileError) -> String {
        let bytes = try self.bytes(path, kind: kind, maximumBytes: maximumBytes)
        return try decode(bytes, path: path, kind: kind)
    }

    /// The file's bytes as they are (for a digest), after the same checks of kind and size.
    public static func bytes(_ path: String, kind: String, maximumBytes: Int = maximumBytes) throws(OptionFileError) -> [UInt8] {
        func failure(_ message: String) -> OptionFileError { OptionFileError(file: path, kind: kind, message: message) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure("cannot read the \(kind): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("cannot read the \(kind): \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("the \(kind) is a folder, not a file")
        default: throw failure("the \(kind) is not a regular file (a device, a pipe or a socket); give a file")
        }
        if Int(info.st_size) > maximumBytes {
            throw failure("the \(kind) is \(grouped(Int(info.st_size))) bytes; Chancery reads at most \(grouped(maximumBytes)) bytes of one")
        }
        // Read up to one byte past the limit: a file that grew since `fstat` (or whose size the system does not
        // report, as for files in /proc) is still stopped there.
        var bytes = [UInt8](repeating: 0, count: min(maximumBytes, max(0, Int(info.st_size))) + 1)
        var filled = 0
        while filled <= maximumBytes {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, maximumBytes + 1 - bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw failure("cannot read the \(kind): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            filled += count
        }
        if filled > maximumBytes { throw failure("the \(kind) goes on past \(grouped(maximumBytes)) bytes, the most Chancery reads of one") }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// 10485760 → "10,485,760".
    package static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// The bytes as UTF-8 text, without a byte order mark; the error says where the text stops being UTF-8 and how
    /// to convert it.
    public static func decode(_ bytes: [UInt8], path: String, kind: String) throws(OptionFileError) -> String {
        func failure(_ message: String) -> OptionFileError { OptionFileError(file: path, kind: kind, message: message) }
        func convert(from encoding: String) -> String { "convert it with: iconv -f \(encoding) -t UTF-8 \(shellQuoted(path)) > converted" }
        if let encoding = UTF8Check.wideEncoding(bytes) {
            throw failure("the \(kind) is \(encoding) text; Chancery reads UTF-8: " + convert(from: encoding))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let problem = body.withUnsafeBufferPointer { buffer -> (offset: Int, line: Int, column: Int)? in
            guard let bad = UTF8Check.firstInvalidByte(in: buffer) else { return nil }
            let (line, column) = UTF8Check.lineAndColumn(of: bad, in: buffer)
            return (bad, line, column)
        }
        if let problem {
            let offset = problem.offset + bytes.count - body.count
            let hex = String(body[problem.offset], radix: 16, uppercase: true)
            throw OptionFileError(file: path, kind: kind, line: problem.line, column: problem.column,
                                  message: "the \(kind) is not UTF-8 text: byte \(offset) is 0x\(hex), which UTF-8 does not allow there; "
                                      + "if the file is Windows-1252 or Latin-1, " + convert(from: "WINDOWS-1252"))
        }
        if body.contains(0) {
            throw failure("the \(kind) holds a NUL byte: it is a binary file, not text")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// The path as one word for a shell command in a message.
    private static func shellQuoted(_ path: String) -> String {
        path.utf8.allSatisfy { $0 < 0x80 && ($0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            || (0x30...0x39).contains($0) || ASCII.isLetter($0)) }
            ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

/// An option file that cannot be used: which file, what kind, where in it (for text that is not UTF-8) and why.
public struct OptionFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// What the file is for ("lexicon", "stopword list", "gazetteer").
    public var kind: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, kind: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    /// `lexicon.yml:3:7: error: the lexicon is not UTF-8 text: ...`
    public var description: String { Self.describe(file: file, line: line, column: column, message: message) }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, line and column when known: the form of every option file's error.
    public static func describe(file: String, line: Int?, column: Int?, message: String) -> String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}
